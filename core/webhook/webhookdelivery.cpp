#include "webhookdelivery.h"

#include "domain/timeformat.h"

namespace Countersign {

QString deliveryStatusName(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending:
        return QStringLiteral("pending");
    case DeliveryStatus::Delivered:
        return QStringLiteral("delivered");
    case DeliveryStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("pending");
}

std::optional<DeliveryStatus> deliveryStatusFromName(const QString &name)
{
    for (DeliveryStatus s : {DeliveryStatus::Pending, DeliveryStatus::Delivered, DeliveryStatus::Failed}) {
        if (deliveryStatusName(s) == name)
            return s;
    }
    return std::nullopt;
}

QJsonObject WebhookDelivery::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("webhook_id"), webhookId},
        {QStringLiteral("event_seq"), double(eventSeq)}, {QStringLiteral("event"), eventType},
        {QStringLiteral("attempts"), attempts}, {QStringLiteral("status"), deliveryStatusName(status)},
        {QStringLiteral("next_attempt_at"),
            status == DeliveryStatus::Pending ? timeToJson(nextAttemptAt) : QJsonValue()},
        {QStringLiteral("last_status"), lastStatus > 0 ? QJsonValue(lastStatus) : QJsonValue()},
        {QStringLiteral("last_error"), lastError.isEmpty() ? QJsonValue() : QJsonValue(lastError)},
        {QStringLiteral("created_at"), timeToJson(createdAt)},
        {QStringLiteral("delivered_at"), timeToJson(deliveredAt)}};
}

} // namespace Countersign
