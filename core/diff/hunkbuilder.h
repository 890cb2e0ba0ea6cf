#pragma once

#include "diffhunk.h"
#include "sequencediff.h"

#include <QStringView>

#include <functional>
#include <span>

namespace Countersign {

// Turns changes into hunks of rows (internal to the diff engine; shared by Differ and the
// unified-diff parser so both produce the same model).
class HunkBuilder
{
public:
    // Hunks for `changes` between texts of leftLineCount and rightLineCount lines, with
    // contextLines of context (changes that close ranges merge); -1: one hunk for the whole file.
    // The lines are needed to pair removed and added lines by similarity (see LinePairing).
    static QList<DiffHunk> build(const QList<DiffChange> &changes, std::span<const QStringView> leftLines,
        std::span<const QStringView> rightLines, int contextLines);

    // Appends the rows of one change: removed and added lines that face each other as Changed
    // rows, the others as Removed rows, then Added rows, at their place. removed and added are
    // the change's own lines (leftCount and rightCount of them).
    static void appendChange(QList<DiffRow> &rows, const DiffChange &change, std::span<const QStringView> removed,
        std::span<const QStringView> added);

    // Fills the intra-line spans of every Changed row. Returns false if canceled part way.
    static bool refine(QList<DiffHunk> &hunks, std::span<const QStringView> leftLines,
        std::span<const QStringView> rightLines, bool ignoreWhitespace,
        const std::function<bool()> *isCanceled = nullptr);
};

} // namespace Countersign
