#include "queuecolumns.h"

#include "queuemodel.h"
#include "settings/windowmemory.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QStyle>
#include <QTreeView>

namespace Countersign {

namespace {

// Bump when the columns change meaning, so an old saved state is not applied to new columns.
constexpr int StateVersion = 1;

} // namespace

QueueColumns::QueueColumns(QTreeView *view)
    : QObject(view)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_header(view->header())
    , m_menu(new QMenu(view))
{
    m_menu->setObjectName(QStringLiteral("queueColumnMenu"));
    m_menu->setTitle(tr("&Columns"));
    m_header->setSectionResizeMode(QHeaderView::Interactive); // never ResizeToContents on 100k rows
    m_header->setStretchLastSection(false);
    m_header->setSectionsMovable(true);
    m_header->setFirstSectionMovable(false); // group headers draw in the first column
    m_header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_header, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        m_menu->popup(m_header->mapToGlobal(pos));
    });

    const QAbstractItemModel *model = m_view->model();
    for (int c = 0; c < QueueModel::ColumnCount; ++c) {
        auto *action = m_menu->addAction(model->headerData(c, Qt::Horizontal).toString());
        action->setObjectName(QStringLiteral("queueColumnAction%1").arg(c));
        action->setCheckable(true);
        // Age carries the group headers and Title is what the queue is about: always shown.
        action->setEnabled(c != QueueModel::AgeColumn && c != QueueModel::TitleColumn);
        connect(action, &QAction::toggled, this, [this, c](bool on) {
            setColumnVisible(c, on);
        });
        m_actions << action;
    }
    m_menu->addSeparator();
    QAction *reset = m_menu->addAction(tr("&Reset Columns"));
    reset->setObjectName(QStringLiteral("queueColumnsReset"));
    connect(reset, &QAction::triggered, this, &QueueColumns::resetToDefaults);

    if (!restore())
        resetToDefaults();
    syncActions();

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(500);
    connect(&m_saveTimer, &QTimer::timeout, this, &QueueColumns::save);
    connect(m_header, &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        if (m_fitting)
            return;
        if (logical == QueueModel::TitleColumn) {
            if (size < minimumTitleWidth())
                fitTitle();
        } else {
            fitTitle(); // another column grew or shrank: the title takes up the difference
        }
        m_saveTimer.start();
    });
    connect(m_header, &QHeaderView::sectionMoved, &m_saveTimer, qOverload<>(&QTimer::start));
    connect(m_header, &QHeaderView::sortIndicatorChanged, &m_saveTimer, qOverload<>(&QTimer::start));
    m_viewport->installEventFilter(this);
}

void QueueColumns::flush()
{
    if (!m_saveTimer.isActive())
        return;
    m_saveTimer.stop();
    save();
}

int QueueColumns::layoutVersion()
{
    return StateVersion * 1000 + QueueModel::ColumnCount;
}

QAction *QueueColumns::columnAction(int column) const
{
    return m_actions.value(column);
}

int QueueColumns::defaultWidth(int column) const
{
    // Wide enough for the header text (with the sort arrow) and for typical contents.
    const QFontMetrics fm = m_view->fontMetrics();
    const int padding
        = 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + fm.averageCharWidth() * 2;
    int contents = 0;
    switch (column) {
    case QueueModel::AgeColumn: // typical ages; a day-old item's "1 d 2 h" is about as wide
        contents = fm.horizontalAdvance(QueueModel::formatAge(59 * 60 + 59))
            + 2 * m_view->indentation(); // grouped: decoration + child indent
        break;
    case QueueModel::DueColumn:
        contents = std::max(fm.horizontalAdvance(QueueModel::formatDue(59 * 60)),
            fm.horizontalAdvance(QueueModel::formatDue(-59 * 60)));
        break;
    case QueueModel::CategoryColumn:
        contents = fm.averageCharWidth() * 12;
        break;
    case QueueModel::TypeColumn:
        contents = fm.averageCharWidth() * 16;
        break;
    case QueueModel::TitleColumn:
        return minimumTitleWidth();
    case QueueModel::AgentColumn:
        contents = fm.averageCharWidth() * 10;
        break;
    case QueueModel::ConfidenceColumn:
        contents = fm.horizontalAdvance(QStringLiteral("100%"));
        break;
    case QueueModel::ClaimedByColumn:
        contents = fm.averageCharWidth() * 8;
        break;
    case QueueModel::EscalatedColumn:
        contents = fm.horizontalAdvance(QueueModel::tr("Escalated"));
        break;
    }
    const bool hidden = m_header->isSectionHidden(column);
    if (hidden)
        m_header->showSection(column); // sectionSizeHint() is 0 for hidden sections
    const int header = m_header->sectionSizeHint(column);
    if (hidden)
        m_header->hideSection(column);
    return std::max(header, contents + padding);
}

