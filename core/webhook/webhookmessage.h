#pragma once

#include "webhook.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUrl>

namespace Countersign {

// The body a subscription receives for one event: the event stream message as it is (json), or
// a chat message built from it (slack: text and blocks; teams: a MessageCard) naming the
// action's title, type, agent, confidence and due time, with the link that opens it
// (GET /open/{id} on the server's public URL). Pure functions of their input.
class WebhookMessage
{
public:
    static QByteArray body(WebhookFormat format, const QByteArray &eventJson, const QUrl &publicUrl);
    static QJsonObject slack(const QJsonObject &event, const QUrl &publicUrl);
    static QJsonObject teams(const QJsonObject &event, const QUrl &publicUrl);
    // "<public URL>/open/<id>"; empty for an event without an action (webhook.test).
    static QString openLink(const QJsonObject &event, const QUrl &publicUrl);
    // One line, e.g. "Needs review: Send the quarterly report".
    static QString headline(const QJsonObject &event);
};

} // namespace Countersign
