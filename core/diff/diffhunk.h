#pragma once

#include "diffrow.h"

#include <QString>

namespace Countersign {

// A run of rows: changes plus the context around them. Starts are 0-based line numbers; a side
// with a count of 0 starts at the line before which its (empty) range sits.
struct DiffHunk {
    int leftStart = 0;
    int leftCount = 0;
    int rightStart = 0;
    int rightCount = 0;
    QList<DiffRow> rows;
    // What a patch's hunk header says after its second "@@" (git puts the enclosing function or
    // section there: "@@ -107,6 +107,14 @@ bool Server::decide(...)"); empty when none, and for
    // hunks the differ made.
    QString section;

    // True when at least one row is not Context.
    bool hasChanges() const;

    friend bool operator==(const DiffHunk &, const DiffHunk &) = default;
};

} // namespace Countersign
