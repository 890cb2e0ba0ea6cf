#include "diffpane.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>

namespace Countersign {

using Kind = DiffDisplayModel::Row::Kind;

DiffPane::DiffPane(Column column, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_painter(column)
{
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    horizontalScrollBar()->setSingleStep(8);
    switch (column) {
    case Column::Left:
        setAccessibleName(tr("Original text"));
        break;
    case Column::Right:
        setAccessibleName(tr("Changed text"));
        break;
    case Column::Unified:
        setAccessibleName(tr("Unified diff"));
        break;
    }
}

DiffPane::~DiffPane() = default;

void DiffPane::setSources(DiffDocument *document, const DiffDisplayModel *model)
{
    m_document = document;
    m_model = model;
    m_painter.setSources(document, model);
    reload();
}

void DiffPane::reload()
{
    m_painter.invalidate();
    if (m_wrap)
        m_painter.setWrapWidth(textWrapWidth()); // the gutter may have grown
    const int rows = m_model ? m_model->rowCount() : 0;
    m_current = qBound(0, m_current, qMax(0, rows - 1));
    m_anchor = qBound(0, m_anchor, qMax(0, rows - 1));
    updateScrollBars();
    viewport()->update();
}

void DiffPane::updateScrollBars()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    const int visible = visibleRowCount();
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, qMax(0, rows - rowsFittingAtEnd()));
    const int textWidth = qMax(0, viewport()->width() - m_painter.textX());
    horizontalScrollBar()->setPageStep(textWidth);
    horizontalScrollBar()->setSingleStep(m_painter.charWidth() * 2);
    horizontalScrollBar()->setRange(0, m_wrap ? 0 : qMax(0, m_painter.contentWidth() - textWidth));
}

int DiffPane::rowsFittingAtEnd() const
{
    const int rows = m_model ? m_model->rowCount() : 0;
    if (m_rowLines.isEmpty())
        return qMax(1, viewport()->height() / m_painter.rowHeight());
    int height = viewport()->height();
    int fitting = 0;
    for (int row = rows - 1; row >= 0; --row) {
        height -= m_painter.rowPixelHeight(row);
        if (height < 0)
            break;
        ++fitting;
    }
    return qMax(1, fitting);
}

int DiffPane::textWrapWidth() const
{
    // The text area less a character, so that the last glyph never touches the edge.
    return qMax(m_painter.charWidth() * 8, viewport()->width() - m_painter.textX() - m_painter.charWidth());
}

void DiffPane::setWordWrap(bool wrap)
{
    if (wrap == m_wrap)
        return;
    m_wrap = wrap;
    m_painter.setWrapWidth(wrap ? textWrapWidth() : 0);
    if (!wrap)
        setRowLines({});
    updateScrollBars();
    viewport()->update();
}

QList<int> DiffPane::wrappedLineCounts() const
{
    QList<int> lines;
    if (!m_model || !m_wrap)
        return lines;
    lines.reserve(m_model->rowCount());
    for (int i = 0; i < m_model->rowCount(); ++i)
        lines.append(m_painter.wrappedLineCount(m_model->row(i)));
    return lines;
}

void DiffPane::setRowLines(const QList<int> &lines)
{
    m_rowLines = lines;
    m_painter.setRowLines(m_rowLines.isEmpty() ? nullptr : &m_rowLines);
    updateScrollBars();
    viewport()->update();
}

void DiffPane::setCompactRows(bool compact)
{
    m_painter.setCompact(compact);
    reload();
}

int DiffPane::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

void DiffPane::setFirstVisibleRow(int row)
{
    verticalScrollBar()->setValue(row);
}

int DiffPane::visibleRowCount() const
{
    if (m_rowLines.isEmpty())
        return qMax(1, viewport()->height() / m_painter.rowHeight());
    const int rows = m_model ? m_model->rowCount() : 0;
    int height = viewport()->height();
    int fitting = 0;
    for (int row = firstVisibleRow(); row < rows; ++row) {
        height -= m_painter.rowPixelHeight(row);
        if (height < 0)
            break;
        ++fitting;
    }
    return qMax(1, fitting);
}

void DiffPane::ensureRowVisible(int row, int context)
{
    const int first = firstVisibleRow();
    const int visible = visibleRowCount();
    if (row < first + qMin(context, visible / 2))
        setFirstVisibleRow(row - qMin(context, visible / 2));
    else if (row >= first + visible)
        setFirstVisibleRow(context > 0 ? row - qMin(context, visible / 2) : row - visible + 1);
}

