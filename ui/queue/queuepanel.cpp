#include "queuepanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace Countersign {

QueuePanel::QueuePanel(QueueModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("queuePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *bar = new QHBoxLayout;
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("queueFilterText"));
    m_text->setPlaceholderText(tr("Filter by title, type, agent…"));
    m_text->setClearButtonEnabled(true);
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("queueFilterCategory"));
    m_category->setToolTip(tr("Category"));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("queueFilterType"));
    m_type->setToolTip(tr("Action type"));
    m_mine = new QCheckBox(tr("&Mine"), this);
    m_mine->setObjectName(QStringLiteral("queueFilterMine"));
    m_mine->setToolTip(tr("Only items claimed by or assigned to me"));
    m_escalated = new QCheckBox(tr("&Escalated"), this);
    m_escalated->setObjectName(QStringLiteral("queueFilterEscalated"));
    m_grouping = new QComboBox(this);
    m_grouping->setObjectName(QStringLiteral("queueGrouping"));
    m_grouping->addItem(tr("No grouping"), int(QueueModel::Grouping::None));
    m_grouping->addItem(tr("Group by category"), int(QueueModel::Grouping::Category));
    m_grouping->addItem(tr("Group by type"), int(QueueModel::Grouping::Type));
    bar->addWidget(m_text, 2);
    bar->addWidget(m_category, 1);
    bar->addWidget(m_type, 1);
    bar->addWidget(m_mine);
    bar->addWidget(m_escalated);
    bar->addWidget(m_grouping);
    layout->addLayout(bar);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("queueView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(QueueModel::AgeColumn, Qt::AscendingOrder);
    QHeaderView *header = m_view->header();
    header->setSectionResizeMode(QHeaderView::Interactive); // never ResizeToContents on 100k rows
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QueueModel::TitleColumn, QHeaderView::Stretch);
    const int em = fontMetrics().horizontalAdvance(u'M');
    header->resizeSection(QueueModel::AgeColumn, 8 * em);
    header->resizeSection(QueueModel::CategoryColumn, 9 * em);
    header->resizeSection(QueueModel::TypeColumn, 11 * em);
    header->resizeSection(QueueModel::AgentColumn, 8 * em);
    header->resizeSection(QueueModel::ConfidenceColumn, 6 * em);
    header->resizeSection(QueueModel::ClaimedByColumn, 7 * em);
    header->resizeSection(QueueModel::EscalatedColumn, 6 * em);
    layout->addWidget(m_view, 1);

    connect(m_text, &QLineEdit::textChanged, this, &QueuePanel::applyFilter);
    connect(m_category, &QComboBox::currentIndexChanged, this, &QueuePanel::applyFilter);
    connect(m_type, &QComboBox::currentIndexChanged, this, &QueuePanel::applyFilter);
    connect(m_mine, &QCheckBox::toggled, this, &QueuePanel::applyFilter);
    connect(m_escalated, &QCheckBox::toggled, this, &QueuePanel::applyFilter);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setGrouping(QueueModel::Grouping(m_grouping->currentData().toInt()));
    });
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            Q_EMIT currentChanged(current.data(QueueModel::ActionIdRole).toString());
        });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QueuePanel::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePanel::refreshFilterChoices);
    refreshFilterChoices();
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

QString QueuePanel::currentId() const
{
    return m_view->currentIndex().data(QueueModel::ActionIdRole).toString();
}

QStringList QueuePanel::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows)
        ids << i.data(QueueModel::ActionIdRole).toString();
    return ids;
}

void QueuePanel::selectId(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0) {
        m_view->selectionModel()->clearCurrentIndex();
        m_view->clearSelection();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

bool QueuePanel::step(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return false;
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : rows - 1);
    if (row < 0 || row >= rows)
        return false;
    selectId(m_model->index(row, 0).data(QueueModel::ActionIdRole).toString());
    return true;
}

QString QueuePanel::neighbourOf(const QString &id) const
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return {};
    if (row + 1 < m_model->rowCount())
        return m_model->index(row + 1, 0).data(QueueModel::ActionIdRole).toString();
    if (row > 0)
        return m_model->index(row - 1, 0).data(QueueModel::ActionIdRole).toString();
    return {};
}

} // namespace Countersign
