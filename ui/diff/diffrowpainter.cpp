#include "diffrowpainter.h"

#include "whitespacechange.h"

#include <QFontMetrics>
#include <QPainter>
#include <QtMath>

namespace Countersign {

using Kind = DiffDisplayModel::Row::Kind;

namespace {
// Enough laid-out lines for several screens of both sides.
constexpr int LayoutCacheSize = 2000;
constexpr int GutterPadding = 6;
constexpr int TextPadding = 6;

int digits(qsizetype n)
{
    int d = 1;
    while (n >= 10) {
        n /= 10;
        ++d;
    }
    return d;
}
} // namespace

DiffRowPainter::DiffRowPainter(Column column)
    : m_column(column)
    , m_layouts(LayoutCacheSize)
{
    m_textOption.setWrapMode(QTextOption::NoWrap);
}

void DiffRowPainter::setSources(DiffDocument *document, const DiffDisplayModel *model)
{
    m_document = document;
    m_model = model;
    m_revision = document ? document->revision() : 0;
    m_layouts.clear();
    m_staticTexts.clear();
    updateMetrics();
}

void DiffRowPainter::setCompact(bool compact)
{
    m_compact = compact;
    updateMetrics();
}

void DiffRowPainter::invalidate()
{
    refresh();
    m_layouts.clear(); // the spans of a row may have moved without a new revision
    updateMetrics(); // the line count decides the gutter's width
}

bool DiffRowPainter::refresh()
{
    if (!m_document || m_document->revision() == m_revision)
        return false;
    m_revision = m_document->revision();
    m_layouts.clear();
    m_staticTexts.clear();
    updateMetrics();
    return true;
}

void DiffRowPainter::updateMetrics()
{
    if (!m_document)
        return;
    const QFontMetrics metrics(m_document->font());
    m_charWidth = qMax(1, metrics.horizontalAdvance(QLatin1Char('0')));
    if (m_compact) {
        // What QPlainTextDocumentLayout makes of a line: its spacing, rounded up.
        m_rowHeight = qMax(1, qCeil(QFontMetricsF(m_document->font()).lineSpacing()));
        m_textTop = 0;
    } else {
        // A little air between rows reads better than the font's tight line spacing.
        m_rowHeight = metrics.height() + 4;
        m_textTop = 2;
    }
    m_textOption.setTabStopDistance(qreal(metrics.horizontalAdvance(QLatin1Char(' ')) * DiffDocument::TabWidth));
    const qsizetype lines = qMax(m_document->lines(DiffSide::Left).size(), m_document->lines(DiffSide::Right).size());
    m_numberWidth = qMax(3, digits(lines)) * m_charWidth;
    if (m_column == Column::Unified) {
        m_gutterWidth = GutterPadding + m_numberWidth + GutterPadding + m_numberWidth + GutterPadding;
        m_textX = m_gutterWidth + TextPadding + m_charWidth + TextPadding;
    } else {
        m_gutterWidth = GutterPadding + m_numberWidth + GutterPadding;
        m_textX = m_gutterWidth + TextPadding;
    }
}

int DiffRowPainter::contentWidth() const
{
    if (!m_document)
        return 0;
    const int columns = qMax(m_document->maxColumns(DiffSide::Left), m_document->maxColumns(DiffSide::Right));
    return (columns + 2) * m_charWidth; // bold glyphs may overhang a little
}

DiffRowPainter::Line DiffRowPainter::lineOf(const DiffDisplayModel::Row &row) const
{
    switch (m_column) {
    case Column::Left:
        return {DiffSide::Left, row.leftLine};
    case Column::Right:
        return {DiffSide::Right, row.rightLine};
    case Column::Unified:
        if (row.kind == Kind::Removed)
            return {DiffSide::Left, row.leftLine};
        return {DiffSide::Right, row.rightLine};
    }
    return {};
}

QString DiffRowPainter::foldLabel(const DiffDisplayModel::Row &row) const
{
    if (row.source < 0) {
        // Like git and GitHub, the separator names the hunk that follows: its ranges and the
        // function or section git found above it. Side by side, the left pane says what is
        // hidden and the right one the header, so that each has a pane's width.
        const QString hidden
            = QStringLiteral("\u22EF ") + tr("%n line(s) hidden (not in the patch)", nullptr, row.hidden);
        const QString header = m_model ? m_model->hunkHeader(row) : QString();
        if (header.isEmpty() || m_column == Column::Left)
            return hidden;
        return m_column == Column::Right ? header : hidden + QStringLiteral("   ") + header;
    }
    return row.hidden == 1 ? tr("Show 1 hidden line") : tr("Show %1 hidden lines").arg(row.hidden);
}

QTextLayout *DiffRowPainter::layoutFor(DiffSide side, int line)
{
    const quint64 key = (quint64(quint32(line)) << 1) | (side == DiffSide::Right ? 1u : 0u);
    if (QTextLayout *cached = m_layouts.object(key))
        return cached;
    auto *layout = new QTextLayout(m_document->displayText(side, line).toString(), m_document->font());
    layout->setTextOption(m_textOption);
    layout->setCacheEnabled(true);
    HunkHighlighter &highlighter = m_document->highlighter(side);
    const QList<HunkHighlighter::Span> &spans = highlighter.spans(line);
    if (!spans.isEmpty()) {
        QList<QTextLayout::FormatRange> formats;
        formats.reserve(spans.size());
        for (const HunkHighlighter::Span &span : spans)
            formats.append(QTextLayout::FormatRange{span.start, span.length, highlighter.charFormat(span.style)});
        layout->setFormats(formats);
    }
    layOut(*layout);
    m_layouts.insert(key, layout);
    return layout;
}

void DiffRowPainter::layOut(QTextLayout &layout) const
{
    // Wrapped lines sit a row height apart, so that a wrapped row is a whole number of rows.
    layout.beginLayout();
    for (int i = 0;; ++i) {
        QTextLine textLine = layout.createLine();
        if (!textLine.isValid())
            break;
        textLine.setLineWidth(m_wrapWidth > 0 ? qreal(m_wrapWidth) : 1.0e6);
        textLine.setPosition(QPointF(0, i * m_rowHeight));
        if (m_wrapWidth <= 0)
            break;
    }
    layout.endLayout();
}

void DiffRowPainter::setWrapWidth(int width)
{
    width = qMax(0, width);
    if (width == m_wrapWidth)
        return;
    m_wrapWidth = width;
    m_textOption.setWrapMode(width > 0 ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    m_layouts.clear();
}

int DiffRowPainter::wrappedLineCount(const DiffDisplayModel::Row &row) const
{
    if (m_wrapWidth <= 0 || !m_document || row.kind == Kind::Fold)
        return 1;
    const Line line = lineOf(row);
    if (line.line < 0)
        return 1;
    const QStringView text = m_document->displayText(line.side, line.line);
    // A line shorter than the width in its widest characters cannot wrap: skip the layout.
    if (text.size() * qMax(m_charWidth, 1) * 2 < m_wrapWidth)
        return 1;
    QTextLayout layout(text.toString(), m_document->font());
    layout.setTextOption(m_textOption);
    layOut(layout);
    return qMax(1, layout.lineCount());
}

void DiffRowPainter::fillSpan(QPainter &painter, const QTextLayout &layout, const QPointF &origin, int start, int count,
    const QColor &color) const
{
    const int length = int(layout.text().size());
    const int from = qBound(0, start, length);
    const int to = qBound(0, start + count, length);
    for (int i = 0; i < layout.lineCount(); ++i) {
        const QTextLine line = layout.lineAt(i);
        const int lineStart = line.textStart();
        const int lineEnd = lineStart + line.textLength();
        const int a = qMax(from, lineStart);
        const int b = qMin(to, lineEnd);
        if (a > b || (a == b && count > 0))
            continue;
        const qreal x1 = line.cursorToX(a);
        const qreal x2 = line.cursorToX(b);
        painter.fillRect(
            QRectF(origin.x() + x1, origin.y() - m_textTop + line.y() + 1, qMax(x2 - x1, qreal(2)), m_rowHeight - 2),
            color);
    }
}

void DiffRowPainter::paint(
    QPainter &painter, const QRect &area, int first, int last, int horizontalOffset, const QString &searchText)
{
    if (!m_document || !m_model)
        return;
    refresh();
    const DiffColors &colors = m_document->colors();
    painter.fillRect(area, colors.background);
    painter.fillRect(QRect(area.left(), area.top(), m_gutterWidth, area.height()), colors.gutterBackground);
    painter.setFont(m_document->font());
    last = qMin(last, m_model->rowCount() - 1);
    // Two passes, so that the clip (the text area, scrolled horizontally) is set once.
    for (int i = first, y = area.top(); i <= last && y <= area.bottom(); y += rowPixelHeight(i), ++i)
        paintRowBackground(painter, i, y, area.width());
    painter.save();
    painter.setClipRect(QRect(m_gutterWidth + 1, area.top(), area.width() - m_gutterWidth - 1, area.height()));
    for (int i = first, y = area.top(); i <= last && y <= area.bottom(); y += rowPixelHeight(i), ++i)
        paintRowText(painter, i, y, horizontalOffset, searchText);
    painter.restore();
    painter.setPen(colors.separator);
    painter.drawLine(m_gutterWidth, area.top(), m_gutterWidth, area.bottom());
}

const QStaticText &DiffRowPainter::staticText(const QString &text)
{
    auto it = m_staticTexts.find(text);
    if (it == m_staticTexts.end()) {
        if (m_staticTexts.size() > 4000)
            m_staticTexts.clear();
        QStaticText prepared(text);
        prepared.setTextFormat(Qt::PlainText);
        prepared.prepare(QTransform(), m_document->font());
        it = m_staticTexts.insert(text, prepared);
    }
    return it.value();
}

void DiffRowPainter::drawNumber(QPainter &painter, int line, int right, int y)
{
    if (line < 0)
        return;
    const QStaticText &number = staticText(QString::number(line + 1));
    painter.drawStaticText(QPointF(right - number.size().width(), y + m_textTop), number);
}

void DiffRowPainter::paintRowBackground(QPainter &painter, int index, int y, int width)
{
    const DiffColors &colors = m_document->colors();
    const DiffDisplayModel::Row &row = m_model->row(index);
    const int height = rowPixelHeight(index);
    const QRect gutterRect(0, y, m_gutterWidth, height);
    const QRect textRect(m_gutterWidth + 1, y, width - m_gutterWidth - 1, height);
    if (row.kind == Kind::Fold) {
        paintFold(painter, row, QRect(0, y, width, m_rowHeight));
        return;
    }
    const Line line = lineOf(row);
    if (line.line < 0) {
        painter.fillRect(gutterRect, colors.filler);
        painter.fillRect(textRect, colors.filler);
    } else if (row.kind != Kind::Context) {
        const bool removed = line.side == DiffSide::Left;
        painter.fillRect(gutterRect, removed ? colors.removedGutter : colors.addedGutter);
        const QColor background = removed ? colors.removedBackground : colors.addedBackground;
        // A change of whitespace only is dimmed: the tint halfway back to the background.
        painter.fillRect(
            textRect, isWhitespaceOnly(row) ? DiffColors::blend(background, colors.background, 0.6) : background);
    }
    painter.setPen(colors.lineNumber);
    if (m_column == Column::Unified) {
        drawNumber(painter, row.leftLine, GutterPadding + m_numberWidth, y);
        drawNumber(painter, row.rightLine, 2 * GutterPadding + 2 * m_numberWidth, y);
        if (row.kind == Kind::Removed || row.kind == Kind::Added) {
            painter.setPen(colors.text);
            painter.drawStaticText(QPointF(m_gutterWidth + TextPadding, y + m_textTop),
                staticText(row.kind == Kind::Removed ? QStringLiteral("-") : QStringLiteral("+")));
        }
    } else {
        drawNumber(painter, line.line, GutterPadding + m_numberWidth, y);
    }
}

void DiffRowPainter::paintRowText(QPainter &painter, int index, int y, int horizontalOffset, const QString &searchText)
{
    const DiffDisplayModel::Row &row = m_model->row(index);
    if (row.kind == Kind::Fold)
        return;
    const Line line = lineOf(row);
    if (line.line < 0)
        return;
    const DiffColors &colors = m_document->colors();
    QTextLayout *layout = layoutFor(line.side, line.line);
    const QPointF origin(m_textX - horizontalOffset, y + m_textTop);
    if (layout->lineCount() > 0) {
        if (row.kind != Kind::Context && !isWhitespaceOnly(row)) {
            const bool left = line.side == DiffSide::Left;
            const QColor emphasis = left ? colors.removedEmphasis : colors.addedEmphasis;
            for (const DiffSpan &span : m_model->spans(index, left))
                fillSpan(painter, *layout, origin, span.start, span.length, emphasis);
        }
        if (!searchText.isEmpty()) {
            const QString &text = layout->text();
            QColor match = colors.searchMatch;
            match.setAlpha(150);
            for (qsizetype at = text.indexOf(searchText, 0, Qt::CaseInsensitive); at >= 0;
                at = text.indexOf(searchText, at + searchText.size(), Qt::CaseInsensitive))
                fillSpan(painter, *layout, origin, int(at), int(searchText.size()), match);
        }
    }
    painter.setPen(colors.text);
    const bool dim = isWhitespaceOnly(row);
    if (dim)
        painter.setOpacity(0.55);
    layout->draw(&painter, origin);
    if (dim)
        painter.setOpacity(1.0);
}

bool DiffRowPainter::isWhitespaceOnly(const DiffDisplayModel::Row &row) const
{
    return row.kind == Kind::Changed
        && isWhitespaceOnlyChange(m_document->displayText(DiffSide::Left, row.leftLine),
            m_document->displayText(DiffSide::Right, row.rightLine));
}

void DiffRowPainter::paintFold(QPainter &painter, const DiffDisplayModel::Row &row, const QRect &rect)
{
    const DiffColors &colors = m_document->colors();
    painter.fillRect(rect, colors.foldBackground);
    painter.setPen(colors.separator);
    painter.drawLine(rect.left(), rect.top(), rect.right(), rect.top());
    painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom());
    painter.setPen(colors.foldText);
    painter.drawText(QRect(GutterPadding, rect.top(), m_gutterWidth - 2 * GutterPadding, rect.height()),
        Qt::AlignCenter, QStringLiteral("\u22EF"));
    const QRect textRect(m_textX, rect.top(), rect.width() - m_textX - GutterPadding, rect.height());
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
        painter.fontMetrics().elidedText(foldLabel(row), Qt::ElideRight, textRect.width()));
}

} // namespace Countersign
