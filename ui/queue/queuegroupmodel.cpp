#include "queuegroupmodel.h"

#include "queuemodel.h"

#include <algorithm>
#include <utility>

namespace Countersign {

QueueGroupModel::QueueGroupModel(QueueModel *queue, QObject *parent)
    : QAbstractItemModel(parent)
    , m_queue(queue)
{
    m_grouped = m_queue->grouping() != QueueModel::Grouping::None;
    rebuildGroups();
    connect(m_queue, &QAbstractItemModel::rowsAboutToBeInserted, this, &QueueGroupModel::onRowsAboutToBeInserted);
    connect(m_queue, &QAbstractItemModel::rowsInserted, this, &QueueGroupModel::onRowsInserted);
    connect(m_queue, &QAbstractItemModel::rowsAboutToBeRemoved, this, &QueueGroupModel::onRowsAboutToBeRemoved);
    connect(m_queue, &QAbstractItemModel::rowsRemoved, this, &QueueGroupModel::onRowsRemoved);
    connect(m_queue, &QAbstractItemModel::rowsAboutToBeMoved, this, &QueueGroupModel::onRowsAboutToBeMoved);
    connect(m_queue, &QAbstractItemModel::rowsMoved, this, &QueueGroupModel::onRowsMoved);
    connect(m_queue, &QAbstractItemModel::layoutAboutToBeChanged, this, &QueueGroupModel::startLayout);
    connect(m_queue, &QAbstractItemModel::layoutChanged, this, &QueueGroupModel::finishLayout);
    connect(m_queue, &QAbstractItemModel::modelAboutToBeReset, this, &QueueGroupModel::beginResetModel);
    connect(m_queue, &QAbstractItemModel::modelReset, this, [this] {
        m_grouped = m_queue->grouping() != QueueModel::Grouping::None;
        rebuildGroups();
        endResetModel();
    });
    connect(m_queue, &QAbstractItemModel::dataChanged, this, &QueueGroupModel::onDataChanged);
    connect(m_queue, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
}

// --- structure -------------------------------------------------------------------------------

QModelIndex QueueGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= QueueModel::ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row >= (m_grouped ? int(m_groups.size()) : m_queue->rowCount()))
            return {};
        return createIndex(row, column, quintptr(0));
    }
    if (!m_grouped || parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_groups.size())
        return {};
    const Group &g = m_groups.at(parent.row());
    return row < g.count ? createIndex(row, column, g.key) : QModelIndex();
}

QModelIndex QueueGroupModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int g = groupRowOfKey(child.internalId());
    return g < 0 ? QModelIndex() : createIndex(g, 0, quintptr(0));
}

int QueueGroupModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_grouped ? int(m_groups.size()) : m_queue->rowCount();
    if (!m_grouped || parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_groups.size())
        return 0;
    return m_groups.at(parent.row()).count;
}

int QueueGroupModel::columnCount(const QModelIndex &) const
{
    return QueueModel::ColumnCount;
}

bool QueueGroupModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

bool QueueGroupModel::isGroup(const QModelIndex &index) const
{
    return m_grouped && index.isValid() && index.model() == this && index.internalId() == 0;
}

int QueueGroupModel::sourceRow(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    if (index.internalId() == 0)
        return m_grouped ? -1 : index.row();
    const int g = groupRowOfKey(index.internalId());
    return g < 0 ? -1 : m_groups.at(g).start + index.row();
}

QModelIndex QueueGroupModel::indexOfSourceRow(int row, int column) const
{
    if (row < 0 || row >= m_queue->rowCount())
        return {};
    if (!m_grouped)
        return createIndex(row, column, quintptr(0));
    const int g = groupOfSourceRow(row);
    if (g < 0)
        return {};
    return createIndex(row - m_groups.at(g).start, column, m_groups.at(g).key);
}

QModelIndex QueueGroupModel::indexOfId(const QString &id, int column) const
{
    return indexOfSourceRow(m_queue->rowOf(id), column);
}

