#pragma once

#include "webhook.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace Countersign {

enum class DeliveryStatus { Pending, Delivered, Failed };

QString deliveryStatusName(DeliveryStatus status);
std::optional<DeliveryStatus> deliveryStatusFromName(const QString &name);

// One row of the webhook outbox: an event for one subscription, written in the transaction of
// the change that produced it. Its id (a UUID) stays the same on every retry, so a receiver can
// drop a repeat.
struct WebhookDelivery {
    QString id;
    QString webhookId;
    qint64 eventSeq = 0; // 0 for a webhook.test
    QString eventType;
    QByteArray body; // the event stream message (compact JSON), as the json format sends it
    int attempts = 0;
    QDateTime nextAttemptAt;
    DeliveryStatus status = DeliveryStatus::Pending;
    int lastStatus = 0; // HTTP status of the last attempt, 0 when none came back
    QString lastError;
    QDateTime createdAt;
    QDateTime deliveredAt;

    // For GET /v1/webhooks/{id}/deliveries: everything but the body.
    QJsonObject toJson() const;
};

// A due delivery claimed for sending, with the subscription it goes to.
struct ClaimedDelivery {
    WebhookDelivery delivery;
    Webhook webhook;
    QString claim; // the claim's token: only its holder may record the outcome
};

} // namespace Countersign