int DiffPane::rowAt(const QPoint &viewportPosition) const
{
    if (!m_model || viewportPosition.y() < 0)
        return -1;
    if (m_rowLines.isEmpty()) {
        const int row = firstVisibleRow() + viewportPosition.y() / m_painter.rowHeight();
        return row < m_model->rowCount() ? row : -1;
    }
    for (int row = firstVisibleRow(), y = 0; row < m_model->rowCount(); ++row) {
        y += m_painter.rowPixelHeight(row);
        if (viewportPosition.y() < y)
            return row;
    }
    return -1;
}

QRect DiffPane::rowRect(int row) const
{
    if (m_rowLines.isEmpty())
        return QRect(0, (row - firstVisibleRow()) * m_painter.rowHeight(), viewport()->width(), m_painter.rowHeight());
    int y = 0;
    for (int i = firstVisibleRow(); i < row; ++i)
        y += m_painter.rowPixelHeight(i);
    for (int i = row; i < firstVisibleRow(); ++i)
        y -= m_painter.rowPixelHeight(i);
    return QRect(0, y, viewport()->width(), m_painter.rowPixelHeight(row));
}

QString DiffPane::foldLabel(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount() || m_model->row(row).kind != Kind::Fold)
        return {};
    return m_painter.foldLabel(m_model->row(row));
}

bool DiffPane::rowContains(int row, const QString &text) const
{
    if (!m_model || !m_document || row < 0 || row >= m_model->rowCount() || text.isEmpty())
        return false;
    const DiffDisplayModel::Row &r = m_model->row(row);
    if (r.kind == Kind::Fold) {
        const QStringList hidden = m_model->hiddenLines(row, column() == Column::Left);
        return std::any_of(hidden.cbegin(), hidden.cend(), [&text](const QString &line) {
            return HunkHighlighter::displayText(line).contains(text, Qt::CaseInsensitive);
        });
    }
    const DiffRowPainter::Line line = m_painter.lineOf(r);
    return line.line >= 0 && m_document->displayText(line.side, line.line).contains(text, Qt::CaseInsensitive);
}

void DiffPane::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    viewport()->update();
}

void DiffPane::setCurrentRow(int row, bool extend)
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    row = qBound(0, row, m_model->rowCount() - 1);
    const bool changed = row != m_current || (!extend && m_anchor != row);
    m_current = row;
    if (!extend)
        m_anchor = row;
    if (changed) {
        viewport()->update();
        Q_EMIT currentRowChanged(row);
    }
}

void DiffPane::selectRows(int anchor, int current)
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    const int last = m_model->rowCount() - 1;
    m_anchor = qBound(0, anchor, last);
    setCurrentRow(current, true);
    viewport()->update();
}

QString DiffPane::selectedText() const
{
    if (!m_model || !m_document || m_model->rowCount() == 0)
        return {};
    QStringList lines;
    for (int i = selectionStart(); i <= selectionEnd(); ++i) {
        const DiffDisplayModel::Row &row = m_model->row(i);
        if (row.kind == Kind::Fold) {
            const QStringList hidden = m_model->hiddenLines(i, column() == Column::Left);
            for (const QString &line : hidden)
                lines.append((column() == Column::Unified ? QStringLiteral(" ") : QString())
                    + HunkHighlighter::displayText(line));
            continue;
        }
        const DiffRowPainter::Line line = m_painter.lineOf(row);
        if (line.line < 0)
            continue;
        const QStringList &sideLines = m_document->lines(line.side);
        if (line.line >= sideLines.size())
            continue;
        const QString &text = sideLines.at(line.line);
        QStringView shown(text);
        if (shown.endsWith(QLatin1Char('\r')))
            shown.chop(1);
        if (column() == Column::Unified) {
            const QChar marker = row.kind == Kind::Removed ? QLatin1Char('-')
                : row.kind == Kind::Added                  ? QLatin1Char('+')
                                                           : QLatin1Char(' ');
            lines.append(marker + shown.toString());
        } else {
            lines.append(shown.toString());
        }
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void DiffPane::copy() const
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void DiffPane::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(viewport());
    if (!m_document || !m_model) {
        painter.fillRect(viewport()->rect(), palette().base());
        return;
    }
    if (m_painter.refresh()) {
        updateScrollBars(); // the font or the diff changed under us
        if (m_wrap && textWrapWidth() != m_painter.wrapWidth()) {
            m_painter.setWrapWidth(textWrapWidth());
            Q_EMIT wrapWidthChanged();
        }
    }
    const int first = firstVisibleRow();
    const int last = qMin(m_model->rowCount() - 1, first + visibleRowCount());
    m_painter.paint(painter, viewport()->rect(), first, last, horizontalScrollBar()->value(), m_searchText);

    const DiffColors &colors = m_document->colors();
    for (int i = first, y = 0; i <= last && y < viewport()->height(); y += m_painter.rowPixelHeight(i), ++i) {
        const QRect rowRect(0, y, viewport()->width(), m_painter.rowPixelHeight(i));
        if (m_anchor != m_current && i >= selectionStart() && i <= selectionEnd()) {
            QColor selection = colors.selection;
            selection.setAlpha(110);
            painter.fillRect(rowRect, selection);
        }
        if (i == m_current && hasFocus()) {
            QColor frame = colors.text;
            frame.setAlpha(100);
            painter.setPen(frame);
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(rowRect.adjusted(0, 0, -1, -1));
        }
    }
}

void DiffPane::scrollContentsBy(int dx, int dy)
{
    // Vertical scrolling is in rows, not pixels: repaint instead of blitting.
    Q_UNUSED(dx);
    Q_UNUSED(dy);
    viewport()->update();
}

void DiffPane::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_wrap && textWrapWidth() != m_painter.wrapWidth()) {
        m_painter.setWrapWidth(textWrapWidth());
        Q_EMIT wrapWidthChanged();
    }
    updateScrollBars();
}

