#include "queuemodel.h"

#include "style/statuscolors.h"

#include <QFont>
#include <QLocale>
#include <QPalette>

// QueueModel's presentation: cell texts, colours and headers.
namespace Countersign {

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

QString QueueModel::formatDue(qint64 secondsLeft)
{
    if (secondsLeft >= 0)
        return tr("in %1", "SLA due").arg(formatAge(secondsLeft));
    return tr("%1 overdue", "SLA due").arg(formatAge(-secondsLeft));
}

namespace {

// Background for the age cell: none while fresh, amber as the SLA nears, red once breached,
// tinted from the palette so it reads on light and dark themes alike.
QColor slaColor(double fraction, const QPalette &palette)
{
    if (fraction < 0.75)
        return {};
    return fraction >= 1.0 ? StatusColors::tint(StatusColors::Kind::Negative, palette, 0.45)
                           : StatusColors::tint(StatusColors::Kind::Warning, palette, 0.3);
}

// When a snooze ends: the time alone today, with the date otherwise.
QString snoozeEnd(const QDateTime &until, const QDateTime &now)
{
    const QDateTime local = until.toLocalTime();
    if (local.date() == now.toLocalTime().date())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local, QLocale::ShortFormat);
}

} // namespace

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Slot &slot = m_slots.at(m_visible.at(index.row()));
    const Action &a = slot.action;
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
            // A snoozed item says so: in my Snoozed filter with its time, in others' queues
            // with who set it aside.
            if (a.isSnoozedAt(m_now)) {
                if (a.snoozedBy == m_filter.me)
                    return tr("%1 (snoozed until %2)").arg(a.title, snoozeEnd(a.snoozedUntil, m_now));
                return tr("%1 (snoozed by %2 until %3)").arg(a.title, a.snoozedBy, snoozeEnd(a.snoozedUntil, m_now));
            }
            return a.title;
        case AgentColumn:
            return a.agent;
        case ConfidenceColumn:
            return QStringLiteral("%1%").arg(qRound(a.confidence * 100));
        case ClaimedByColumn:
            return a.isClaimedAt(m_now) ? a.claimedBy : QString();
        case EscalatedColumn:
            return a.escalated ? tr("Escalated") : QString();
        case DueColumn:
            return a.slaDueAt.isValid() ? formatDue(m_now.secsTo(a.slaDueAt)) : QString();
        }
        break;
    case Qt::FontRole:
        if (index.column() == TitleColumn && slot.isNew) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::ToolTipRole:
        if ((index.column() == AgeColumn || index.column() == DueColumn) && a.slaDueAt.isValid())
            return tr("SLA due %1").arg(QLocale().toString(a.slaDueAt.toLocalTime(), QLocale::ShortFormat));
        if (index.column() == TitleColumn)
            return a.title;
        break;
    case Qt::ForegroundRole:
        if (index.column() == TitleColumn && a.isSnoozedAt(m_now))
            return m_palette.brush(QPalette::PlaceholderText); // set aside: quieter, still legible
        break;
    case Qt::BackgroundRole:
        if (index.column() == AgeColumn || index.column() == DueColumn) {
            const QColor c = slaColor(slaFraction(a, m_now), m_palette);
            if (c.isValid())
                return c;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ConfidenceColumn || index.column() == AgeColumn || index.column() == DueColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ActionIdRole:
        return a.id;
    case SlaFractionRole:
        return slaFraction(a, m_now);
    case GroupRole:
        return groupOf(a);
    case IsNewRole:
        return slot.isNew;
    case IsGroupHeaderRole:
        return false;
    case SnoozedByRole:
        return a.isSnoozedAt(m_now) ? a.snoozedBy : QString();
    case SnoozedUntilRole:
        return a.isSnoozedAt(m_now) ? a.snoozedUntil : QDateTime();
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
    case DueColumn:
        return tr("Due");
    }
    return {};
}

} // namespace Countersign
