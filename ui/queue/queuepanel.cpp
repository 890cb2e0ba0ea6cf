#include "queuepanel.h"

#include "queuecolumns.h"
#include "queuegroupmodel.h"
#include "queueview.h"

#include <QActionGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include <cstdlib>

namespace Countersign {

QueuePanel::QueuePanel(QueueModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_groups(new QueueGroupModel(model, this))
{
    setObjectName(QStringLiteral("queuePanel"));
    m_model->setPalette(palette());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // First row: the text filter and the view menu.
    auto *top = new QHBoxLayout;
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("queueFilterText"));
    m_text->setPlaceholderText(tr("Filter by title, type, agent…"));
    m_text->setClearButtonEnabled(true);
    m_text->installEventFilter(this);
    m_newChip = new QToolButton(this);
    m_newChip->setObjectName(QStringLiteral("queueNewChip"));
    m_newChip->setToolTip(tr("Show the items that arrived since you last looked"));
    m_newChip->setStyleSheet(QStringLiteral("QToolButton { background: palette(highlight); color: "
                                            "palette(highlighted-text); border: none; border-radius: 9px; "
                                            "padding: 1px 8px; }"));
    m_newChip->hide();
    m_viewMenu = new QMenu(this);
    m_viewMenu->setObjectName(QStringLiteral("queueViewMenu"));
    m_groupingActions = new QActionGroup(this);
    const auto addGrouping = [this](const QString &text, QueueModel::Grouping grouping, const char *name) {
        QAction *a = m_viewMenu->addAction(text);
        a->setObjectName(QLatin1String(name));
        a->setCheckable(true);
        a->setData(int(grouping));
        a->setChecked(grouping == m_model->grouping());
        m_groupingActions->addAction(a);
    };
    addGrouping(tr("&No Grouping"), QueueModel::Grouping::None, "queueGroupNone");
    addGrouping(tr("Group by &Category"), QueueModel::Grouping::Category, "queueGroupCategory");
    addGrouping(tr("Group by &Type"), QueueModel::Grouping::Type, "queueGroupType");
    m_viewButton = new QToolButton(this);
    m_viewButton->setObjectName(QStringLiteral("queueGrouping"));
    m_viewButton->setText(tr("View"));
    m_viewButton->setToolTip(tr("Grouping and columns"));
    m_viewButton->setPopupMode(QToolButton::InstantPopup);
    m_viewButton->setMenu(m_viewMenu);
    top->addWidget(m_text, 1);
    top->addWidget(m_viewButton);
    layout->addLayout(top);

    // Second row: category and type.
    auto *filters = new QHBoxLayout;
    const auto combo = [this](const char *name, const QString &tip, const QString &all) {
        auto *box = new QComboBox(this);
        box->setObjectName(QLatin1String(name));
        box->setToolTip(tip);
        // As narrow as "All categories" allows (Qt counts in widths of 'X'), not as wide as the
        // longest category: a long name must not widen the whole panel.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        const QFontMetrics fm = box->fontMetrics();
        const int x = std::max(1, fm.horizontalAdvance(u'X'));
        box->setMinimumContentsLength((fm.horizontalAdvance(all) + x - 1) / x);
        box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        return box;
    };
    m_category = combo("queueFilterCategory", tr("Category"), tr("All categories"));
    m_type = combo("queueFilterType", tr("Action type"), tr("All types"));
    m_mine = new QCheckBox(tr("&Mine"), this);
    m_mine->setObjectName(QStringLiteral("queueFilterMine"));
    m_mine->setToolTip(tr("Only items claimed by or assigned to me"));
    m_escalated = new QCheckBox(tr("&Escalated"), this);
    m_escalated->setObjectName(QStringLiteral("queueFilterEscalated"));
    m_snoozed = new QCheckBox(tr("S&noozed"), this);
    m_snoozed->setObjectName(QStringLiteral("queueFilterSnoozed"));
    m_snoozed->setToolTip(tr("Only the items I snoozed, with the time each comes back"));
    filters->addWidget(m_category, 1);
    filters->addWidget(m_type, 1);
    layout->addLayout(filters);
    // Third row: the switches, and the chip right above the list it scrolls.
    auto *switches = new QHBoxLayout;
    switches->addWidget(m_mine);
    switches->addWidget(m_escalated);
    switches->addWidget(m_snoozed);
    switches->addStretch(1);
    switches->addWidget(m_newChip);
    layout->addLayout(switches);

    m_view = new QueueView(this);
    m_view->setObjectName(QStringLiteral("queueView"));
    m_view->setModel(m_groups);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setIndentation(m_view->fontMetrics().averageCharWidth() * 2);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(QueueModel::AgeColumn, Qt::AscendingOrder);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_columns = new QueueColumns(m_view);
    layout->addWidget(m_view, 1);

    m_viewMenu->addSeparator();
    m_viewMenu->addMenu(m_columns->menu());

    m_rowMenu = new QMenu(this);
    m_rowMenu->setObjectName(QStringLiteral("queueRowMenu"));
    m_reviewGroupAction = m_rowMenu->addAction(tr("&Review Group…"));
    m_reviewGroupAction->setObjectName(QStringLiteral("queueReviewGroup"));
    m_reviewGroupAction->setShortcut(QKeySequence(Qt::Key_Return)); // shown only: QueueView handles the key
    m_reviewGroupAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_reviewGroupAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (m_groups->isGroup(current))
            reviewGroup(current.row());
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &QueuePanel::showRowMenu);
    connect(m_view, &QueueView::groupActivated, this, [this](const QModelIndex &group) {
        reviewGroup(group.row());
    });

