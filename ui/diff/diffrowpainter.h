#pragma once

#include "diffdisplaymodel.h"
#include "diffdocument.h"

#include <QCache>
#include <QCoreApplication>
#include <QHash>
#include <QStaticText>
#include <QTextLayout>
#include <QTextOption>

class QPainter;

namespace Countersign {

// Paints rows of a DiffDisplayModel for one column (a side, or the unified view) and owns the
// metrics and caches that takes: a QTextLayout per line (formats from the document's
// highlighters, asked for only when the line is painted) and prepared line numbers. DiffPane
// does the scrolling and the interaction around it.
class DiffRowPainter
{
    Q_DECLARE_TR_FUNCTIONS(DiffRowPainter)

public:
    enum class Column { Left, Right, Unified };

    struct Line {
        DiffSide side = DiffSide::Left;
        int line = -1; // -1: nothing on this side (filler)
    };

    explicit DiffRowPainter(Column column);

    Column column() const { return m_column; }
    void setSources(DiffDocument *document, const DiffDisplayModel *model);
    // Rows as tall as a QPlainTextEdit's lines in the same font, to sit beside one.
    void setCompact(bool compact);
    // Drops the cached layouts (the model changed); the document's revision is checked too.
    void invalidate();
    // Picks up a new document revision (font, theme, diff); true when there was one.
    bool refresh();

    int rowHeight() const { return m_rowHeight; }
    int gutterWidth() const { return m_gutterWidth; }
    int textX() const { return m_textX; }
    int charWidth() const { return m_charWidth; }
    // Pixels the widest line needs, on either side (side-by-side panes scroll as one).
    int contentWidth() const;

    // The line a row shows in this column.
    Line lineOf(const DiffDisplayModel::Row &row) const;
    QString foldLabel(const DiffDisplayModel::Row &row) const;

    // Word wrap: lines break at this many pixels of text width; 0 turns wrapping off.
    void setWrapWidth(int width);
    int wrapWidth() const { return m_wrapWidth; }
    // Visual lines the row's line takes in this column at the wrap width (1 without wrap).
    int wrappedLineCount(const DiffDisplayModel::Row &row) const;
    // Visual lines per row (empty: one each); the panes of a side-by-side view share the
    // larger count of both sides so that their rows stay level. Not owned.
    void setRowLines(const QList<int> *rowLines) { m_rowLines = rowLines; }
    int rowLines(int index) const
    {
        return m_rowLines && index >= 0 && index < m_rowLines->size() ? qMax(1, m_rowLines->at(index)) : 1;
    }
    int rowPixelHeight(int index) const { return rowLines(index) * m_rowHeight; }

    // Paints rows first..last from the top of `area`, the text scrolled left by
    // horizontalOffset; occurrences of searchText are marked.
    void paint(
        QPainter &painter, const QRect &area, int first, int last, int horizontalOffset, const QString &searchText);

private:
    QTextLayout *layoutFor(DiffSide side, int line);
    const QStaticText &staticText(const QString &text);
    void updateMetrics();
    void layOut(QTextLayout &layout) const;
    void fillSpan(QPainter &painter, const QTextLayout &layout, const QPointF &origin, int start, int count,
        const QColor &color) const;
    void paintRowBackground(QPainter &painter, int index, int y, int width);
    void paintRowText(QPainter &painter, int index, int y, int horizontalOffset, const QString &searchText);
    void paintFold(QPainter &painter, const DiffDisplayModel::Row &row, const QRect &rect);
    void drawNumber(QPainter &painter, int line, int right, int y);
    bool isWhitespaceOnly(const DiffDisplayModel::Row &row) const;

    Column m_column;
    DiffDocument *m_document = nullptr;
    const DiffDisplayModel *m_model = nullptr;
    QCache<quint64, QTextLayout> m_layouts;
    QHash<QString, QStaticText> m_staticTexts; // line numbers and markers
    quint64 m_revision = 0;
    QTextOption m_textOption;
    bool m_compact = false;
    int m_rowHeight = 16;
    int m_charWidth = 8;
    int m_textTop = 2; // from a row's top to its text line's top
    int m_numberWidth = 24;
    int m_gutterWidth = 40;
    int m_textX = 44;
    int m_wrapWidth = 0;
    const QList<int> *m_rowLines = nullptr;
};

} // namespace Countersign
