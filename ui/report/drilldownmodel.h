#pragma once

#include "report/drilldownitem.h"

#include <QAbstractTableModel>
#include <QFuture>

#include <functional>

namespace Countersign {

// The actions behind one report figure, a page at a time from the server: the view asks for
// more (canFetchMore/fetchMore) as it scrolls, and each page is requested asynchronously with
// the previous page's cursor. total() is the server's count of the whole list.
class DrillDownModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CreatedColumn,
        DecidedColumn,
        OutcomeColumn,
        TypeColumn,
        CategoryColumn,
        AgentColumn,
        ReviewerColumn,
        TitleColumn,
        ConfidenceColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1 };

    // Asks the server for the page after `cursor` (empty: the first page).
    using PageFetcher = std::function<QFuture<Result<DrillDownList>>(const QString &cursor)>;

    explicit DrillDownModel(PageFetcher fetch, QObject *parent = nullptr);

    // Drops what is loaded and asks for the first page.
    void reload();

    qint64 total() const { return m_total; }
    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_started && !m_loading && m_cursor.isEmpty() && !m_failed; }
    const DrillDownItem &item(int row) const { return m_items.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // "Rejected", "Auto-approved", ... for an item's outcome.
    static QString outcomeTitle(const QString &outcome);

Q_SIGNALS:
    // A page arrived (or the first one did): the count line follows.
    void pageLoaded();
    void failed(const Countersign::Error &error);

private:
    void request();
    void receive(quint64 generation, const Result<DrillDownList> &page);

    PageFetcher m_fetch;
    QList<DrillDownItem> m_items;
    qint64 m_total = 0;
    QString m_cursor; // of the next page; empty once the last page is in
    bool m_started = false;
    bool m_loading = false;
    bool m_failed = false;
    bool m_changing = false; // inside a reset or an insertion: no fetch may nest there
    quint64 m_generation = 0; // a reload ignores pages asked for before it
};

} // namespace Countersign
