#include "queuemodel.h"

#include <algorithm>
#include <limits>

#include <QTimeZone>

namespace Countersign {

QueueModel::QueueModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{ }

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void QueueModel::fillSlot(Slot &slot, const Action &action) const
{
    slot.action = action;
    slot.createdMs = action.createdAt.toMSecsSinceEpoch();
    slot.dueMs = action.slaDueAt.isValid() ? action.slaDueAt.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    slot.haystack = (action.title + u'\n' + action.type + u'\n' + action.agent + u'\n' + action.category).toLower();
    slot.live = true;
}

int QueueModel::newSlot(const Action &action)
{
    int s;
    if (!m_freeSlots.isEmpty()) {
        s = m_freeSlots.takeLast();
    } else {
        s = int(m_slots.size());
        m_slots.emplaceBack();
    }
    fillSlot(m_slots[s], action);
    m_slotOf.insert(action.id, s);
    track(m_slots.at(s));
    noteSnooze(action);
    return s;
}

void QueueModel::noteSnooze(const Action &action)
{
    if (action.isSnoozedAt(m_now) && (!m_nextSnoozeEnd.isValid() || action.snoozedUntil < m_nextSnoozeEnd))
        m_nextSnoozeEnd = action.snoozedUntil;
}

void QueueModel::track(const Slot &slot)
{
    if (slot.action.createdAt.isValid())
        m_created.insert(slot.createdMs);
}

void QueueModel::untrack(const Slot &slot)
{
    if (!slot.action.createdAt.isValid())
        return;
    if (const auto it = m_created.find(slot.createdMs); it != m_created.end())
        m_created.erase(it);
}

QDateTime QueueModel::oldestCreatedAt() const
{
    return m_created.empty() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(*m_created.cbegin(), QTimeZone::UTC);
}

QString QueueModel::groupOf(const Action &action) const
{
    return m_grouping == Grouping::Type ? action.type : action.category;
}

bool QueueModel::accepts(const Slot &slot) const
{
    const Action &a = slot.action;
    if (!m_filter.category.isEmpty() && a.category != m_filter.category)
        return false;
    if (!m_filter.type.isEmpty() && a.type != m_filter.type)
        return false;
    if (m_filter.escalatedOnly && !a.escalated)
        return false;
    if (m_filter.mineOnly && a.claimedBy != m_filter.me && a.assignedTo != m_filter.me)
        return false;
    // My snoozed items leave the queue until their time; the Snoozed filter shows only them.
    if (a.isSnoozedFor(m_filter.me, m_now) != m_filter.snoozedOnly)
        return false;
    if (!m_needle.isEmpty())
        return slot.haystack.contains(m_needle) || a.id.startsWith(m_filter.text);
    return true;
}

namespace {

template<typename T>
int threeWay(const T &l, const T &r)
{
    return l < r ? -1 : (r < l ? 1 : 0);
}

} // namespace

bool QueueModel::less(int ia, int ib) const
{
    const Slot &l = m_slots.at(ia);
    const Slot &r = m_slots.at(ib);
    const Action &a = l.action;
    const Action &b = r.action;
    if (m_grouping != Grouping::None) {
        const int g = m_grouping == Grouping::Type ? a.type.compare(b.type) : a.category.compare(b.category);
        if (g != 0)
            return g < 0; // groups stay in name order whatever the column's direction
    }
    int c = 0;
    switch (m_sortColumn) {
    case AgeColumn:
        c = threeWay(l.createdMs, r.createdMs);
        break;
    case CategoryColumn:
        c = a.category.compare(b.category);
        break;
    case TypeColumn:
        c = a.type.compare(b.type);
        break;
    case TitleColumn:
        c = a.title.compare(b.title, Qt::CaseInsensitive);
        break;
    case AgentColumn:
        c = a.agent.compare(b.agent);
        break;
    case ConfidenceColumn:
        c = threeWay(a.confidence, b.confidence);
        break;
    case ClaimedByColumn:
        c = a.claimedBy.compare(b.claimedBy);
        break;
    case EscalatedColumn:
        c = threeWay(int(a.escalated), int(b.escalated));
        break;
    case DueColumn:
        c = threeWay(l.dueMs, r.dueMs);
        break;
    }
    if (c != 0)
        return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
    // Ties fall back to arrival order so the order is total and binary searches are exact.
    if (l.createdMs != r.createdMs)
        return l.createdMs < r.createdMs;
    return a.id < b.id;
}

int QueueModel::insertPosition(int slot) const
{
    const auto it = std::lower_bound(m_visible.cbegin(), m_visible.cend(), slot, [this](int x, int s) {
        return less(x, s);
    });
    return int(it - m_visible.cbegin());
}

int QueueModel::positionOf(int slot) const
{
    const int pos = insertPosition(slot);
    return pos < m_visible.size() && m_visible.at(pos) == slot ? pos : -1;
}

void QueueModel::rebuildVisible()
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> beforeSlots;
    beforeSlots.reserve(before.size());
    for (const QModelIndex &i : before)
        beforeSlots << m_visible.value(i.row(), -1);