    connect(m_text, &QLineEdit::textChanged, this, &QueuePanel::applyFilter);
    connect(m_category, &QComboBox::currentIndexChanged, this, &QueuePanel::applyFilter);
    connect(m_type, &QComboBox::currentIndexChanged, this, &QueuePanel::applyFilter);
    connect(m_mine, &QCheckBox::toggled, this, &QueuePanel::applyFilter);
    connect(m_escalated, &QCheckBox::toggled, this, &QueuePanel::applyFilter);
    connect(m_snoozed, &QCheckBox::toggled, this, &QueuePanel::applyFilter);
    connect(m_groupingActions, &QActionGroup::triggered, this, [this](QAction *a) {
        setGrouping(QueueModel::Grouping(a->data().toInt()));
    });
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            const QString id = current.data(QueueModel::ActionIdRole).toString();
            m_model->markSeen(id);
            Q_EMIT currentChanged(id);
        });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QueuePanel::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePanel::refreshFilterChoices);
    connect(m_model, &QueueModel::newCountChanged, this, &QueuePanel::updateNewChip);
    connect(m_newChip, &QToolButton::clicked, this, &QueuePanel::showNewItems);

    // Group header rows span the row and start expanded unless the reviewer collapsed them.
    connect(m_groups, &QAbstractItemModel::layoutChanged, this, [this] {
        applyGroupRows();
    });
    connect(m_groups, &QAbstractItemModel::modelReset, this, [this] {
        applyGroupRows();
    });
    connect(m_groups, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &under, int first, int last) {
        if (!under.isValid() && m_groups->isGrouped())
            applyGroupRows(first, last);
    });
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (!m_applyingGroups && m_groups->isGroup(index))
            m_collapsedGroups.insert(m_groups->groupName(index.row()));
    });
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (!m_applyingGroups && m_groups->isGroup(index))
            m_collapsedGroups.remove(m_groups->groupName(index.row()));
    });
    refreshFilterChoices();
    applyGroupRows();
    updateNewChip();
}

QueuePanel::~QueuePanel()
{
    m_columns->flush(); // while the header is still there
}

QTreeView *QueuePanel::view() const
{
    return m_view;
}

void QueuePanel::refreshFilterChoices()
{
    const auto refill = [](QComboBox *box, const QString &all, const QStringList &items) {
        const QString current = box->currentData().toString();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(all, QString());
        for (const QString &item : items)
            box->addItem(item, item);
        const int at = box->findData(current);
        box->setCurrentIndex(at < 0 ? 0 : at);
    };
    refill(m_category, tr("All categories"), m_model->categories());
    refill(m_type, tr("All types"), m_model->types());
}

void QueuePanel::applyFilter()
{
    QueueFilter f;
    f.text = m_text->text().trimmed();
    f.category = m_category->currentData().toString();
    f.type = m_type->currentData().toString();
    f.mineOnly = m_mine->isChecked();
    f.me = m_me;
    f.escalatedOnly = m_escalated->isChecked();
    f.snoozedOnly = m_snoozed->isChecked();
    m_model->setFilter(f);
}

void QueuePanel::setMe(const QString &me)
{
    m_me = me;
    applyFilter();
}

void QueuePanel::focusFilter()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void QueuePanel::setGrouping(QueueModel::Grouping grouping)
{
    for (QAction *a : m_groupingActions->actions()) {
        if (a->data().toInt() == int(grouping))
            a->setChecked(true);
    }
    m_model->setGrouping(grouping);
}

