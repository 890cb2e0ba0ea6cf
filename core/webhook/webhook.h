#pragma once

#include "domain/action.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Countersign {

// How a delivery's body is shaped: the event stream message itself, or a chat message.
enum class WebhookFormat { Json, Slack, Teams };

QString webhookFormatName(WebhookFormat format);
std::optional<WebhookFormat> webhookFormatFromName(const QString &name);

// One subscription (POST /v1/webhooks). The owner is the token that created it: an agent's
// subscription only ever matches that agent's actions, whatever its filter says.
struct Webhook {
    QString id;
    QString url;
    QStringList events; // "action.created", ...
    QStringList categories; // empty: every category
    QStringList types; // empty: every type
    WebhookFormat format = WebhookFormat::Json;
    QString secret; // the HMAC key; shown once, when created
    QString ownerRole; // the creating token's role name ("agent", "admin", ...)
    QString ownerAgent; // the agent's token name when ownerRole is "agent", else empty
    QDateTime createdAt;
    QString createdBy;

    // The events a subscription may name.
    static const QStringList &subscribableEvents();
    // A delivery of `eventType` for `action` is due to this subscription.
    bool matches(const QString &eventType, const Action &action) const;
    // A queue.alert delivery is due: subscribed to it, and not an agent's subscription (an
    // agent's callback sees its own actions only, never the queue's state).
    bool matchesQueueAlert() const;
    // The API's view: everything but the secret.
    QJsonObject toJson() const;

    friend bool operator==(const Webhook &, const Webhook &) = default;
};

} // namespace Countersign