int QueueColumns::minimumTitleWidth() const
{
    return m_view->fontMetrics().averageCharWidth() * 22;
}

void QueueColumns::resetToDefaults()
{
    m_fitting = true;
    // Visual order: what a narrow panel should show first.
    static constexpr int order[] = {QueueModel::AgeColumn, QueueModel::DueColumn, QueueModel::TitleColumn,
        QueueModel::CategoryColumn, QueueModel::TypeColumn, QueueModel::AgentColumn, QueueModel::ConfidenceColumn,
        QueueModel::ClaimedByColumn, QueueModel::EscalatedColumn};
    static_assert(std::size(order) == QueueModel::ColumnCount);
    for (int visual = 0; visual < QueueModel::ColumnCount; ++visual)
        m_header->moveSection(m_header->visualIndex(order[visual]), visual);
    for (int c = 0; c < QueueModel::ColumnCount; ++c) {
        m_header->showSection(c);
        m_header->resizeSection(c, defaultWidth(c));
    }
    // Mostly empty: shown on demand from the header's context menu.
    m_header->hideSection(QueueModel::ClaimedByColumn);
    m_header->hideSection(QueueModel::EscalatedColumn);
    m_fitting = false;
    syncActions();
    fitTitle();
    m_saveTimer.start();
}

bool QueueColumns::restore()
{
    const QByteArray state = WindowMemory().queueColumns(layoutVersion());
    if (state.isEmpty() || !m_header->restoreState(state) || m_header->count() != QueueModel::ColumnCount)
        return false;
    m_header->showSection(QueueModel::AgeColumn);
    m_header->showSection(QueueModel::TitleColumn);
    if (m_header->visualIndex(QueueModel::AgeColumn) != 0)
        m_header->moveSection(m_header->visualIndex(QueueModel::AgeColumn), 0);
    // The saved state carries the sort indicator; the model has to follow it.
    if (m_header->sortIndicatorSection() >= 0 && m_header->sortIndicatorSection() < QueueModel::ColumnCount)
        m_view->sortByColumn(m_header->sortIndicatorSection(), m_header->sortIndicatorOrder());
    return true;
}

void QueueColumns::save() const
{
    WindowMemory().setQueueColumns(m_header->saveState(), layoutVersion());
}

void QueueColumns::syncActions()
{
    for (int c = 0; c < m_actions.size(); ++c) {
        const QSignalBlocker block(m_actions.at(c));
        m_actions.at(c)->setChecked(!m_header->isSectionHidden(c));
    }
}

void QueueColumns::setColumnVisible(int column, bool visible)
{
    if (column < 0 || column >= QueueModel::ColumnCount)
        return;
    if (!visible && (column == QueueModel::AgeColumn || column == QueueModel::TitleColumn))
        return;
    if (m_header->isSectionHidden(column) == !visible)
        return;
    m_header->setSectionHidden(column, !visible);
    if (visible && m_header->sectionSize(column) < m_header->sectionSizeHint(column))
        m_header->resizeSection(column, defaultWidth(column));
    syncActions();
    fitTitle();
    m_saveTimer.start();
}

bool QueueColumns::isColumnVisible(int column) const
{
    return !m_header->isSectionHidden(column);
}

void QueueColumns::fitTitle()
{
    if (m_fitting)
        return;
    int others = 0;
    for (int c = 0; c < m_header->count(); ++c) {
        if (c != QueueModel::TitleColumn && !m_header->isSectionHidden(c))
            others += m_header->sectionSize(c);
    }
    const int width = std::max(minimumTitleWidth(), m_viewport->width() - others);
    m_fitting = true;
    m_header->resizeSection(QueueModel::TitleColumn, width);
    m_fitting = false;
}

bool QueueColumns::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport && event->type() == QEvent::Resize)
        fitTitle();
    return QObject::eventFilter(watched, event);
}

} // namespace Countersign
