#pragma once

#include "diffrow.h"

namespace Countersign {

// A run of rows: changes plus the context around them. Starts are 0-based line numbers; a side
// with a count of 0 starts at the line before which its (empty) range sits.
struct DiffHunk {
    int leftStart = 0;
    int leftCount = 0;
    int rightStart = 0;
    int rightCount = 0;
    QList<DiffRow> rows;

    // True when at least one row is not Context.
    bool hasChanges() const;

    friend bool operator==(const DiffHunk &, const DiffHunk &) = default;
};

} // namespace Countersign
