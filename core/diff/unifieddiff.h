#pragma once

#include "domain/error.h"
#include "filediff.h"

namespace Countersign {

// The unified diff format (`diff -u`, `git diff`): export, import and application.
class UnifiedDiff
{
public:
    // The patch text: "--- leftName" / "+++ rightName" headers, then every hunk that has
    // changes, with "\ No newline at end of file" where a side's last line lacks one. Empty for
    // an identical pair. `git apply` and `patch` accept it.
    static QString write(const FileDiff &diff);

    // A hunk's header line without its newline: "@@ -a,b +c,d @@", then its section if any.
    static QString hunkHeader(const DiffHunk &hunk);

    // Reads a patch holding one or more files (git's extended headers are skipped) into the
    // same model Differ produces: Changed rows paired and refined. The diffs are partial: they
    // only know the lines their hunks show. Fails on malformed hunks, naming the line.
    static Result<QList<FileDiff>> parse(const QString &patch);

    // Applies the hunks to `left` and returns the right text. The hunks must match `left`
    // exactly where they say (context and removed lines, and a missing final newline);
    // otherwise fails with a Conflict error naming the first line that does not match.
    static Result<QString> apply(const FileDiff &diff, const QString &left);
};

} // namespace Countersign