void DiffPane::moveCurrent(int row, bool extend)
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    setCurrentRow(row, extend);
    ensureRowVisible(m_current);
}

void DiffPane::keyPressEvent(QKeyEvent *event)
{
    if (!m_model || m_model->rowCount() == 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectRows(0, m_model->rowCount() - 1);
        return;
    }
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const bool plain = !(event->modifiers() & (Qt::AltModifier | Qt::MetaModifier));
    switch (event->key()) {
    case Qt::Key_Up:
        if (plain) {
            moveCurrent(m_current - 1, extend);
            return;
        }
        break;
    case Qt::Key_Down:
        if (plain) {
            moveCurrent(m_current + 1, extend);
            return;
        }
        break;
    case Qt::Key_PageUp:
        moveCurrent(m_current - visibleRowCount(), extend);
        setFirstVisibleRow(firstVisibleRow() - visibleRowCount());
        return;
    case Qt::Key_PageDown:
        moveCurrent(m_current + visibleRowCount(), extend);
        setFirstVisibleRow(firstVisibleRow() + visibleRowCount());
        return;
    case Qt::Key_Home:
        if (event->modifiers() & Qt::ControlModifier) {
            moveCurrent(0, extend);
        } else {
            horizontalScrollBar()->setValue(0);
        }
        return;
    case Qt::Key_End:
        if (event->modifiers() & Qt::ControlModifier) {
            moveCurrent(m_model->rowCount() - 1, extend);
        } else {
            horizontalScrollBar()->setValue(horizontalScrollBar()->maximum());
        }
        return;
    case Qt::Key_Left:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
        return;
    case Qt::Key_Right:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_model->row(m_current).kind == Kind::Fold) {
            Q_EMIT foldActivated(m_current);
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void DiffPane::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const int row = rowAt(event->position().toPoint());
    if (row < 0)
        return;
    if (m_model->row(row).kind == Kind::Fold && !(event->modifiers() & Qt::ShiftModifier)) {
        setCurrentRow(row);
        Q_EMIT foldActivated(row);
        return;
    }
    setCurrentRow(row, event->modifiers() & Qt::ShiftModifier);
    m_dragging = true;
}

void DiffPane::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    if (m_dragging && m_model && m_model->rowCount() > 0) {
        int row = rowAt(position);
        if (position.y() < 0)
            row = qMax(0, firstVisibleRow() - 1);
        else if (row < 0)
            row = qMin(m_model->rowCount() - 1, firstVisibleRow() + visibleRowCount());
        moveCurrent(row, true);
        return;
    }
    const int row = rowAt(position);
    const bool onFold = row >= 0 && m_model->row(row).kind == Kind::Fold && m_model->row(row).source >= 0;
    viewport()->setCursor(onFold ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void DiffPane::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragging = false;
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void DiffPane::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void DiffPane::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void DiffPane::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *copyAction = menu.addAction(tr("&Copy"));
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(m_model && m_model->rowCount() > 0);
    QAction *selectAllAction = menu.addAction(tr("Select &All"));
    selectAllAction->setShortcut(QKeySequence::SelectAll);
    QAction *chosen = menu.exec(event->globalPos());
    if (chosen == copyAction)
        copy();
    else if (chosen == selectAllAction && m_model)
        selectRows(0, m_model->rowCount() - 1);
}

void DiffPane::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        reload();
}

bool DiffPane::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0 && m_model->row(row).kind == Kind::Fold && m_model->row(row).source >= 0) {
            QToolTip::showText(
                help->globalPos(), tr("Click, or press Enter, to show these unchanged lines"), viewport());
        } else if (row >= 0 && !m_model->hunkHeader(m_model->row(row)).isEmpty()) {
            // The whole header, which a narrow pane cuts short.
            QToolTip::showText(help->globalPos(), m_model->hunkHeader(m_model->row(row)), viewport());
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace Countersign
