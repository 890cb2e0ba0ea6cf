#pragma once

#include "diffrowpainter.h"

#include <QAbstractScrollArea>

namespace Countersign {

// A scrollable column of diff rows: a side of a side-by-side diff, or the unified view. Only
// the visible rows are painted (DiffRowPainter: laid out, and highlighted, on first sight), so
// a 10k-line diff opens and scrolls as fast as a 100-line one. Rows are the scroll unit
// vertically, pixels horizontally.
//
// Keyboard: arrows/Page/Home/End move the current row (Shift extends the selection), Enter or
// Space expands a fold, Ctrl+C copies the selected rows' text, Left/Right scroll.
class DiffPane : public QAbstractScrollArea
{
    Q_OBJECT

public:
    using Column = DiffRowPainter::Column;

    explicit DiffPane(Column column, QWidget *parent = nullptr);
    ~DiffPane() override;

    Column column() const { return m_painter.column(); }
    // Neither is owned: the presenter keeps both alive longer than the pane's use of them.
    void setSources(DiffDocument *document, const DiffDisplayModel *model);
    // The model or the document changed: recompute ranges, drop caches, repaint. The current
    // row and the scroll position are kept (clamped).
    void reload();

    int currentRow() const { return m_current; }
    int anchorRow() const { return m_anchor; }
    // Moves the current row; extend keeps the selection anchor.
    void setCurrentRow(int row, bool extend = false);
    // The selected rows, first <= last (the current row alone when nothing else is selected).
    int selectionStart() const { return qMin(m_anchor, m_current); }
    int selectionEnd() const { return qMax(m_anchor, m_current); }
    void selectRows(int anchor, int current);
    // The text of the selected rows' lines on this pane's side (a fold's hidden lines
    // included); the unified view prefixes lines with ' ', '-' or '+' like a patch.
    QString selectedText() const;
    void copy() const;

    int firstVisibleRow() const;
    void setFirstVisibleRow(int row);
    int visibleRowCount() const;
    // Scrolls the least needed to show the row; with context, keeps that many rows above it.
    void ensureRowVisible(int row, int context = 0);
    int rowAt(const QPoint &viewportPosition) const;
    QRect rowRect(int row) const;
    int rowHeight() const { return m_painter.rowHeight(); }
    // Rows as tall as a QPlainTextEdit's lines in the same font (no padding), to sit beside one.
    void setCompactRows(bool compact);

    // Word wrap: long lines continue on the next visual line instead of scrolling sideways.
    void setWordWrap(bool wrap);
    bool wordWrap() const { return m_wrap; }
    // Visual lines each row's line needs on this side at the current width (wrapping on).
    QList<int> wrappedLineCounts() const;
    // The visual lines per row actually used (the view's max over its panes); empty: one each.
    void setRowLines(const QList<int> &lines);
    const QList<int> &rowLines() const { return m_rowLines; }
    int rowPixelHeight(int row) const { return m_painter.rowPixelHeight(row); }

    // What a fold row says ("Show 9 hidden lines", or a patch's "⋯ n lines hidden" and the
    // next hunk's header: side by side the left pane shows the one, the right pane the other);
    // empty for other rows.
    QString foldLabel(int row) const;

    // Whether the row's line on this pane's side (a fold: one of its hidden lines) contains the
    // text, case-insensitively.
    bool rowContains(int row, const QString &text) const;
    // Occurrences of this text are marked (the find bar).
    void setSearchText(const QString &text);

Q_SIGNALS:
    void currentRowChanged(int row);
    void foldActivated(int row);
    // Wrapping is on and the width the text wraps at changed: row heights need recomputing.
    void wrapWidthChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void updateScrollBars();
    int textWrapWidth() const;
    // Rows that fit in the viewport counting up from the last row.
    int rowsFittingAtEnd() const;
    void moveCurrent(int row, bool extend);

    DiffRowPainter m_painter;
    DiffDocument *m_document = nullptr;
    const DiffDisplayModel *m_model = nullptr;
    QString m_searchText;
    int m_current = 0;
    int m_anchor = 0;
    bool m_dragging = false;
    bool m_wrap = false;
    QList<int> m_rowLines;
};

} // namespace Countersign
