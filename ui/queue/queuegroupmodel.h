#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QPersistentModelIndex>

#include <optional>

namespace Countersign {

class QueueModel;
struct Action;

// The queue as the view shows it. Without grouping it passes QueueModel's rows straight
// through; with "group by category/type" it adds one header row per group ("finance (12)")
// with that group's actions as children. QueueModel already sorts by group first, so a group
// is a contiguous range of its rows and the mapping is a binary search over a few group
// starts: a live insert or removal stays one row signal (plus one for the header's count).
class QueueGroupModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    explicit QueueGroupModel(QueueModel *queue, QObject *parent = nullptr);

    QueueModel *queue() const { return m_queue; }
    bool isGrouped() const { return m_grouped; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    bool isGroup(const QModelIndex &index) const;
    // QueueModel row of an action row; -1 for a group header or an invalid index.
    int sourceRow(const QModelIndex &index) const;
    QModelIndex indexOfSourceRow(int row, int column = 0) const;
    QModelIndex indexOfId(const QString &id, int column = 0) const;

    int groupCount() const { return int(m_groups.size()); }
    QModelIndex groupIndex(int group, int column = 0) const;
    // Which group a QueueModel row belongs to, or -1 without grouping.
    int groupOfSourceRow(int row) const;
    // The QueueModel rows [first, first + size) of a group.
    int groupFirstRow(int group) const { return m_groups.at(group).start; }
    int groupSize(int group) const { return m_groups.at(group).count; }
    QString groupName(int group) const { return m_groups.at(group).name; }
    QStringList idsInGroup(int group) const;

private:
    struct Group {
        QString name;
        int start = 0;
        int count = 0;
        quintptr key = 0; // children's internal id: stable while the group exists
    };
    enum class Pending {
        None,
        Forward,
        InsertChild,
        InsertGroup,
        RemoveChild,
        RemoveGroup,
        MoveChild,
        MoveAcross,
        Layout
    };

    int findGroup(const QString &name) const; // exact match or -1
    int groupInsertPosition(const QString &name) const;
    int groupRowOfKey(quintptr key) const;
    void shiftStarts(int fromGroup, int delta);
    void rebuildGroups();
    void reindexKeys();
    QString groupKey(int sourceRow) const;
    void emitGroupChanged(int group);

    void startLayout();
    void finishLayout();

    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onRowsInserted();
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved();
    void onRowsAboutToBeMoved(const QModelIndex &parent, int first, int last, const QModelIndex &, int destination);
    void onRowsMoved();
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);

    QueueModel *m_queue;
    bool m_grouped = false;
    QList<Group> m_groups;
    QHash<quintptr, int> m_rowOfKey;
    quintptr m_nextKey = 1;

    // Between QueueModel's "about to" signal and its "done" signal.
    Pending m_pending = Pending::None;
    int m_pendingGroup = -1;
    int m_pendingTarget = -1;
    int m_pendingFirst = -1;
    QString m_pendingName;
    // Persistent indexes across a layout change: what each one pointed at.
    QModelIndexList m_layoutBefore;
    QList<QPersistentModelIndex> m_layoutSource;
    QList<std::optional<QString>> m_layoutGroupNames; // set for group header rows
};

} // namespace Countersign
