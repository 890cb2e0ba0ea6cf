#pragma once

#include "error.h"

#include <QString>
#include <QUrl>

namespace Countersign {

// countersign://open?server=URL&action=ID: a link that opens one action in the reviewer app.
// Chat and e-mail messages carry it, the server's /open/{id} page offers it. Read and checked
// here only, so nothing else takes such a URL unchecked: the server an absolute http(s) URL
// (TraceUrl's rules, without query or fragment), the action id a plain token.
struct OpenLink {
    QUrl server;
    QString actionId;

    static constexpr auto Scheme = "countersign";

    // Errors name the part that is wrong: "link", "server" or "action".
    static Result<OpenLink> parse(const QString &text);
    QUrl toUrl() const;

    // Ids are opaque to clients; these characters cover the server's UUIDs and nothing that
    // could mean something in a URL or a page.
    static bool isActionId(const QString &id);
    // Whether two base URLs name the same server: scheme, host (any case), port (defaults
    // applied) and path without a trailing slash.
    static bool sameServer(const QUrl &a, const QUrl &b);

    friend bool operator==(const OpenLink &, const OpenLink &) = default;
};

} // namespace Countersign
