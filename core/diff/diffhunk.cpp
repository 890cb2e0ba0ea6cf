#include "diffhunk.h"

namespace Countersign {

bool DiffHunk::hasChanges() const
{
    for (const DiffRow &row : rows) {
        if (row.kind != DiffRowKind::Context)
            return true;
    }
    return false;
}

} // namespace Countersign
