#pragma once

#include <QtGlobal>

namespace Countersign::Test {

// A wall-clock bound for an optimised build, widened for debug and sanitizer builds where
// timings say nothing about the algorithm.
constexpr qint64 timeLimit(qint64 optimisedMs)
{
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
    return optimisedMs;
#else
    return optimisedMs * 10;
#endif
}

} // namespace Countersign::Test
