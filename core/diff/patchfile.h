#pragma once

#include "filediff.h"

#include <QString>

namespace Countersign {

// One file of a multi-file patch (PatchSet): what git's headers say about it, its hunks as a
// partial FileDiff (file -> hunks -> rows), and the section's own text, so a file the reviewer
// did not touch is written back byte for byte. Plain data.
struct PatchFile {
    enum class Status { Modified, Added, Removed, Renamed, Copied };

    Status status = Status::Modified;
    // Paths without git's "a/" and "b/" prefixes; empty for /dev/null.
    QString oldPath;
    QString newPath;
    bool binary = false;
    // The hunks; no hunks for a pure rename, a mode change or a binary file.
    FileDiff diff;
    // The section's lines before its first hunk ("diff --git", "index", modes, renames, "---",
    // "+++"), verbatim with their newlines, and the whole section verbatim.
    QString headerText;
    QString sectionText;

    // The path the file has after the patch (its old path when it is removed).
    QString path() const { return newPath.isEmpty() ? oldPath : newPath; }
    // "old → new" for a rename or copy, else path().
    QString displayPath() const;
    // The suffix of path() ("cpp", "py"), for choosing a syntax definition.
    QString extension() const;
    int addedCount() const { return diff.addedCount(); }
    int removedCount() const { return diff.removedCount(); }
    bool hasHunks() const { return !diff.hunks().isEmpty(); }
};

} // namespace Countersign