    m_visible.clear();
    m_visible.reserve(m_slotOf.size());
    for (int s = 0; s < m_slots.size(); ++s) {
        const Slot &slot = m_slots.at(s);
        if (slot.live && accepts(slot))
            m_visible.append(s);
    }
    std::sort(m_visible.begin(), m_visible.end(), [this](int a, int b) {
        return less(a, b);
    });

    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = beforeSlots.at(i) < 0 ? -1 : positionOf(beforeSlots.at(i));
        after << (row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    int newVisible = 0;
    for (const int s : std::as_const(m_newSlots))
        newVisible += accepts(m_slots.at(s)) ? 1 : 0;
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    setNewVisible(newVisible);
}

void QueueModel::setNewVisible(int count)
{
    if (m_newVisible == count)
        return;
    m_newVisible = count;
    Q_EMIT newCountChanged(count);
}

void QueueModel::insertVisible(int slot)
{
    const int pos = insertPosition(slot);
    m_insertingSlot = slot;
    beginInsertRows({}, pos, pos);
    m_insertingSlot = -1;
    m_visible.insert(pos, slot);
    endInsertRows();
}

const Action *QueueModel::insertingAction() const
{
    return m_insertingSlot < 0 ? nullptr : &m_slots.at(m_insertingSlot).action;
}

void QueueModel::resetActions(QList<Action> actions)
{
    // A reload (a reconnect) keeps the marks of items the reviewer has not seen yet.
    QSet<QString> stillNew;
    for (const int s : std::as_const(m_newSlots))
        stillNew.insert(m_slots.at(s).action.id);
    beginResetModel();
    m_nextSnoozeEnd = QDateTime();
    m_created.clear();
    m_newSlots.clear();
    m_slots.clear();
    m_freeSlots.clear();
    m_slotOf.clear();
    m_gone.clear();
    m_goneOrder.clear();
    m_visible.clear();
    m_slots.reserve(actions.size());
    m_slotOf.reserve(actions.size());
    for (const auto &a : std::as_const(actions)) {
        if (a.state == ActionState::Pending && !m_slotOf.contains(a.id)) {
            const int s = newSlot(a);
            if (stillNew.contains(a.id)) {
                m_slots[s].isNew = true;
                m_newSlots.insert(s);
            }
        }
    }
    int newVisible = 0;
    for (int s = 0; s < m_slots.size(); ++s) {
        if (accepts(m_slots.at(s))) {
            m_visible.append(s);
            newVisible += m_slots.at(s).isNew ? 1 : 0;
        }
    }
    std::sort(m_visible.begin(), m_visible.end(), [this](int a, int b) {
        return less(a, b);
    });
    endResetModel();
    setNewVisible(newVisible);
}

void QueueModel::rememberGone(const QString &id, qint64 version)
{
    if (!m_gone.contains(id))
        m_goneOrder.append(id);
    m_gone.insert(id, version);
    if (m_goneOrder.size() > MaxRememberedGone) {
        const qsizetype drop = m_goneOrder.size() - MaxRememberedGone / 2; // amortised: trim in halves
        for (qsizetype i = 0; i < drop; ++i)
            m_gone.remove(m_goneOrder.at(i));
        m_goneOrder.remove(0, drop);
    }
}

int QueueModel::rememberedGone() const
{
    return int(m_gone.size());
}

void QueueModel::upsert(const Action &action)
{
    if (const auto gone = m_gone.constFind(action.id); gone != m_gone.cend() && *gone >= action.version)
        return;
    if (action.state != ActionState::Pending) {
        rememberGone(action.id, action.version);
        remove(action.id);
        return;
    }
    const auto found = m_slotOf.constFind(action.id);
    if (found == m_slotOf.cend()) {
        const int s = newSlot(action);
        m_slots[s].isNew = true;
        m_newSlots.insert(s);
        if (!accepts(m_slots.at(s)))
            return;
        insertVisible(s);
        setNewVisible(m_newVisible + 1);
        return;
    }
    const int s = *found;
    if (m_slots.at(s).action.version > action.version)
        return; // an older event arriving late
    const int oldPos = positionOf(s);
    Slot updated;
    fillSlot(updated, action);
    noteSnooze(action);
    updated.isNew = m_slots.at(s).isNew;
    untrack(m_slots.at(s));
    track(updated);
    const bool visible = accepts(updated);
    const int newDelta = updated.isNew ? (visible ? 1 : 0) - (oldPos >= 0 ? 1 : 0) : 0;
    if (oldPos >= 0 && !visible) {
        beginRemoveRows({}, oldPos, oldPos);
        m_visible.removeAt(oldPos);
        m_slots[s] = std::move(updated);
        endRemoveRows();
        setNewVisible(m_newVisible + newDelta);
        return;
    }
    m_slots[s] = std::move(updated);
    if (!visible)
        return;
    if (oldPos < 0) {
        insertVisible(s);
        setNewVisible(m_newVisible + newDelta);
        return;
    }
    // Still visible: it may have to move if its sort key changed.
    m_visible.removeAt(oldPos);
    const int newPos = insertPosition(s);
    m_visible.insert(oldPos, s);
    if (newPos == oldPos) {
        Q_EMIT dataChanged(index(oldPos, 0), index(oldPos, ColumnCount - 1));
        return;
    }
    beginMoveRows({}, oldPos, oldPos, {}, newPos > oldPos ? newPos + 1 : newPos);
    m_visible.removeAt(oldPos);
    m_visible.insert(newPos, s);
    endMoveRows();
    Q_EMIT dataChanged(index(newPos, 0), index(newPos, ColumnCount - 1));
}

void QueueModel::remove(const QString &id)
{
    const auto found = m_slotOf.constFind(id);
    if (found == m_slotOf.cend())
        return;
    const int s = *found;
    const int pos = positionOf(s);
    const bool wasNew = m_slots.at(s).isNew;
    if (pos >= 0) {
        beginRemoveRows({}, pos, pos);
        m_visible.removeAt(pos);
    }
    m_slotOf.erase(found);
    untrack(m_slots.at(s));
    m_newSlots.remove(s);
    m_slots[s] = Slot{};
    m_freeSlots.append(s);
    if (pos >= 0)
        endRemoveRows();
    if (wasNew && pos >= 0)
        setNewVisible(m_newVisible - 1);
}

int QueueModel::firstNewRow() const
{
    int first = -1;
    for (const int s : std::as_const(m_newSlots)) {
        const int pos = positionOf(s);
        if (pos >= 0 && (first < 0 || pos < first))
            first = pos;
    }
    return first;
}

void QueueModel::markSeen(const QString &id)
{
    const auto found = m_slotOf.constFind(id);
    if (found == m_slotOf.cend() || !m_slots.at(*found).isNew)
        return;
    m_slots[*found].isNew = false;
    m_newSlots.remove(*found);
    if (const int pos = positionOf(*found); pos >= 0) {
        Q_EMIT dataChanged(index(pos, 0), index(pos, ColumnCount - 1), {Qt::FontRole, IsNewRole});
        setNewVisible(m_newVisible - 1);
    }
}

void QueueModel::markAllSeen()
{
    if (m_newSlots.isEmpty())
        return;
    const QSet<int> slots = std::exchange(m_newSlots, {});
    QList<int> rows;
    for (const int s : slots) {
        m_slots[s].isNew = false;
        if (const int pos = positionOf(s); pos >= 0)
            rows << pos;
    }
    // One signal per row while there are few; past that, one for the whole range.
    if (rows.size() > 64) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::FontRole, IsNewRole});
    } else {
        for (const int row : std::as_const(rows))
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::FontRole, IsNewRole});
    }
    setNewVisible(0);
}

void QueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    rebuildVisible();
}

void QueueModel::setFilter(const QueueFilter &filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    m_needle = filter.text.toLower();
    rebuildVisible();
}

void QueueModel::setGrouping(Grouping grouping)
{
    if (m_grouping == grouping)
        return;
    m_grouping = grouping;
    rebuildVisible();
}

const Action &QueueModel::action(int row) const
{
    return m_slots.at(m_visible.at(row)).action;
}

int QueueModel::rowOf(const QString &id) const
{
    const auto found = m_slotOf.constFind(id);
    return found == m_slotOf.cend() ? -1 : positionOf(*found);
}

const Action *QueueModel::findAction(const QString &id) const
{
    const auto found = m_slotOf.constFind(id);
    return found == m_slotOf.cend() ? nullptr : &m_slots.at(*found).action;
}

QStringList QueueModel::visibleIds() const
{
    QStringList ids;
    ids.reserve(m_visible.size());
    for (const int s : m_visible)
        ids << m_slots.at(s).action.id;
    return ids;
}

QStringList QueueModel::categories() const
{
    QSet<QString> set;
    for (const int s : std::as_const(m_slotOf))
        set.insert(m_slots.at(s).action.category);
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

QStringList QueueModel::types() const
{
    QSet<QString> set;
    for (const int s : std::as_const(m_slotOf))
        set.insert(m_slots.at(s).action.type);
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

void QueueModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_visible.isEmpty())
        Q_EMIT dataChanged(
            index(0, AgeColumn), index(int(m_visible.size()) - 1, ColumnCount - 1), {Qt::BackgroundRole});
}

void QueueModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (m_nextSnoozeEnd.isValid() && now >= m_nextSnoozeEnd) {
        // A snooze has run out: its item returns (or leaves the Snoozed filter), and its marker goes.
        m_nextSnoozeEnd = QDateTime();
        for (const Slot &slot : std::as_const(m_slots)) {
            if (slot.live)
                noteSnooze(slot.action);
        }
        rebuildVisible();
    }
    if (!m_visible.isEmpty())
        Q_EMIT dataChanged(index(0, AgeColumn), index(int(m_visible.size()) - 1, ColumnCount - 1),
            {Qt::DisplayRole, Qt::BackgroundRole, SlaFractionRole});
}

} // namespace Countersign
