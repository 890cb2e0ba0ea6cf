#pragma once

#include "client/actioncache.h"
#include "domain/action.h"
#include "queuefilter.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPalette>
#include <QSet>

#include <set>

namespace Countersign {

// The pending queue as the reviewer sees it, filtered and sorted, updated live from server
// events. It sorts and filters itself instead of sitting behind a QSortFilterProxyModel: with
// 100k rows a proxy spends tens of milliseconds per live insert or removal, while here an
// update is a binary search and one row signal. Sorting and filtering emit layoutChanged with
// persistent indexes remapped, so the view keeps its selection and scroll position.
// Group header rows are QueueGroupModel's job; here grouping only puts a group's rows together.
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
        DueColumn, // the SLA due time, relative: "in 12 min", "3 min overdue"
        ColumnCount
    };
    enum Role {
        ActionIdRole = Qt::UserRole + 1,
        SlaFractionRole, // time in queue / SLA: 0 fresh, 1 due, >1 breached
        GroupRole, // the category or type, by grouping mode
        IsNewRole, // arrived live and not yet seen by the reviewer
        IsGroupHeaderRole, // QueueGroupModel's header rows
        GroupCountRole, // QueueGroupModel's header rows: items in the group
        SnoozedByRole, // who set it aside, while that snooze lasts; empty otherwise
        SnoozedUntilRole, // until when (QDateTime), while it lasts
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
    // The category or type `action` is grouped under in the current grouping mode.
    QString groupOf(const Action &action) const;
    // When the oldest pending action was created (all of them, whatever the filter and sort),
    // or invalid when the queue is empty. O(1): kept up to date on every insert and removal.
    QDateTime oldestCreatedAt() const;

    // Actions that arrived live (upsert of an unknown id) are "new" until markSeen(): the view
    // shows them bold so the reviewer notices rows that appeared, even off screen.
    int newCount() const { return m_newVisible; } // new and visible
    int firstNewRow() const; // in display order, or -1
    void markSeen(const QString &id);
    void markAllSeen();

    // "Now" for ages, SLA colours and snoozes; the window ticks it so ages stay current and a
    // snoozed item comes back when its time has come (nothing else tells: the server stores no
    // event for a snooze that ends by itself).
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }
    // The palette the SLA tints blend into; the panel passes its own and follows theme changes.
    void setPalette(const QPalette &palette);
    // How many departed actions are remembered against late events (bounded; for tests).
    int rememberedGone() const;

    static double slaFraction(const Action &action, const QDateTime &now);
    static QString formatAge(qint64 seconds);
    // "in 12 min" for a positive number of seconds left, "3 min overdue" for a negative one.
    static QString formatDue(qint64 secondsLeft);

Q_SIGNALS:
    void newCountChanged(int count);

private:
    friend class QueueGroupModel;

    struct Slot {
        Action action;
        qint64 createdMs = 0;
        qint64 dueMs = 0; // max when there is no SLA, so those sort last
        QString haystack; // lower-cased searchable text
        bool live = false;
        bool isNew = false;
    };

    int newSlot(const Action &action);
    void fillSlot(Slot &slot, const Action &action) const;
    bool accepts(const Slot &slot) const;
    bool less(int a, int b) const; // strict total order of slots in display order
    int positionOf(int slot) const; // visible position of a slot, or -1
    int insertPosition(int slot) const;
    void rebuildVisible(); // filter + sort everything, remapping persistent indexes
    void insertVisible(int slot); // one row signal at its sorted place
    void track(const Slot &slot); // for oldestCreatedAt()
    void untrack(const Slot &slot);
    void setNewVisible(int count);
    void noteSnooze(const Action &action); // keeps m_nextSnoozeEnd
    // For QueueGroupModel: the action being inserted between beginInsertRows and endInsertRows.
    const Action *insertingAction() const;

    QList<Slot> m_slots;
    QList<int> m_freeSlots;
    QHash<QString, int> m_slotOf;
    // Versions of actions that left the queue: a late, older event must not bring one back.
    // Late events arrive within seconds, so the latest MaxRemembered departures are enough,
    // and a reviewer's day of decisions does not accumulate.
    void rememberGone(const QString &id, qint64 version);
    static constexpr int MaxRememberedGone = 4096;
    QHash<QString, qint64> m_gone;
    QList<QString> m_goneOrder; // oldest first
    QList<int> m_visible; // slot indices in display order
    QueueFilter m_filter;
    QString m_needle; // m_filter.text lower-cased
    Grouping m_grouping = Grouping::None;
    int m_sortColumn = AgeColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QDateTime m_now;
    QDateTime m_nextSnoozeEnd; // the earliest live snooze's end (or earlier): re-filter then
    QPalette m_palette;
    std::multiset<qint64> m_created; // createdAt of every pending action with one
    QSet<int> m_newSlots;
    int m_newVisible = 0;
    int m_insertingSlot = -1;
};

} // namespace Countersign
