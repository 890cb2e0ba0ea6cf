#include "webhookschemas.h"

#include "jsonschema.h"
#include "webhook/webhook.h"

namespace Countersign {

using namespace JsonSchema;

void WebhookSchemas::addTo(QJsonObject &schemas)
{
    const QString s = QStringLiteral("string");
    const QString integer = QStringLiteral("integer");
    const QString time = QStringLiteral("UTC ISO 8601 with milliseconds");
    const QJsonObject strings = arrayOf(type(s));
    const QJsonObject filter
        = object({{QStringLiteral("categories"), arrayOf(type(s, QStringLiteral("a category; none: every category")))},
                     {QStringLiteral("types"), arrayOf(type(s, QStringLiteral("an action type; none: every type")))}},
            {}, true);
    const QJsonObject formats = enumOf({QStringLiteral("json"), QStringLiteral("slack"), QStringLiteral("teams")});

    schemas.insert(QStringLiteral("WebhookRequest"),
        object({{QStringLiteral("url"),
                    type(s,
                        QStringLiteral("http or https; not a loopback, private or link-local address unless the "
                                       "server runs with --webhook-allow-private"))},
                   {QStringLiteral("events"), arrayOf(enumOf(Webhook::subscribableEvents()))},
                   {QStringLiteral("filter"), filter}, {QStringLiteral("format"), formats}},
            {QStringLiteral("url"), QStringLiteral("events")}, true));
    const QJsonObject hook{{QStringLiteral("id"), type(s)}, {QStringLiteral("url"), type(s)},
        {QStringLiteral("events"), strings}, {QStringLiteral("filter"), filter}, {QStringLiteral("format"), formats},
        {QStringLiteral("owner_role"), type(s, QStringLiteral("the creating token's role"))},
        {QStringLiteral("owner_agent"),
            nullable(s, QStringLiteral("an agent's subscription sees only this agent's actions"))},
        {QStringLiteral("created_at"), type(s, time)}, {QStringLiteral("created_by"), type(s)}};
    schemas.insert(QStringLiteral("Webhook"), object(hook));
    QJsonObject created = hook;
    created.insert(QStringLiteral("secret"),
        type(s, QStringLiteral("the HMAC-SHA256 key of X-Countersign-Signature; shown only here")));
    schemas.insert(QStringLiteral("CreatedWebhook"), object(created));
    schemas.insert(
        QStringLiteral("WebhookList"), object({{QStringLiteral("items"), arrayOf(ref(QStringLiteral("Webhook")))}}));
    schemas.insert(QStringLiteral("DeletedWebhook"),
        object({{QStringLiteral("id"), type(s)}, {QStringLiteral("deleted"), type(QStringLiteral("boolean"))}}));
    schemas.insert(QStringLiteral("WebhookDelivery"),
        object(
            {{QStringLiteral("id"), type(s, QStringLiteral("UUID; X-Countersign-Delivery, the same on every retry"))},
                {QStringLiteral("webhook_id"), type(s)},
                {QStringLiteral("event_seq"), type(integer, QStringLiteral("the event's seq; 0 for webhook.test"))},
                {QStringLiteral("event"), type(s)}, {QStringLiteral("attempts"), type(integer)},
                {QStringLiteral("status"),
                    enumOf({QStringLiteral("pending"), QStringLiteral("delivered"), QStringLiteral("failed")})},
                {QStringLiteral("next_attempt_at"), nullable(s, QStringLiteral("while pending"))},
                {QStringLiteral("last_status"), nullable(integer, QStringLiteral("HTTP status of the last attempt"))},
                {QStringLiteral("last_error"), nullable(s)}, {QStringLiteral("created_at"), type(s, time)},
                {QStringLiteral("delivered_at"), nullable(s, time)}}));
    schemas.insert(QStringLiteral("WebhookDeliveryList"),
        object({{QStringLiteral("items"), arrayOf(ref(QStringLiteral("WebhookDelivery")))}}));
}

} // namespace Countersign
