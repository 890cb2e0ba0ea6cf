#pragma once

#include "domain/error.h"

#include <QHostAddress>
#include <QList>
#include <QUrl>

#include <functional>

class QObject;

namespace Countersign {

// Where a webhook may send: http or https to a host that is not, and does not resolve to, a
// loopback, private, link-local, unique-local, multicast or unspecified address, unless the
// server allows private receivers (--webhook-allow-private). Checked when a subscription is
// made and again before each attempt, since a name may resolve elsewhere by then. Errors name
// the field `url`.
class WebhookUrlCheck
{
public:
    // The URL as written: scheme, host, no user info; nothing resolved yet.
    static Result<QUrl> parse(const QString &text);
    // An address a public receiver may not have.
    static bool isPrivate(const QHostAddress &address);
    // Refuses any private address among those a host resolved to.
    static Result<void> checkAddresses(const QList<QHostAddress> &addresses, bool allowPrivate);
    // Resolves the host without blocking the event loop and answers on `context`'s thread.
    static void check(const QUrl &url, bool allowPrivate, QObject *context, std::function<void(Result<void>)> done);
};

} // namespace Countersign
