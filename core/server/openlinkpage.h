#pragma once

#include "domain/error.h"
#include "domain/openlink.h"

#include <QHttpHeaders>

namespace Countersign {

// GET /open/{id}: the http fallback of a countersign:// link, for a browser without the app
// or a chat client that will not follow custom schemes. No token is needed, so the page shows
// nothing of the action (not its title, not whether it exists): only the id it was given and
// the link to open it in the app, which then signs in. Everything on it is HTML-escaped.
class OpenLinkPage
{
public:
    // The link for `id` on the server the request reached (its Host header; https when a proxy
    // says X-Forwarded-Proto: https). Errors: a malformed id (not_found, as for any unknown
    // action) or a missing or malformed Host (invalid_argument).
    static Result<OpenLink> linkFor(const QString &id, const QHttpHeaders &headers);
    static QByteArray html(const OpenLink &link);
    // What the page sends besides the body: no caching, no scripts, no referrer.
    static QHttpHeaders headers();
};

} // namespace Countersign
