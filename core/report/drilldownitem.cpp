#include "drilldownitem.h"

#include "domain/timeformat.h"
#include "lifecycle/statemachine.h"

#include <QJsonArray>

namespace Countersign {

namespace {

// The counter RollupRow::forChange adds the action's outcome to.
QString outcomeOf(const Action &a)
{
    if (!isTerminal(a.state))
        return QStringLiteral("pending");
    if (a.state == ActionState::Withdrawn)
        return QStringLiteral("withdrawn");
    if (a.decidedBy == QLatin1String(StateMachine::PolicyActor))
        return a.state == ActionState::Approved ? QStringLiteral("auto_approved") : QStringLiteral("prohibited");
    if (a.decidedBy == QLatin1String(StateMachine::ExpiryActor))
        return QStringLiteral("expired");
    if (a.state == ActionState::Approved)
        return a.modified ? QStringLiteral("modified") : QStringLiteral("approved");
    if (a.state == ActionState::Rejected)
        return QStringLiteral("rejected");
    return QStringLiteral("expired");
}

QDateTime timeOf(const QJsonObject &o, const char *name)
{
    return fromIsoUtc(o.value(QLatin1String(name)).toString());
}

} // namespace

DrillDownItem DrillDownItem::fromAction(const Action &a)
{
    DrillDownItem item;
    item.id = a.id;
    item.type = a.type;
    item.category = a.category;
    item.agent = a.agent;
    item.title = a.title;
    item.state = actionStateName(a.state);
    item.outcome = outcomeOf(a);
    const bool reviewerDecision = item.outcome == QLatin1String("approved") || item.outcome == QLatin1String("modified")
        || item.outcome == QLatin1String("rejected");
    item.reviewer = reviewerDecision ? a.decidedBy : QString();
    item.createdAt = a.createdAt;
    item.decidedAt = a.decidedAt;
    item.confidence = a.confidence;
    return item;
}

QJsonObject DrillDownItem::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("type"), type},
        {QStringLiteral("category"), category}, {QStringLiteral("agent"), agent}, {QStringLiteral("title"), title},
        {QStringLiteral("state"), state}, {QStringLiteral("outcome"), outcome},
        {QStringLiteral("reviewer"), reviewer.isEmpty() ? QJsonValue() : QJsonValue(reviewer)},
        {QStringLiteral("created_at"), timeToJson(createdAt)}, {QStringLiteral("decided_at"), timeToJson(decidedAt)},
        {QStringLiteral("confidence"), confidence}};
}

Result<DrillDownItem> DrillDownItem::fromJson(const QJsonObject &o)
{
    DrillDownItem item;
    item.id = o.value(QLatin1String("id")).toString();
    if (item.id.isEmpty())
        return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("must be a non-empty string")));
    item.type = o.value(QLatin1String("type")).toString();
    item.category = o.value(QLatin1String("category")).toString();
    item.agent = o.value(QLatin1String("agent")).toString();
    item.title = o.value(QLatin1String("title")).toString();
    item.state = o.value(QLatin1String("state")).toString();
    item.outcome = o.value(QLatin1String("outcome")).toString();
    item.reviewer = o.value(QLatin1String("reviewer")).toString();
    item.createdAt = timeOf(o, "created_at");
    item.decidedAt = timeOf(o, "decided_at");
    item.confidence = o.value(QLatin1String("confidence")).toDouble();
    return item;
}

QJsonObject DrillDownList::toJson() const
{
    QJsonArray array;
    for (const DrillDownItem &item : items)
        array.append(item.toJson());
    return QJsonObject{{QStringLiteral("items"), array}, {QStringLiteral("total"), double(total)},
        {QStringLiteral("next_cursor"), nextCursor.isEmpty() ? QJsonValue() : QJsonValue(nextCursor)}};
}

Result<DrillDownList> DrillDownList::fromJson(const QJsonObject &o)
{
    DrillDownList list;
    const QJsonValue items = o.value(QLatin1String("items"));
    const QJsonValue total = o.value(QLatin1String("total"));
    if (!items.isArray())
        return fail(Error::invalid(QStringLiteral("items"), QStringLiteral("must be an array")));
    if (!total.isDouble() || total.toDouble() < 0)
        return fail(Error::invalid(QStringLiteral("total"), QStringLiteral("must be a count (a number >= 0)")));
    for (const QJsonValue &v : items.toArray()) {
        auto item = DrillDownItem::fromJson(v.toObject());
        if (!item)
            return fail(item.error());
        list.items.append(*item);
    }
    list.total = total.toInteger();
    list.nextCursor = o.value(QLatin1String("next_cursor")).toString();
    return list;
}

} // namespace Countersign
