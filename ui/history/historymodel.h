#pragma once

#include "history/historyentry.h"
#include "history/historyquery.h"

#include <QAbstractTableModel>

namespace Countersign {

class DecisionHistory;

// The local decision history as a table, newest first, fetched a page at a time as the view
// scrolls (canFetchMore/fetchMore) so a long history opens instantly.
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
    enum Role { SeqRole = Qt::UserRole + 1 };

    explicit HistoryModel(DecisionHistory *history, QObject *parent = nullptr);

    void setQuery(const HistoryQuery &query);
    HistoryQuery query() const { return m_query; }
    void reload();
    const HistoryEntry &entry(int row) const { return m_entries.at(row); }
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
    QList<HistoryEntry> m_entries;
    qint64 m_total = 0;
};

} // namespace Countersign
