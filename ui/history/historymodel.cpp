#include "historymodel.h"

#include "history/decisionhistory.h"

#include <QLocale>

namespace Countersign {

HistoryModel::HistoryModel(DecisionHistory *history, QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(history)
{
    reload();
}

void HistoryModel::setQuery(const HistoryQuery &query)
{
    m_query = query;
    reload();
}

void HistoryModel::reload()
{
    beginResetModel();
    m_entries.clear();
    m_total = 0;
    if (const auto total = m_history->count(m_query))
        m_total = *total;
    endResetModel();
    if (canFetchMore({}))
        fetchMore({});
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_entries.size() < m_total;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    HistoryQuery page = m_query;
    page.offset = int(m_entries.size());
    page.limit = PageSize;
    const auto more = m_history->entries(page);
    if (!more || more->isEmpty()) {
        m_total = m_entries.size(); // nothing more to read: stop asking
        return;
    }
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + more->size() - 1));
    m_entries.append(*more);
    endInsertRows();
}

int HistoryModel::rowOfSeq(qint64 seq)
{
    for (;;) {
        for (int r = 0; r < m_entries.size(); ++r) {
            if (m_entries.at(r).seq == seq)
                return r;
        }
        if (!canFetchMore({}))
            return -1;
        fetchMore({});
    }
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &e = m_entries.at(index.row());
    if (role == SeqRole)
        return e.seq;
    if (role == Qt::ToolTipRole && index.column() == ServerColumn)
        return e.server;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat);
    case OutcomeColumn:
        if (e.outcome == QLatin1String("approve"))
            return tr("Approved");
        if (e.outcome == QLatin1String("modify"))
            return tr("Modified");
        return tr("Rejected");
    case CategoryColumn:
        return e.category;
    case TypeColumn:
        return e.actionType;
    case TitleColumn:
        return e.title;
    case ReasonColumn:
        return e.reason;
    case ServerColumn:
        return e.serverAccepted ? tr("Accepted") : tr("Refused: %1").arg(e.serverAnswer);
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case OutcomeColumn:
        return tr("Decision");
    case CategoryColumn:
        return tr("Category");
    case TypeColumn:
        return tr("Type");
    case TitleColumn:
        return tr("Title");
    case ReasonColumn:
        return tr("Reason");
    case ServerColumn:
        return tr("Server");
    }
    return {};
}

} // namespace Countersign
