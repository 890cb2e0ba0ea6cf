#include "diffoverviewruler.h"

#include <KSyntaxHighlighting/Theme>

#include <QMouseEvent>
#include <QPainter>

namespace Countersign {

namespace {
constexpr int RulerWidth = 12;
// A change of one row in a long text is still a visible mark.
constexpr int MinimumMarkHeight = 3;
} // namespace

DiffOverviewRuler::DiffOverviewRuler(QWidget *parent)
    : QWidget(parent)
    , m_colors(DiffColors::fromTheme(KSyntaxHighlighting::Theme()))
{
    setObjectName(QStringLiteral("overviewRuler"));
    setAccessibleName(tr("Overview of the changes"));
    setToolTip(tr("Where the changes are; click to go there"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    setCursor(Qt::PointingHandCursor);
}

QSize DiffOverviewRuler::sizeHint() const
{
    return QSize(RulerWidth, 40);
}

void DiffOverviewRuler::setColors(const DiffColors &colors)
{
    m_colors = colors;
    update();
}

void DiffOverviewRuler::setMarks(const QList<Mark> &marks, int rows)
{
    if (marks == m_marks && rows == m_rows)
        return;
    m_marks = marks;
    m_rows = qMax(0, rows);
    update();
}

void DiffOverviewRuler::setVisibleRange(int first, int count)
{
    if (first == m_visibleFirst && count == m_visibleCount)
        return;
    m_visibleFirst = first;
    m_visibleCount = count;
    update();
}

int DiffOverviewRuler::rowAt(int y) const
{
    if (m_rows <= 0 || height() <= 0)
        return -1;
    return qBound(0, int(qint64(qBound(0, y, height() - 1)) * m_rows / height()), m_rows - 1);
}

int DiffOverviewRuler::yForRow(int row) const
{
    if (m_rows <= 0)
        return 0;
    return int(qint64(qBound(0, row, m_rows)) * height() / m_rows);
}

void DiffOverviewRuler::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.fillRect(rect(), m_colors.gutterBackground);
    painter.setPen(m_colors.separator);
    painter.drawLine(0, 0, 0, height());
    if (m_rows <= 0)
        return;
    const int w = width() - 1;
    for (const Mark &mark : std::as_const(m_marks)) {
        const int top = yForRow(mark.first);
        const int bottom = qMax(top + MinimumMarkHeight, yForRow(mark.first + mark.count));
        const QRect band(1, top, w, bottom - top);
        switch (mark.kind) {
        case Kind::Added:
            painter.fillRect(band, m_colors.addedEmphasis);
            break;
        case Kind::Removed:
            painter.fillRect(band, m_colors.removedEmphasis);
            break;
        case Kind::Changed:
            painter.fillRect(QRect(band.left(), band.top(), w / 2, band.height()), m_colors.removedEmphasis);
            painter.fillRect(QRect(band.left() + w / 2, band.top(), w - w / 2, band.height()), m_colors.addedEmphasis);
            break;
        }
    }
    if (m_visibleCount > 0 && m_visibleCount < m_rows) {
        QColor frame = m_colors.text;
        frame.setAlpha(120);
        painter.setPen(frame);
        painter.setBrush(Qt::NoBrush);
        const int top = yForRow(m_visibleFirst);
        const int bottom = qMax(top + MinimumMarkHeight, yForRow(m_visibleFirst + m_visibleCount));
        painter.drawRect(QRect(1, top, w - 1, bottom - top - 1));
    }
}

void DiffOverviewRuler::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const int row = rowAt(event->position().toPoint().y());
    if (row >= 0)
        Q_EMIT rowClicked(row);
}

void DiffOverviewRuler::mouseMoveEvent(QMouseEvent *event)
{
    // Dragging scrubs through the text like the scroll bar beside it.
    if (!(event->buttons() & Qt::LeftButton))
        return QWidget::mouseMoveEvent(event);
    const int row = rowAt(event->position().toPoint().y());
    if (row >= 0)
        Q_EMIT rowClicked(row);
}

} // namespace Countersign