QModelIndex QueueGroupModel::groupIndex(int group, int column) const
{
    return m_grouped && group >= 0 && group < m_groups.size() ? createIndex(group, column, quintptr(0)) : QModelIndex();
}

int QueueGroupModel::groupOfSourceRow(int row) const
{
    if (!m_grouped)
        return -1;
    const auto it = std::upper_bound(m_groups.cbegin(), m_groups.cend(), row, [](int r, const Group &g) {
        return r < g.start;
    });
    if (it == m_groups.cbegin())
        return -1;
    const int g = int(it - m_groups.cbegin()) - 1;
    return row < m_groups.at(g).start + m_groups.at(g).count ? g : -1;
}

QStringList QueueGroupModel::idsInGroup(int group) const
{
    QStringList ids;
    if (group < 0 || group >= m_groups.size())
        return ids;
    const Group &g = m_groups.at(group);
    ids.reserve(g.count);
    for (int r = g.start; r < g.start + g.count; ++r)
        ids << m_queue->action(r).id;
    return ids;
}

void QueueGroupModel::sort(int column, Qt::SortOrder order)
{
    m_queue->sort(column, order);
}

// --- groups ----------------------------------------------------------------------------------

QString QueueGroupModel::groupKey(int sourceRow) const
{
    return m_queue->groupOf(m_queue->action(sourceRow));
}

int QueueGroupModel::groupInsertPosition(const QString &name) const
{
    // The same order as QueueModel's: QString::compare, case-sensitive.
    const auto it = std::lower_bound(m_groups.cbegin(), m_groups.cend(), name, [](const Group &g, const QString &n) {
        return g.name.compare(n) < 0;
    });
    return int(it - m_groups.cbegin());
}

int QueueGroupModel::findGroup(const QString &name) const
{
    const int at = groupInsertPosition(name);
    return at < m_groups.size() && m_groups.at(at).name == name ? at : -1;
}

int QueueGroupModel::groupRowOfKey(quintptr key) const
{
    return m_rowOfKey.value(key, -1);
}

void QueueGroupModel::shiftStarts(int fromGroup, int delta)
{
    for (int g = fromGroup; g < m_groups.size(); ++g)
        m_groups[g].start += delta;
}

void QueueGroupModel::reindexKeys()
{
    m_rowOfKey.clear();
    for (int g = 0; g < m_groups.size(); ++g)
        m_rowOfKey.insert(m_groups.at(g).key, g);
}

