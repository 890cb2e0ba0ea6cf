#pragma once

#include "client/actioncache.h"
#include "domain/action.h"
#include "queuefilter.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace Countersign {

// The pending queue as the reviewer sees it, filtered and sorted, updated live from server
// events. It sorts and filters itself instead of sitting behind a QSortFilterProxyModel: with
// 100k rows a proxy spends tens of milliseconds per live insert or removal, while here an
// update is a binary search and one row signal. Sorting and filtering emit layoutChanged with
// persistent indexes remapped, so the view keeps its selection and scroll position.
class QueueModel : public QAbstractTableModel, public ActionCache
{
    Q_OBJECT

public:
    enum Column {
        AgeColumn,
        CategoryColumn,
        TypeColumn,
        TitleColumn,
        AgentColumn,
        ConfidenceColumn,
        ClaimedByColumn,
        EscalatedColumn,
        ColumnCount
    };
    enum Role {
        ActionIdRole = Qt::UserRole + 1,
        SlaFractionRole, // time in queue / SLA: 0 fresh, 1 due, >1 breached
        GroupRole, // the category or type, by grouping mode
    };
    enum class Grouping { None, Category, Type };

    explicit QueueModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Replaces everything (initial load, reconnect with a gap).
    void resetActions(QList<Action> actions) override;
    // Applies one change: pending actions are inserted or updated, others leave the queue.
    void upsert(const Action &action) override;
    void remove(const QString &id);

    void setFilter(const QueueFilter &filter);
    QueueFilter filter() const { return m_filter; }
    // With grouping on, rows of one category (or type) stay together, sorted within the group.
    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }

    const Action &action(int row) const; // a visible row
    int rowOf(const QString &id) const; // visible row, or -1
    const Action *findAction(const QString &id) const override; // any pending action, visible or not
    int totalCount() const { return int(m_slotOf.size()); }
    QStringList visibleIds() const;
    QStringList categories() const;
    QStringList types() const;

    // "Now" for ages and SLA colours; the window ticks it so ages stay current.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }

    static double slaFraction(const Action &action, const QDateTime &now);
    static QString formatAge(qint64 seconds);

private:
    struct Slot {
        Action action;
        qint64 createdMs = 0;
        QString haystack; // lower-cased searchable text
        bool live = false;
    };

    int newSlot(const Action &action);
    void fillSlot(Slot &slot, const Action &action) const;
    bool accepts(const Slot &slot) const;
    bool less(int a, int b) const; // strict total order of slots in display order
    int positionOf(int slot) const; // visible position of a slot, or -1
    int insertPosition(int slot) const;
    void rebuildVisible(); // filter + sort everything, remapping persistent indexes

    QList<Slot> m_slots;
    QList<int> m_freeSlots;
    QHash<QString, int> m_slotOf;
    // Versions of actions that left the queue: a late, older event must not bring one back.
    QHash<QString, qint64> m_gone;
    QList<int> m_visible; // slot indices in display order
    QueueFilter m_filter;
    QString m_needle; // m_filter.text lower-cased
    Grouping m_grouping = Grouping::None;
    int m_sortColumn = AgeColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QDateTime m_now;
};

} // namespace Countersign
