#include "webhook.h"

#include "domain/timeformat.h"

#include <QJsonArray>

namespace Countersign {

QString webhookFormatName(WebhookFormat format)
{
    switch (format) {
    case WebhookFormat::Json:
        return QStringLiteral("json");
    case WebhookFormat::Slack:
        return QStringLiteral("slack");
    case WebhookFormat::Teams:
        return QStringLiteral("teams");
    }
    return QStringLiteral("json");
}

std::optional<WebhookFormat> webhookFormatFromName(const QString &name)
{
    for (WebhookFormat f : {WebhookFormat::Json, WebhookFormat::Slack, WebhookFormat::Teams}) {
        if (webhookFormatName(f) == name)
            return f;
    }
    return std::nullopt;
}

const QStringList &Webhook::subscribableEvents()
{
    static const QStringList events{QStringLiteral("action.created"), QStringLiteral("action.decided"),
        QStringLiteral("action.escalated"), QStringLiteral("action.expired"), QStringLiteral("queue.alert")};
    return events;
}

bool Webhook::matches(const QString &eventType, const Action &action) const
{
    if (!events.contains(eventType))
        return false;
    // An agent's subscription is its callback: never another agent's action.
    if (ownerRole == QLatin1String("agent") && action.agent != ownerAgent)
        return false;
    if (!categories.isEmpty() && !categories.contains(action.category))
        return false;
    return types.isEmpty() || types.contains(action.type);
}

bool Webhook::matchesQueueAlert() const
{
    return ownerRole != QLatin1String("agent") && events.contains(QLatin1String("queue.alert"));
}

QJsonObject Webhook::toJson() const
{
    QJsonObject filter;
    if (!categories.isEmpty())
        filter.insert(QStringLiteral("categories"), QJsonArray::fromStringList(categories));
    if (!types.isEmpty())
        filter.insert(QStringLiteral("types"), QJsonArray::fromStringList(types));
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("url"), url},
        {QStringLiteral("events"), QJsonArray::fromStringList(events)}, {QStringLiteral("filter"), filter},
        {QStringLiteral("format"), webhookFormatName(format)}, {QStringLiteral("owner_role"), ownerRole},
        {QStringLiteral("owner_agent"), ownerAgent.isEmpty() ? QJsonValue() : QJsonValue(ownerAgent)},
        {QStringLiteral("created_at"), timeToJson(createdAt)}, {QStringLiteral("created_by"), createdBy}};
}

} // namespace Countersign