void QueueGroupModel::rebuildGroups()
{
    m_groups.clear();
    if (m_grouped) {
        // Rows are sorted by group first: find each group's end by binary search, so this costs
        // O(groups · log rows) rather than a pass over 100k rows.
        const int rows = m_queue->rowCount();
        int start = 0;
        while (start < rows) {
            const QString name = groupKey(start);
            int lo = start + 1;
            int hi = rows;
            while (lo < hi) {
                const int mid = lo + (hi - lo) / 2;
                if (groupKey(mid) == name)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            m_groups.append({name, start, lo - start, m_nextKey++});
            start = lo;
        }
    }
    reindexKeys();
}

void QueueGroupModel::emitGroupChanged(int group)
{
    if (group >= 0 && group < m_groups.size())
        Q_EMIT dataChanged(groupIndex(group, 0), groupIndex(group, QueueModel::ColumnCount - 1));
}

// --- QueueModel's signals --------------------------------------------------------------------

void QueueGroupModel::onRowsAboutToBeInserted(const QModelIndex &, int first, int last)
{
    if (!m_grouped) {
        m_pending = Pending::Forward;
        beginInsertRows({}, first, last);
        return;
    }
    const Action *inserting = m_queue->insertingAction();
    if (first != last || !inserting) {
        m_pending = Pending::Layout;
        startLayout();
        return;
    }
    const QString name = m_queue->groupOf(*inserting);
    m_pendingFirst = first;
    const int g = findGroup(name);
    if (g >= 0 && first >= m_groups.at(g).start && first <= m_groups.at(g).start + m_groups.at(g).count) {
        m_pending = Pending::InsertChild;
        m_pendingGroup = g;
        beginInsertRows(groupIndex(g), first - m_groups.at(g).start, first - m_groups.at(g).start);
        return;
    }
    if (g >= 0) { // not where its group is: cannot happen while QueueModel sorts by group first
        m_pending = Pending::Layout;
        startLayout();
        return;
    }
    m_pending = Pending::InsertGroup;
    m_pendingGroup = groupInsertPosition(name);
    m_pendingName = name;
    beginInsertRows({}, m_pendingGroup, m_pendingGroup);
}

void QueueGroupModel::onRowsInserted()
{
    const Pending pending = std::exchange(m_pending, Pending::None);
    switch (pending) {
    case Pending::Forward:
        endInsertRows();
        break;
    case Pending::InsertChild:
        ++m_groups[m_pendingGroup].count;
        shiftStarts(m_pendingGroup + 1, 1);
        endInsertRows();
        emitGroupChanged(m_pendingGroup);
        break;
    case Pending::InsertGroup:
        m_groups.insert(m_pendingGroup, {m_pendingName, m_pendingFirst, 1, m_nextKey++});
        shiftStarts(m_pendingGroup + 1, 1);
        reindexKeys();
        endInsertRows();
        break;
    case Pending::Layout:
        finishLayout();
        break;
    default:
        break;
    }
}

void QueueGroupModel::onRowsAboutToBeRemoved(const QModelIndex &, int first, int last)
{
    if (!m_grouped) {
        m_pending = Pending::Forward;
        beginRemoveRows({}, first, last);
        return;
    }
    const int g = groupOfSourceRow(first);
    if (first != last || g < 0) {
        m_pending = Pending::Layout;
        startLayout();
        return;
    }
    m_pendingGroup = g;
    if (m_groups.at(g).count == 1) {
        m_pending = Pending::RemoveGroup;
        beginRemoveRows({}, g, g);
    } else {
        m_pending = Pending::RemoveChild;
        beginRemoveRows(groupIndex(g), first - m_groups.at(g).start, first - m_groups.at(g).start);
    }
}

void QueueGroupModel::onRowsRemoved()
{
    const Pending pending = std::exchange(m_pending, Pending::None);
    switch (pending) {
    case Pending::Forward:
        endRemoveRows();
        break;
    case Pending::RemoveChild:
        --m_groups[m_pendingGroup].count;
        shiftStarts(m_pendingGroup + 1, -1);
        endRemoveRows();
        emitGroupChanged(m_pendingGroup);
        break;
    case Pending::RemoveGroup:
        m_groups.removeAt(m_pendingGroup);
        shiftStarts(m_pendingGroup, -1);
        reindexKeys();
        endRemoveRows();
        break;
    case Pending::Layout:
        finishLayout();
        break;
    default:
        break;
    }
}

void QueueGroupModel::onRowsAboutToBeMoved(
    const QModelIndex &, int first, int last, const QModelIndex &, int destination)
{
    if (!m_grouped) {
        m_pending = beginMoveRows({}, first, last, {}, destination) ? Pending::Forward : Pending::None;
        return;
    }
    const int from = groupOfSourceRow(first);
    // QueueModel has already stored the new data: the row's group key may have changed.
    const int to = first == last && from >= 0 ? findGroup(groupKey(first)) : -1;
    const auto fits = [this, destination](int g) {
        return destination >= m_groups.at(g).start && destination <= m_groups.at(g).start + m_groups.at(g).count;
    };
    if (to < 0 || !fits(to) || (to != from && m_groups.at(from).count == 1)) {
        m_pending = Pending::Layout; // a group appears or disappears: rare
        startLayout();
        return;
    }
    m_pendingGroup = from;
    m_pendingTarget = to;
    const bool moved = beginMoveRows(groupIndex(from), first - m_groups.at(from).start, first - m_groups.at(from).start,
        groupIndex(to), destination - m_groups.at(to).start);
    m_pending = !moved ? Pending::None : (to == from ? Pending::MoveChild : Pending::MoveAcross);
}

void QueueGroupModel::onRowsMoved()
{
    const Pending pending = std::exchange(m_pending, Pending::None);
    switch (pending) {
    case Pending::Forward:
    case Pending::MoveChild:
        endMoveRows();
        break;
    case Pending::MoveAcross: {
        const int from = m_pendingGroup;
        const int to = m_pendingTarget;
        --m_groups[from].count;
        ++m_groups[to].count;
        if (to > from) {
            for (int g = from + 1; g <= to; ++g)
                --m_groups[g].start;
        } else {
            for (int g = to + 1; g <= from; ++g)
                ++m_groups[g].start;
        }
        endMoveRows();
        emitGroupChanged(from);
        emitGroupChanged(to);
        break;
    }
    case Pending::Layout:
        finishLayout();
        break;
    default:
        break;
    }
}

void QueueGroupModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    if (!m_grouped) {
        Q_EMIT dataChanged(
            index(topLeft.row(), topLeft.column()), index(bottomRight.row(), bottomRight.column()), roles);
        return;
    }
    const int first = topLeft.row();
    const int last = bottomRight.row();
    for (int g = std::max(0, groupOfSourceRow(first)); g < m_groups.size() && m_groups.at(g).start <= last; ++g) {
        const Group &group = m_groups.at(g);
        const int from = std::max(first, group.start) - group.start;
        const int to = std::min(last, group.start + group.count - 1) - group.start;
        if (from <= to)
            Q_EMIT dataChanged(createIndex(from, topLeft.column(), group.key),
                createIndex(to, bottomRight.column(), group.key), roles);
    }
    // One action changed its category (or type) without moving: it now heads a group of its
    // own, or joins the neighbouring one.
    if (first == last) {
        const int g = groupOfSourceRow(first);
        if (g >= 0 && m_groups.at(g).name != groupKey(first)) {
            startLayout();
            finishLayout();
        }
    }
}

