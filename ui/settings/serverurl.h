#pragma once

#include "domain/error.h"

#include <QCoreApplication>
#include <QUrl>

namespace Countersign {

// Checks what a user typed as a server address and turns it into the base URL the client
// library expects. The messages are written for the connect dialog.
class ServerUrl
{
    Q_DECLARE_TR_FUNCTIONS(ServerUrl)

public:
    // http or https, a host, no credentials, query or fragment; a trailing slash is dropped.
    // On failure the error's field is "url" and its message says what to fix.
    static Result<QUrl> parse(const QString &text);

    // A warning for addresses that would send the token in clear text over the network
    // (plain http to a host other than this machine); empty when there is nothing to say.
    static QString securityWarning(const QUrl &url);

    static bool isLoopback(const QUrl &url);
};

} // namespace Countersign
