#pragma once

#include "diff/filediff.h"

#include <QList>
#include <QSet>

namespace Countersign {

// The rows a diff view paints, built from a FileDiff for one layout: the hunks' rows plus the
// unchanged lines between them, long unchanged runs folded into one "show N hidden lines" row
// until expanded. Plain data (no QObject): the side-by-side panes share one instance.
class DiffDisplayModel
{
public:
    enum class Layout {
        SideBySide, // one row per diff row: Changed rows show both lines
        Unified, // a change block's removed lines, then its added lines
        LeftOnly, // the left text in full, tinted where it differs (beside an editor)
    };

    struct Row {
        enum class Kind : quint8 { Context, Removed, Added, Changed, Fold };
        Kind kind = Kind::Context;
        int leftLine = -1;
        int rightLine = -1;
        // The diff row behind it (intra-line spans); for a Fold, the first row it hides, or -1
        // for lines a diff read from a patch does not know (not expandable).
        int source = -1;
        int hidden = 0; // Fold: how many rows (or unknown lines) it stands for
        // A fold of lines a patch does not know: the hunk it leads to (its header is shown), or -1.
        int hunk = -1;
    };

    static constexpr int DefaultFoldContext = 3;
    // A fold shorter than this would save next to no space.
    static constexpr int MinimumFold = 4;

    DiffDisplayModel() = default;
    explicit DiffDisplayModel(Layout layout);

    Layout layout() const { return m_layout; }
    // Folds are reset; the layout stays.
    void setDiff(const FileDiff &diff);
    const FileDiff &diff() const { return m_diff; }

    // Unchanged rows kept visible around each change; -1 folds nothing.
    void setFoldContext(int rows);
    int foldContext() const { return m_foldContext; }

    int rowCount() const { return int(m_rows.size()); }
    const Row &row(int index) const { return m_rows.at(index); }
    const QList<DiffSpan> &spans(int index, bool leftSide) const;

    // Expands the fold at `index`; false when that row is no expandable fold.
    bool expandFold(int index);
    void expandAll();
    bool hasFolds() const { return m_foldCount > 0; }

    // Rows where a block of consecutive changed rows starts.
    const QList<int> &changeStarts() const { return m_changeStarts; }
    // The first change block starting after `index`, or -1.
    int nextChange(int index) const;
    // The last change block starting before `index`, or -1.
    int previousChange(int index) const;
    // 1-based number of the change block containing or preceding `index`; 0 before the first.
    int changeNumberAt(int index) const;
    static bool isChange(Row::Kind kind);

    // The row showing a line (its fold when hidden; the next row when this layout does not
    // show it); -1 when out of range.
    int rowForLeftLine(int line) const;
    int rowForRightLine(int line) const;

    // The header ("@@ -a,b +c,d @@ section") of the hunk a fold of unknown lines leads to;
    // empty for any other row.
    QString hunkHeader(const Row &row) const;

    // The text of a row's line on one side ('\r' kept), empty for none; a fold's hidden lines.
    QStringList hiddenLines(int index, bool leftSide) const;

private:
    void buildSourceRows();
    void buildRows();
    void appendGap(int leftFrom, int leftTo, int rightFrom, int rightTo, int nextHunk);
    void emitSource(int from, int to);
    void emitRow(const Row &row);

    Layout m_layout = Layout::SideBySide;
    FileDiff m_diff;
    int m_foldContext = DefaultFoldContext;
    bool m_expandAll = false;
    QList<DiffRow> m_source; // every row of the file: hunk rows and the unchanged rows between
    QList<int> m_unknownGap; // per source row: > 0 for a gap a partial diff does not know
    QList<int> m_gapHunk; // per source row: the hunk an unknown gap precedes, else -1
    QSet<int> m_expanded; // fold ids (first hidden source row)
    QList<Row> m_rows;
    QList<int> m_changeStarts;
    QList<int> m_rowForLeft;
    QList<int> m_rowForRight;
    int m_foldCount = 0;
};

} // namespace Countersign