// --- layout changes --------------------------------------------------------------------------

void QueueGroupModel::startLayout()
{
    Q_EMIT layoutAboutToBeChanged();
    m_layoutBefore = persistentIndexList();
    m_layoutSource.clear();
    m_layoutGroupNames.clear();
    m_layoutSource.reserve(m_layoutBefore.size());
    m_layoutGroupNames.reserve(m_layoutBefore.size());
    for (const QModelIndex &i : std::as_const(m_layoutBefore)) {
        if (isGroup(i)) {
            m_layoutGroupNames << std::optional<QString>(m_groups.at(i.row()).name);
            m_layoutSource << QPersistentModelIndex();
        } else {
            m_layoutGroupNames << std::nullopt;
            m_layoutSource << QPersistentModelIndex(m_queue->index(sourceRow(i), i.column()));
        }
    }
}

void QueueGroupModel::finishLayout()
{
    m_grouped = m_queue->grouping() != QueueModel::Grouping::None;
    rebuildGroups();
    QModelIndexList after;
    after.reserve(m_layoutBefore.size());
    for (qsizetype i = 0; i < m_layoutBefore.size(); ++i) {
        const QPersistentModelIndex &source = m_layoutSource.at(i);
        if (source.isValid()) {
            after << indexOfSourceRow(source.row(), source.column());
        } else if (m_layoutGroupNames.at(i) && m_grouped) {
            after << groupIndex(findGroup(*m_layoutGroupNames.at(i)), m_layoutBefore.at(i).column());
        } else {
            after << QModelIndex();
        }
    }
    changePersistentIndexList(m_layoutBefore, after);
    m_layoutBefore.clear();
    m_layoutSource.clear();
    m_layoutGroupNames.clear();
    Q_EMIT layoutChanged();
}

} // namespace Countersign
