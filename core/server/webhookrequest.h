#pragma once

#include "domain/error.h"
#include "webhook/webhook.h"

#include <QByteArray>
#include <QUrl>

namespace Countersign {

// The body of POST /v1/webhooks, read strictly at the edge: {url, events[], filter{categories[],
// types[]}?, format?}. Errors name the field (filter.types[2] ...). The URL's address is not
// resolved here (WebhookUrlCheck::check does, without blocking).
struct WebhookRequest {
    QUrl url;
    QStringList events;
    QStringList categories;
    QStringList types;
    WebhookFormat format = WebhookFormat::Json;

    static Result<WebhookRequest> parse(const QByteArray &body);
};

} // namespace Countersign
