#include "diffdisplaymodel.h"

#include "diff/unifieddiff.h"

#include <algorithm>

namespace Countersign {

namespace {
const QList<DiffSpan> noSpans;
}

DiffDisplayModel::DiffDisplayModel(Layout layout)
    : m_layout(layout)
{
    if (layout == Layout::LeftOnly)
        m_foldContext = -1; // shown beside the editor, which shows every line
}

void DiffDisplayModel::setDiff(const FileDiff &diff)
{
    m_diff = diff;
    m_expanded.clear();
    m_expandAll = false;
    buildSourceRows();
    buildRows();
}

void DiffDisplayModel::setFoldContext(int rows)
{
    if (rows == m_foldContext)
        return;
    m_foldContext = rows;
    buildRows();
}

bool DiffDisplayModel::isChange(Row::Kind kind)
{
    return kind == Row::Kind::Removed || kind == Row::Kind::Added || kind == Row::Kind::Changed;
}

const QList<DiffSpan> &DiffDisplayModel::spans(int index, bool leftSide) const
{
    if (index < 0 || index >= m_rows.size())
        return noSpans;
    const Row &r = m_rows.at(index);
    if (r.kind == Row::Kind::Fold || r.source < 0)
        return noSpans;
    const DiffRow &source = m_source.at(r.source);
    return leftSide ? source.leftSpans : source.rightSpans;
}

void DiffDisplayModel::buildSourceRows()
{
    m_source.clear();
    m_unknownGap.clear();
    m_gapHunk.clear();
    int left = 0;
    int right = 0;
    const QList<DiffHunk> &hunks = m_diff.hunks();
    for (qsizetype h = 0; h < hunks.size(); ++h) {
        const DiffHunk &hunk = hunks.at(h);
        appendGap(left, hunk.leftStart, right, hunk.rightStart, int(h));
        for (const DiffRow &row : hunk.rows) {
            m_source.append(row);
            m_unknownGap.append(0);
            m_gapHunk.append(-1);
        }
        left = qMax(left, hunk.leftStart + hunk.leftCount);
        right = qMax(right, hunk.rightStart + hunk.rightCount);
    }
    appendGap(left, int(m_diff.leftLines().size()), right, int(m_diff.rightLines().size()), -1);
}

void DiffDisplayModel::appendGap(int leftFrom, int leftTo, int rightFrom, int rightTo, int nextHunk)
{
    const int leftCount = qMax(0, leftTo - leftFrom);
    const int rightCount = qMax(0, rightTo - rightFrom);
    const int count = qMax(leftCount, rightCount);
    if (count == 0)
        return;
    if (m_diff.isPartial()) {
        m_source.append(DiffRow{});
        m_unknownGap.append(count);
        m_gapHunk.append(nextHunk);
        return;
    }
    // Between hunks both sides hold the same lines; a malformed diff whose gaps disagree is
    // still shown, the shorter side padded.
    for (int i = 0; i < count; ++i) {
        m_source.append(DiffRow{
            i < leftCount ? leftFrom + i : -1, i < rightCount ? rightFrom + i : -1, DiffRowKind::Context, {}, {}});
        m_unknownGap.append(0);
        m_gapHunk.append(-1);
    }
}

void DiffDisplayModel::buildRows()
{
    m_rows.clear();
    m_changeStarts.clear();
    m_foldCount = 0;
    m_rowForLeft = QList<int>(m_diff.leftLines().size(), -1);
    m_rowForRight = QList<int>(m_diff.rightLines().size(), -1);

    const int count = int(m_source.size());
    const auto isContext = [this](int i) {
        return m_source.at(i).kind == DiffRowKind::Context && m_unknownGap.at(i) == 0;
    };
    // Whether any change follows each position, to know which side of a run needs context.
    QList<bool> changeAfter(count + 1, false);
    for (int i = count - 1; i >= 0; --i)
        changeAfter[i] = changeAfter.at(i + 1) || m_source.at(i).kind != DiffRowKind::Context;
    const bool folding = m_foldContext >= 0 && !m_expandAll && changeAfter.at(0);

    bool changeBefore = false;
    int i = 0;
    while (i < count) {
        if (m_unknownGap.at(i) > 0) {
            emitRow(Row{Row::Kind::Fold, -1, -1, -1, m_unknownGap.at(i), m_gapHunk.at(i)});
            ++m_foldCount;
            ++i;
            continue;
        }
        if (!isContext(i)) {
            int end = i;
            while (end < count && m_unknownGap.at(end) == 0 && !isContext(end))
                ++end;
            emitSource(i, end);
            changeBefore = true;
            i = end;
            continue;
        }
        int end = i;
        while (end < count && isContext(end))
            ++end;
        const int hideFrom = i + (changeBefore ? m_foldContext : 0);
        const int hideTo = end - (changeAfter.at(end) ? m_foldContext : 0);
        if (folding && hideTo - hideFrom >= MinimumFold && !m_expanded.contains(hideFrom)) {
            emitSource(i, hideFrom);
            const int foldRow = int(m_rows.size());
            emitRow(Row{Row::Kind::Fold, -1, -1, hideFrom, hideTo - hideFrom, -1});
            ++m_foldCount;
            for (int s = hideFrom; s < hideTo; ++s) {
                const DiffRow &source = m_source.at(s);
                if (source.leftLine >= 0 && source.leftLine < m_rowForLeft.size())
                    m_rowForLeft[source.leftLine] = foldRow;
                if (source.rightLine >= 0 && source.rightLine < m_rowForRight.size())
                    m_rowForRight[source.rightLine] = foldRow;
            }
            emitSource(hideTo, end);
        } else {
            emitSource(i, end);
        }
        i = end;
    }

    // Lines this layout does not show (added lines beside an editor) map to the next row.
    const auto fillForward = [this](QList<int> &map) {
        int next = int(m_rows.size()) - 1;
        for (qsizetype line = map.size() - 1; line >= 0; --line) {
            if (map.at(line) < 0)
                map[line] = next;
            else
                next = map.at(line);
        }
    };
    fillForward(m_rowForLeft);
    fillForward(m_rowForRight);

    for (int r = 0; r < m_rows.size(); ++r) {
        if (isChange(m_rows.at(r).kind) && (r == 0 || !isChange(m_rows.at(r - 1).kind)))
            m_changeStarts.append(r);
    }
}

void DiffDisplayModel::emitSource(int from, int to)
{
    if (m_layout != Layout::Unified) {
        for (int s = from; s < to; ++s) {
            const DiffRow &source = m_source.at(s);
            if (m_layout == Layout::LeftOnly && source.leftLine < 0)
                continue;
            Row row{Row::Kind::Context, source.leftLine, source.rightLine, s, 0, -1};
            switch (source.kind) {
            case DiffRowKind::Context:
                break;
            case DiffRowKind::Removed:
                row.kind = Row::Kind::Removed;
                break;
            case DiffRowKind::Added:
                row.kind = Row::Kind::Added;
                break;
            case DiffRowKind::Changed:
                row.kind = Row::Kind::Changed;
                break;
            }
            emitRow(row);
        }
        return;
    }
    // Unified: like `diff -u`, a block of changes lists its removed lines, then its added ones.
    int s = from;
    while (s < to) {
        if (m_source.at(s).kind == DiffRowKind::Context) {
            const DiffRow &source = m_source.at(s);
            emitRow(Row{Row::Kind::Context, source.leftLine, source.rightLine, s, 0, -1});
            ++s;
            continue;
        }
        int end = s;
        while (end < to && m_source.at(end).kind != DiffRowKind::Context)
            ++end;
        for (int k = s; k < end; ++k) {
            if (m_source.at(k).leftLine >= 0)
                emitRow(Row{Row::Kind::Removed, m_source.at(k).leftLine, -1, k, 0, -1});
        }
        for (int k = s; k < end; ++k) {
            if (m_source.at(k).rightLine >= 0)
                emitRow(Row{Row::Kind::Added, -1, m_source.at(k).rightLine, k, 0, -1});
        }
        s = end;
    }
}

void DiffDisplayModel::emitRow(const Row &row)
{
    const int index = int(m_rows.size());
    m_rows.append(row);
    if (row.leftLine >= 0 && row.leftLine < m_rowForLeft.size())
        m_rowForLeft[row.leftLine] = index;
    if (row.rightLine >= 0 && row.rightLine < m_rowForRight.size())
        m_rowForRight[row.rightLine] = index;
}

bool DiffDisplayModel::expandFold(int index)
{
    if (index < 0 || index >= m_rows.size())
        return false;
    const Row &r = m_rows.at(index);
    if (r.kind != Row::Kind::Fold || r.source < 0)
        return false;
    m_expanded.insert(r.source);
    buildRows();
    return true;
}

void DiffDisplayModel::expandAll()
{
    m_expandAll = true;
    buildRows();
}

int DiffDisplayModel::nextChange(int index) const
{
    const auto it = std::upper_bound(m_changeStarts.cbegin(), m_changeStarts.cend(), index);
    return it == m_changeStarts.cend() ? -1 : *it;
}

int DiffDisplayModel::previousChange(int index) const
{
    const auto it = std::lower_bound(m_changeStarts.cbegin(), m_changeStarts.cend(), index);
    return it == m_changeStarts.cbegin() ? -1 : *std::prev(it);
}

int DiffDisplayModel::changeNumberAt(int index) const
{
    return int(std::upper_bound(m_changeStarts.cbegin(), m_changeStarts.cend(), index) - m_changeStarts.cbegin());
}

int DiffDisplayModel::rowForLeftLine(int line) const
{
    return line >= 0 && line < m_rowForLeft.size() ? m_rowForLeft.at(line) : -1;
}

int DiffDisplayModel::rowForRightLine(int line) const
{
    return line >= 0 && line < m_rowForRight.size() ? m_rowForRight.at(line) : -1;
}

QString DiffDisplayModel::hunkHeader(const Row &row) const
{
    if (row.kind != Row::Kind::Fold || row.hunk < 0 || row.hunk >= m_diff.hunks().size())
        return {};
    return UnifiedDiff::hunkHeader(m_diff.hunks().at(row.hunk));
}

QStringList DiffDisplayModel::hiddenLines(int index, bool leftSide) const
{
    QStringList lines;
    if (index < 0 || index >= m_rows.size())
        return lines;
    const Row &r = m_rows.at(index);
    if (r.kind != Row::Kind::Fold || r.source < 0)
        return lines;
    const QStringList &text = leftSide ? m_diff.leftLines() : m_diff.rightLines();
    for (int s = r.source; s < r.source + r.hidden && s < m_source.size(); ++s) {
        const int line = leftSide ? m_source.at(s).leftLine : m_source.at(s).rightLine;
        if (line >= 0 && line < text.size())
            lines.append(text.at(line));
    }
    return lines;
}

} // namespace Countersign
