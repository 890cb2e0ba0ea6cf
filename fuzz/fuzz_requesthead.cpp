// The HTTP/1.1 request head as the connection guard reads it, before Qt HttpServer does.
#include "fuzzinput.h"

#include "server/requesthead.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Countersign;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype end = RequestHead::findEnd(bytes);
    COUNTERSIGN_FUZZ_CHECK(end == -1 || (end > 0 && end <= bytes.size()));
    const auto head = RequestHead::parse(end > 0 ? bytes.first(end) : bytes);
    if (head) {
        COUNTERSIGN_FUZZ_CHECK(head->contentLength >= 0);
        COUNTERSIGN_FUZZ_CHECK(!head->method.isEmpty());
        if (end > 0)
            COUNTERSIGN_FUZZ_CHECK(head->length == end);
    }
    return 0;
}
