#pragma once

#include <QJsonObject>

namespace Countersign {

// The OpenAPI schemas of /v1/webhooks (WebhookRequest, Webhook, CreatedWebhook, WebhookList,
// DeletedWebhook, WebhookDelivery, WebhookDeliveryList).
class WebhookSchemas
{
public:
    static void addTo(QJsonObject &schemas);
};

} // namespace Countersign