void QueuePanel::applyGroupRows(int first, int last)
{
    const bool grouped = m_groups->isGrouped();
    m_view->setRootIsDecorated(grouped);
    if (!grouped)
        return;
    if (last < 0)
        last = m_groups->groupCount() - 1;
    m_applyingGroups = true;
    for (int g = first; g <= last && g < m_groups->groupCount(); ++g) {
        m_view->setFirstColumnSpanned(g, {}, true);
        m_view->setExpanded(m_groups->groupIndex(g), !m_collapsedGroups.contains(m_groups->groupName(g)));
    }
    m_applyingGroups = false;
}

QString QueuePanel::currentId() const
{
    return m_view->currentIndex().data(QueueModel::ActionIdRole).toString();
}

QStringList QueuePanel::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows) {
        const QString id = i.data(QueueModel::ActionIdRole).toString();
        if (!id.isEmpty())
            ids << id;
    }
    return ids;
}

void QueuePanel::selectId(const QString &id)
{
    const QModelIndex index = m_groups->indexOfId(id);
    if (!index.isValid()) {
        m_view->selectionModel()->clearCurrentIndex();
        m_view->clearSelection();
        return;
    }
    if (index.parent().isValid() && !m_view->isExpanded(index.parent()))
        m_view->expand(index.parent());
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

int QueuePanel::nextReachable(int row, int direction) const
{
    const int rows = m_model->rowCount();
    int r = row + direction;
    while (r >= 0 && r < rows) {
        const int g = m_groups->groupOfSourceRow(r);
        if (g < 0 || m_view->isExpanded(m_groups->groupIndex(g)))
            return r;
        // A collapsed group: skip it as a whole.
        r = direction > 0 ? m_groups->groupFirstRow(g) + m_groups->groupSize(g) : m_groups->groupFirstRow(g) - 1;
    }
    return -1;
}

bool QueuePanel::step(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return false;
    const QModelIndex current = m_view->currentIndex();
    const int direction = delta < 0 ? -1 : 1;
    int row;
    int steps = std::abs(delta);
    if (m_groups->isGroup(current)) {
        // From a header: down goes to its first item, up to the item before the group.
        row = m_groups->groupFirstRow(current.row()) - (direction > 0 ? 1 : 0);
    } else if (current.isValid() && m_groups->sourceRow(current) >= 0) {
        row = m_groups->sourceRow(current);
        if (delta == 0)
            return true;
    } else {
        row = direction > 0 ? -1 : rows;
        steps = 1;
    }
    for (int i = 0; i < steps; ++i) {
        row = nextReachable(row, direction);
        if (row < 0)
            return false;
    }
    selectId(m_model->action(row).id);
    return true;
}

QString QueuePanel::neighbourOf(const QString &id) const
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return {};
    int next = nextReachable(row, 1);
    if (next < 0)
        next = nextReachable(row, -1);
    return next < 0 ? QString() : m_model->action(next).id;
}

void QueuePanel::clearSelection()
{
    QItemSelectionModel *selection = m_view->selectionModel();
    const QModelIndex current = selection->currentIndex();
    if (current.isValid() && !m_groups->isGroup(current))
        selection->select(current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    else
        selection->clearSelection();
}

void QueuePanel::updateNewChip()
{
    const int count = m_model->newCount();
    m_newChip->setText(tr("%n new", nullptr, count));
    m_newChip->setVisible(count > 0);
}

void QueuePanel::showNewItems()
{
    const int row = m_model->firstNewRow();
    if (row >= 0) {
        const QModelIndex index = m_groups->indexOfSourceRow(row);
        if (index.parent().isValid() && !m_view->isExpanded(index.parent()))
            m_view->expand(index.parent());
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    }
    m_model->markAllSeen();
}

void QueuePanel::reviewGroup(int group)
{
    if (group < 0 || group >= m_groups->groupCount())
        return;
    const QStringList ids = m_groups->idsInGroup(group);
    if (!ids.isEmpty())
        Q_EMIT reviewGroupRequested(ids);
}

void QueuePanel::showRowMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!m_groups->isGroup(index))
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    m_reviewGroupAction->setEnabled(m_groups->groupSize(index.row()) > 0);
    m_rowMenu->popup(m_view->viewport()->mapToGlobal(pos));
}

void QueuePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_model->setPalette(palette()); // the SLA tints follow a theme switch
    QWidget::changeEvent(event);
}

bool QueuePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool escape = key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier;
        const bool down = key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier;
        if (event->type() == QEvent::ShortcutOverride) {
            if (escape) {
                event->accept(); // ours, not a window shortcut's
                return true;
            }
        } else if (escape || down) {
            if (escape)
                m_text->clear();
            m_view->setFocus(Qt::ShortcutFocusReason);
            if (down && !m_view->currentIndex().isValid())
                step(1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Countersign
