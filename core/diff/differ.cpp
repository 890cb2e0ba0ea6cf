#include "differ.h"

#include "changecompactor.h"
#include "hunkbuilder.h"
#include "lineinterner.h"
#include "logging.h"
#include "sequencediff.h"

namespace Countersign {

FileDiff Differ::diff(
    const QString &left, const QString &right, const DiffOptions &options, const std::function<bool()> &isCanceled)
{
    const std::function<bool()> *cancel = isCanceled ? &isCanceled : nullptr;
    FileDiff diff;
    diff.setLeftText(left);
    diff.setRightText(right);
    const int n = diff.leftLineCount();
    const int m = diff.rightLineCount();
    std::vector<QStringView> leftLines(static_cast<size_t>(n));
    std::vector<QStringView> rightLines(static_cast<size_t>(m));
    for (int i = 0; i < n; ++i)
        leftLines[size_t(i)] = diff.leftLine(i);
    for (int i = 0; i < m; ++i)
        rightLines[size_t(i)] = diff.rightLine(i);

    std::vector<int> idsL(static_cast<size_t>(n));
    std::vector<int> idsR(static_cast<size_t>(m));
    int idCount = 0;
    {
        LineInterner interner(options.ignoreWhitespace, qsizetype(n) + m);
        // The last line's missing newline is part of its identity, so "a" and "a\n" differ.
        interner.internAll(leftLines, !diff.leftEndsWithNewline(), idsL.data());
        interner.internAll(rightLines, !diff.rightEndsWithNewline(), idsR.data());
        idCount = interner.size();
    }

    SequenceDiff::Result result = SequenceDiff::run(idsL, idsR, idCount, options.costLimit, cancel);
    if (result.approximate && !result.canceled)
        qCDebug(lcDiff) << "cost limit reached on" << n << "x" << m << "lines; the diff is not minimal";
    ChangeCompactor::compact(idsL, result.changedA, idsR, result.changedB, leftLines, rightLines);
    const QList<DiffChange> changes = SequenceDiff::changes(result.changedA, result.changedB);

    QList<DiffHunk> hunks = HunkBuilder::build(changes, leftLines, rightLines, options.contextLines);
    if (options.refineWords && !result.canceled)
        HunkBuilder::refine(hunks, leftLines, rightLines, options.ignoreWhitespace, cancel);
    diff.setHunks(hunks);
    diff.setApproximate(result.approximate);
    return diff;
}

} // namespace Countersign
