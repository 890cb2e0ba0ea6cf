#pragma once

#include <cstddef>
#include <cstdint>

// The libFuzzer entry point every harness defines; replaymain.cpp calls it without libFuzzer.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// A harness found a broken invariant (not bad input, which must simply fail): stop loudly, so
// libFuzzer saves the input and the replay test fails.
#define COUNTERSIGN_FUZZ_CHECK(condition)                                                                              \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            __builtin_printf("fuzz invariant broken: %s (%s:%d)\n", #condition, __FILE__, __LINE__);                   \
            __builtin_trap();                                                                                          \
        }                                                                                                              \
    } while (false)
