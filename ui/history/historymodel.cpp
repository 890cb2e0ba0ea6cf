#include "historymodel.h"

#include "history/decisionhistory.h"
#include "history/decisionoutbox.h"
#include "style/icons.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

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

namespace {

// An outbox item as the history will record it once the server answers.
HistoryEntry waitingEntry(const OutboxItem &item)
{
    HistoryEntry e;
    e.time = item.created;
    e.server = item.server;
    e.actionId = item.snapshot.id;
    e.actionType = item.snapshot.type;
    e.category = item.snapshot.category;
    e.title = item.snapshot.title;
    e.outcome = outcomeName(item.decision.outcome);
    e.reason = item.decision.reason;
    e.reviewer = item.reviewer;
    e.language = item.snapshot.payload.language;
    e.aiDraft = item.snapshot.payload.content;
    e.original = item.snapshot.payload.original;
    if (item.decision.outcome != Outcome::Reject)
        e.finalPayload = item.decision.payload ? item.decision.payload->content : e.aiDraft;
    e.actionSnapshot = item.snapshot.toJson();
    e.serverAnswer = item.lastError;
    return e;
}

} // namespace

const HistoryEntry &HistoryModel::entry(int row) const
{
    return row < m_waiting.size() ? m_waiting.at(row) : m_entries.at(row - m_waiting.size());
}

void HistoryModel::reload()
{
    beginResetModel();
    m_entries.clear();
    m_waiting.clear();
    m_total = 0;
    // Waiting decisions belong to the unfiltered view: they have no final outcome to filter on.
    if (m_query.text.isEmpty() && m_query.outcome.isEmpty() && !m_query.from.isValid() && !m_query.to.isValid()) {
        if (const auto items = DecisionOutbox(m_history).items()) {
            for (auto it = items->crbegin(); it != items->crend(); ++it)
                m_waiting.append(waitingEntry(*it)); // newest first, like the history
        }
    }
    if (const auto total = m_history->count(m_query))
        m_total = *total;
    // Whoever listens to modelReset may ask for more rows right away; the first page follows
    // the reset instead of nesting an insertion inside its notification.
    m_changing = true;
    endResetModel();
    m_changing = false;
    if (canFetchMore({}))
        fetchMore({});
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_waiting.size() + m_entries.size());
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
    if (parent.isValid() || m_changing)
        return;
    HistoryQuery page = m_query;
    page.offset = int(m_entries.size());
    page.limit = PageSize;
    const auto more = m_history->entries(page);
    if (!more || more->isEmpty()) {
        m_total = m_entries.size(); // nothing more to read: stop asking
        return;
    }
    const int first = int(m_waiting.size() + m_entries.size());
    // A listener of the insertion signals may ask for more again: that waits for this page.
    m_changing = true;
    beginInsertRows({}, first, first + int(more->size()) - 1);
    m_entries.append(*more);
    endInsertRows();
    m_changing = false;
}

int HistoryModel::rowOfSeq(qint64 seq)
{
    for (;;) {
        for (int r = 0; r < m_entries.size(); ++r) {
            if (m_entries.at(r).seq == seq)
                return int(m_waiting.size()) + r;
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
    const bool waiting = index.row() < m_waiting.size();
    const HistoryEntry &e = entry(index.row());
    const Status status = waiting ? Status::Waiting : e.serverAccepted ? Status::Accepted : Status::Refused;
    switch (role) {
    case SeqRole:
        return waiting ? qint64(0) : e.seq;
    case StatusRole:
        return QVariant::fromValue(status);
    case Qt::DisplayRole:
        return display(e, index.column(), waiting);
    case Qt::ToolTipRole:
        return toolTip(e, index.column(), waiting);
    case Qt::DecorationRole:
        if (index.column() != OutcomeColumn)
            return {};
        if (status == Status::Waiting)
            return QIcon::fromTheme(
                QStringLiteral("chronometer"), QApplication::style()->standardIcon(QStyle::SP_BrowserReload));
        if (status == Status::Refused)
            return QIcon::fromTheme(
                QStringLiteral("dialog-warning"), QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
        return Icons::icon(e.outcome == QLatin1String("approve") ? Icons::Approve
                : e.outcome == QLatin1String("modify")           ? Icons::Modify
                                                                 : Icons::Reject);
    default:
        return {};
    }
}

QVariant HistoryModel::display(const HistoryEntry &e, int column, bool waiting) const
{
    const bool approve = e.outcome == QLatin1String("approve");
    const bool modify = e.outcome == QLatin1String("modify");
    switch (column) {
    case TimeColumn:
        return QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat);
    case OutcomeColumn:
        if (waiting)
            return approve ? tr("Approve — waiting to send")
                : modify   ? tr("Modify — waiting to send")
                           : tr("Reject — waiting to send");
        if (!e.serverAccepted)
            return approve ? tr("Approval refused") : modify ? tr("Modification refused") : tr("Rejection refused");
        return approve ? tr("Approved") : modify ? tr("Modified") : tr("Rejected");
    case CategoryColumn:
        return e.category;
    case TypeColumn:
        return e.actionType;
    case TitleColumn:
        return e.title;
    case ReasonColumn:
        return e.reason;
    case ServerColumn:
        return waiting ? tr("Not sent yet") : e.serverAccepted ? tr("Accepted") : tr("Refused");
    }
    return {};
}

QVariant HistoryModel::toolTip(const HistoryEntry &e, int column, bool waiting) const
{
    if (column == TitleColumn)
        return e.title;
    if (column != OutcomeColumn && column != ServerColumn)
        return {};
    if (waiting)
        return e.serverAnswer.isEmpty()
            ? tr("Saved on this computer; sent to %1 as soon as it can be reached.").arg(e.server)
            : tr("Saved on this computer; sent to %1 as soon as it can be reached. Last attempt: %2")
                  .arg(e.server, e.serverAnswer);
    if (!e.serverAccepted)
        return tr("%1 did not accept this decision: %2").arg(e.server, e.serverAnswer);
    return tr("Accepted by %1").arg(e.server);
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
