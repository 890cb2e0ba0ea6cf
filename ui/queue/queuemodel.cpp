#include "queuemodel.h"

#include <QApplication>
#include <QPalette>

#include <algorithm>

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

double QueueModel::slaFraction(const Action &a, const QDateTime &now)
{
    if (!a.createdAt.isValid() || !a.slaDueAt.isValid())
        return 0;
    const qint64 total = a.createdAt.msecsTo(a.slaDueAt);
    if (total <= 0)
        return 1;
    return double(a.createdAt.msecsTo(now)) / double(total);
}

QString QueueModel::formatAge(qint64 s)
{
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg(s / 60);
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

namespace {

// Background for the age cell: none while fresh, amber as the SLA nears, red once breached.
// Blended with the palette's base so it reads on light and dark themes alike.
QColor slaColor(double fraction)
{
    if (fraction < 0.75)
        return {};
    const QColor base = QApplication::palette().color(QPalette::Base);
    const QColor tint = fraction >= 1.0 ? QColor(220, 50, 47) : QColor(230, 160, 20);
    const double mix = fraction >= 1.0 ? 0.45 : 0.3;
    return QColor::fromRgbF(float(base.redF() * (1 - mix) + tint.redF() * mix),
        float(base.greenF() * (1 - mix) + tint.greenF() * mix), float(base.blueF() * (1 - mix) + tint.blueF() * mix));
}

} // namespace

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Action &a = m_slots.at(m_visible.at(index.row())).action;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AgeColumn:
            return formatAge(std::max<qint64>(0, a.createdAt.secsTo(m_now)));
        case CategoryColumn:
            return a.category;
        case TypeColumn:
            return a.type;
        case TitleColumn:
            return a.title;
        case AgentColumn:
            return a.agent;
        case ConfidenceColumn:
            return QStringLiteral("%1%").arg(qRound(a.confidence * 100));
        case ClaimedByColumn:
            return a.isClaimedAt(m_now) ? a.claimedBy : QString();
        case EscalatedColumn:
            return a.escalated ? tr("Escalated") : QString();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == AgeColumn && a.slaDueAt.isValid())
            return tr("SLA due %1").arg(QLocale().toString(a.slaDueAt.toLocalTime(), QLocale::ShortFormat));
        if (index.column() == TitleColumn)
            return a.title;
        break;
    case Qt::BackgroundRole:
        if (index.column() == AgeColumn) {
            const QColor c = slaColor(slaFraction(a, m_now));
            if (c.isValid())
                return c;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ConfidenceColumn || index.column() == AgeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ActionIdRole:
        return a.id;
    case SlaFractionRole:
        return slaFraction(a, m_now);
    case GroupRole:
        return m_grouping == Grouping::Type ? a.type : a.category;
    }
    return {};
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AgeColumn:
        return tr("Age");
    case CategoryColumn:
        return tr("Category");
    case TypeColumn:
        return tr("Type");
    case TitleColumn:
        return tr("Title");
    case AgentColumn:
        return tr("Agent");
    case ConfidenceColumn:
        return tr("Confidence");
    case ClaimedByColumn:
        return tr("Claimed by");
    case EscalatedColumn:
        return tr("Escalated");
    }
    return {};
}

void QueueModel::fillSlot(Slot &slot, const Action &action) const
{
    slot.action = action;
    slot.createdMs = action.createdAt.toMSecsSinceEpoch();
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
    return s;
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
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void QueueModel::resetActions(QList<Action> actions)
{
    beginResetModel();
    m_slots.clear();
    m_freeSlots.clear();
    m_slotOf.clear();
    m_gone.clear();
    m_visible.clear();
    m_slots.reserve(actions.size());
    m_slotOf.reserve(actions.size());
    for (const auto &a : std::as_const(actions)) {
        if (a.state == ActionState::Pending && !m_slotOf.contains(a.id))
            newSlot(a);
    }
    for (int s = 0; s < m_slots.size(); ++s) {
        if (accepts(m_slots.at(s)))
            m_visible.append(s);
    }
    std::sort(m_visible.begin(), m_visible.end(), [this](int a, int b) {
        return less(a, b);
    });
    endResetModel();
}

void QueueModel::upsert(const Action &action)
{
    if (const auto gone = m_gone.constFind(action.id); gone != m_gone.cend() && *gone >= action.version)
        return;
    if (action.state != ActionState::Pending) {
        m_gone.insert(action.id, action.version);
        remove(action.id);
        return;
    }
    const auto found = m_slotOf.constFind(action.id);
    if (found == m_slotOf.cend()) {
        const int s = newSlot(action);
        if (!accepts(m_slots.at(s)))
            return;
        const int pos = insertPosition(s);
        beginInsertRows({}, pos, pos);
        m_visible.insert(pos, s);
        endInsertRows();
        return;
    }
    const int s = *found;
    if (m_slots.at(s).action.version > action.version)
        return; // an older event arriving late
    const int oldPos = positionOf(s);
    Slot updated;
    fillSlot(updated, action);
    const bool visible = accepts(updated);
    if (oldPos >= 0 && !visible) {
        beginRemoveRows({}, oldPos, oldPos);
        m_visible.removeAt(oldPos);
        m_slots[s] = std::move(updated);
        endRemoveRows();
        return;
    }
    m_slots[s] = std::move(updated);
    if (!visible)
        return;
    if (oldPos < 0) {
        const int pos = insertPosition(s);
        beginInsertRows({}, pos, pos);
        m_visible.insert(pos, s);
        endInsertRows();
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
    if (pos >= 0) {
        beginRemoveRows({}, pos, pos);
        m_visible.removeAt(pos);
    }
    m_slotOf.erase(found);
    m_slots[s] = Slot{};
    m_freeSlots.append(s);
    if (pos >= 0)
        endRemoveRows();
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

void QueueModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_visible.isEmpty())
        Q_EMIT dataChanged(index(0, AgeColumn), index(int(m_visible.size()) - 1, ClaimedByColumn),
            {Qt::DisplayRole, Qt::BackgroundRole, SlaFractionRole});
}

} // namespace Countersign
