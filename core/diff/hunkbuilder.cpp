#include "hunkbuilder.h"

#include "inlinediff.h"
#include "linepairing.h"

#include <QThread>
#include <QtConcurrentMap>

#include <algorithm>

namespace Countersign {

namespace {

void appendContext(QList<DiffRow> &rows, int leftLine, int rightLine, int count)
{
    for (int i = 0; i < count; ++i)
        rows.append(DiffRow{leftLine + i, rightLine + i, DiffRowKind::Context, {}, {}});
}

} // namespace

void HunkBuilder::appendChange(QList<DiffRow> &rows, const DiffChange &change, std::span<const QStringView> removed,
    std::span<const QStringView> added)
{
    const std::vector<int> facing = LinePairing::pair(removed, added);
    int r = 0;
    for (int l = 0; l < change.leftCount; ++l) {
        const int j = facing[size_t(l)];
        if (j < 0) {
            rows.append(DiffRow{change.leftStart + l, -1, DiffRowKind::Removed, {}, {}});
            continue;
        }
        for (; r < j; ++r)
            rows.append(DiffRow{-1, change.rightStart + r, DiffRowKind::Added, {}, {}});
        rows.append(DiffRow{change.leftStart + l, change.rightStart + j, DiffRowKind::Changed, {}, {}});
        r = j + 1;
    }
    for (; r < change.rightCount; ++r)
        rows.append(DiffRow{-1, change.rightStart + r, DiffRowKind::Added, {}, {}});
}

QList<DiffHunk> HunkBuilder::build(const QList<DiffChange> &changes, std::span<const QStringView> leftLines,
    std::span<const QStringView> rightLines, int contextLines)
{
    const int leftLineCount = int(leftLines.size());
    const int rightLineCount = int(rightLines.size());
    QList<DiffHunk> hunks;
    if (contextLines < 0) {
        // The whole file, changed or not, as one hunk.
        if (leftLineCount == 0 && rightLineCount == 0)
            return hunks;
        DiffHunk hunk{0, leftLineCount, 0, rightLineCount, {}, {}};
        hunk.rows.reserve(qMax(leftLineCount, rightLineCount));
        int l = 0;
        int r = 0;
        for (const DiffChange &c : changes) {
            appendContext(hunk.rows, l, r, c.leftStart - l);
            appendChange(hunk.rows, c, leftLines.subspan(size_t(c.leftStart), size_t(c.leftCount)),
                rightLines.subspan(size_t(c.rightStart), size_t(c.rightCount)));
            l = c.leftStart + c.leftCount;
            r = c.rightStart + c.rightCount;
        }
        appendContext(hunk.rows, l, r, leftLineCount - l);
        hunks.append(std::move(hunk));
        return hunks;
    }

    qsizetype i = 0;
    while (i < changes.size()) {
        // Changes at most 2 * context apart share a hunk, as in diff(1) and git.
        qsizetype last = i;
        while (last + 1 < changes.size()) {
            const DiffChange &prev = changes.at(last);
            const DiffChange &next = changes.at(last + 1);
            if (next.leftStart - (prev.leftStart + prev.leftCount) > 2 * contextLines)
                break;
            ++last;
        }
        const DiffChange &first = changes.at(i);
        const DiffChange &end = changes.at(last);
        const int before = qMin(contextLines, first.leftStart);
        const int leftEnd = end.leftStart + end.leftCount;
        const int after = qMin(contextLines, leftLineCount - leftEnd);
        DiffHunk hunk;
        hunk.leftStart = first.leftStart - before;
        hunk.rightStart = first.rightStart - before;
        hunk.leftCount = leftEnd + after - hunk.leftStart;
        hunk.rightCount = end.rightStart + end.rightCount + after - hunk.rightStart;
        int l = hunk.leftStart;
        int r = hunk.rightStart;
        for (qsizetype k = i; k <= last; ++k) {
            const DiffChange &c = changes.at(k);
            appendContext(hunk.rows, l, r, c.leftStart - l);
            appendChange(hunk.rows, c, leftLines.subspan(size_t(c.leftStart), size_t(c.leftCount)),
                rightLines.subspan(size_t(c.rightStart), size_t(c.rightCount)));
            l = c.leftStart + c.leftCount;
            r = c.rightStart + c.rightCount;
        }
        appendContext(hunk.rows, l, r, after);
        hunks.append(std::move(hunk));
        i = last + 1;
    }
    return hunks;
}

bool HunkBuilder::refine(QList<DiffHunk> &hunks, std::span<const QStringView> leftLines,
    std::span<const QStringView> rightLines, bool ignoreWhitespace, const std::function<bool()> *isCanceled)
{
    std::vector<DiffRow *> changed;
    for (DiffHunk &hunk : hunks) {
        for (DiffRow &row : hunk.rows) {
            if (row.kind == DiffRowKind::Changed)
                changed.push_back(&row);
        }
    }
    const auto refineRow = [&](DiffRow *row) {
        const QStringView left = leftLines[size_t(row->leftLine)];
        const QStringView right = rightLines[size_t(row->rightLine)];
        InlineDiff::spans(InlineDiff::segments(left, right, ignoreWhitespace), &row->leftSpans, &row->rightSpans);
    };
    // Rows are independent: big batches go to the thread pool (the calling thread works too),
    // and cancellation is polled here, between batches, never from the pool.
    constexpr size_t Batch = 4096;
    constexpr size_t ParallelFrom = 512;
    for (size_t from = 0; from < changed.size(); from += Batch) {
        if (isCanceled && *isCanceled && (*isCanceled)())
            return false;
        const auto begin = changed.begin() + qsizetype(from);
        const auto end = begin + qsizetype(std::min(Batch, changed.size() - from));
        if (size_t(end - begin) >= ParallelFrom && QThread::idealThreadCount() > 1)
            QtConcurrent::blockingMap(begin, end, refineRow);
        else
            std::for_each(begin, end, refineRow);
    }
    return true;
}

} // namespace Countersign
