// The unified diff importer (patches from agents and files), and apply() on what it accepts.
#include "fuzzinput.h"

#include "diff/patchset.h"
#include "diff/patchwriter.h"
#include "diff/unifieddiff.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Countersign;
    const QString patch = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    // The multi-file reader: whatever it accepts, an unedited file written again (through the
    // diff of its old side and its unchanged new side) parses, and the whole patch written
    // without edits is the patch itself.
    if (const auto set = PatchSet::parse(patch)) {
        COUNTERSIGN_FUZZ_CHECK(PatchWriter::write(*set, {}).value_or(QString()) == patch || !patch.endsWith(u'\n'));
        for (qsizetype i = 0; i < set->files().size() && i < 4; ++i) {
            const auto texts = PatchWriter::editableTexts(set->files().at(i));
            if (!texts || texts->newText.size() > 100'000)
                continue;
            const auto written = PatchWriter::write(*set, {{int(i), texts->newText}});
            COUNTERSIGN_FUZZ_CHECK(bool(written));
            if (written)
                (void)PatchSet::parse(*written);
        }
    }
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
