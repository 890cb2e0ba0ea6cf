// The diff engine: two texts (split at the first NUL byte) under a few option sets. What it
// produces must export to a patch that turns the left text into the right one exactly.
#include "fuzzinput.h"

#include "diff/differ.h"
#include "diff/unifieddiff.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Countersign;
    if (size < 1 || size > 64 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype split = bytes.indexOf('\0');
    const QString left = QString::fromUtf8(split < 0 ? bytes : bytes.left(split));
    const QString right = split < 0 ? QString() : QString::fromUtf8(bytes.mid(split + 1));

    DiffOptions options;
    options.contextLines = int(data[0] & 3) - 1; // -1 (whole file) .. 2
    options.refineWords = (data[0] & 4) != 0;
    options.costLimit = (data[0] & 8) ? 200 : 40'000'000; // also the cut-short path
    const FileDiff diff = Differ::diff(left, right, options);
    COUNTERSIGN_FUZZ_CHECK(diff.isIdentical() == (left == right));
    // The exported patch applies to the left text and gives the right text back.
    const auto parsed = UnifiedDiff::parse(UnifiedDiff::write(diff));
    COUNTERSIGN_FUZZ_CHECK(bool(parsed));
    if (left != right) {
        COUNTERSIGN_FUZZ_CHECK(parsed->size() == 1);
        const auto applied = UnifiedDiff::apply(parsed->first(), left);
        COUNTERSIGN_FUZZ_CHECK(bool(applied));
        COUNTERSIGN_FUZZ_CHECK(*applied == right);
    }
    return 0;
}
