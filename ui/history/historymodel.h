#pragma once

#include "history/historyentry.h"
#include "history/historyquery.h"

#include <QAbstractTableModel>

namespace Countersign {

class DecisionHistory;

// The local decision history as a table, newest first, fetched a page at a time as the view
// scrolls (canFetchMore/fetchMore) so a long history opens instantly. Decisions still waiting in
// the outbox come first, marked as such; a decision the server refused reads as refused, never
// as the verdict the reviewer gave.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        OutcomeColumn,
        CategoryColumn,
        TypeColumn,
        TitleColumn,
        ReasonColumn,
        ServerColumn,
        ColumnCount
    };
    enum Role {
        SeqRole = Qt::UserRole + 1, // 0 for a decision still waiting to be sent
        StatusRole, // Status
    };
    enum class Status { Accepted, Refused, Waiting };
    Q_ENUM(Status)

    explicit HistoryModel(DecisionHistory *history, QObject *parent = nullptr);

    void setQuery(const HistoryQuery &query);
    HistoryQuery query() const { return m_query; }
    void reload();
    const HistoryEntry &entry(int row) const;
    int waitingCount() const { return int(m_waiting.size()); }
    int rowOfSeq(qint64 seq); // fetches until found; -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static constexpr int PageSize = 200;

private:
    DecisionHistory *m_history;
    HistoryQuery m_query;
    QVariant display(const HistoryEntry &e, int column, bool waiting) const;
    QVariant toolTip(const HistoryEntry &e, int column, bool waiting) const;

    QList<HistoryEntry> m_waiting; // from the outbox, oldest first
    QList<HistoryEntry> m_entries;
    qint64 m_total = 0;
    bool m_changing = false; // inside a reset or an insertion: no fetch may nest there
};

} // namespace Countersign
