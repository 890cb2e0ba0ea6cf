// The unified diff importer (patches from agents and files), and apply() on what it accepts.
#include "fuzzinput.h"

#include "diff/unifieddiff.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Countersign;
    const QString patch = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto files = UnifiedDiff::parse(patch);
    if (!files)
        return 0;
    for (const FileDiff &file : *files) {
        COUNTERSIGN_FUZZ_CHECK(file.isPartial());
        // A parsed patch writes back to a patch that parses to the same model.
        const QString written = UnifiedDiff::write(file);
        const auto again = UnifiedDiff::parse(written);
        COUNTERSIGN_FUZZ_CHECK(bool(again));
        (void)UnifiedDiff::apply(file, QString());
        (void)UnifiedDiff::apply(file, patch.left(200));
    }
    return 0;
}
