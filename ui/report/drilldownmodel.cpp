#include "drilldownmodel.h"

#include <QLocale>

namespace Countersign {

DrillDownModel::DrillDownModel(PageFetcher fetch, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fetch(std::move(fetch))
{ }

void DrillDownModel::reload()
{
    m_changing = true;
    beginResetModel();
    m_items.clear();
    m_total = 0;
    m_cursor.clear();
    m_failed = false;
    m_started = true;
    endResetModel();
    m_changing = false;
    ++m_generation;
    m_loading = false;
    request();
}

void DrillDownModel::request()
{
    if (!m_fetch)
        return;
    m_loading = true;
    const quint64 generation = m_generation;
    m_fetch(m_cursor).then(this, [this, generation](const Result<DrillDownList> &page) {
        receive(generation, page);
    });
}

void DrillDownModel::receive(quint64 generation, const Result<DrillDownList> &page)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    if (!page) {
        m_failed = true;
        Q_EMIT failed(page.error());
        return;
    }
    m_total = page->total;
    m_cursor = page->nextCursor;
    if (!page->items.isEmpty()) {
        const int first = int(m_items.size());
        m_changing = true;
        beginInsertRows({}, first, first + int(page->items.size()) - 1);
        m_items.append(page->items);
        endInsertRows();
        m_changing = false;
    }
    Q_EMIT pageLoaded();
}

int DrillDownModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int DrillDownModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool DrillDownModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_started && !m_loading && !m_failed && !m_cursor.isEmpty();
}

void DrillDownModel::fetchMore(const QModelIndex &parent)
{
    if (m_changing || !canFetchMore(parent))
        return;
    request();
}

QString DrillDownModel::outcomeTitle(const QString &outcome)
{
    if (outcome == QLatin1String("auto_approved"))
        return tr("Auto-approved");
    if (outcome == QLatin1String("prohibited"))
        return tr("Prohibited");
    if (outcome == QLatin1String("approved"))
        return tr("Approved");
    if (outcome == QLatin1String("modified"))
        return tr("Modified");
    if (outcome == QLatin1String("rejected"))
        return tr("Rejected");
    if (outcome == QLatin1String("expired"))
        return tr("Expired");
    if (outcome == QLatin1String("withdrawn"))
        return tr("Withdrawn");
    if (outcome == QLatin1String("pending"))
        return tr("Pending");
    return outcome;
}

QVariant DrillDownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DrillDownItem &item = m_items.at(index.row());
    if (role == IdRole)
        return item.id;
    if (role == Qt::ToolTipRole && index.column() == TitleColumn)
        return item.title;
    if (role == Qt::TextAlignmentRole && index.column() == ConfidenceColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case CreatedColumn:
        return locale.toString(item.createdAt.toLocalTime(), QLocale::ShortFormat);
    case DecidedColumn:
        return item.decidedAt.isValid() ? locale.toString(item.decidedAt.toLocalTime(), QLocale::ShortFormat)
                                        : QString();
    case OutcomeColumn:
        return outcomeTitle(item.outcome);
    case TypeColumn:
        return item.type;
    case CategoryColumn:
        return item.category;
    case AgentColumn:
        return item.agent;
    case ReviewerColumn:
        return item.reviewer;
    case TitleColumn:
        return item.title;
    case ConfidenceColumn:
        return locale.toString(item.confidence, 'f', 2);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DrillDownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case CreatedColumn:
        return tr("Submitted");
    case DecidedColumn:
        return tr("Decided");
    case OutcomeColumn:
        return tr("Outcome");
    case TypeColumn:
        return tr("Type");
    case CategoryColumn:
        return tr("Category");
    case AgentColumn:
        return tr("Agent");
    case ReviewerColumn:
        return tr("Reviewer");
    case TitleColumn:
        return tr("Title");
    case ConfidenceColumn:
        return tr("Confidence");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Countersign
