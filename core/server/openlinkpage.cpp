#include "openlinkpage.h"

#include <QRegularExpression>

namespace Countersign {

namespace {

// The server's own ids (UUIDs); anything else is not an action of this server.
bool isServerActionId(const QString &id)
{
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(id).hasMatch();
}

} // namespace

Result<OpenLink> OpenLinkPage::linkFor(const QString &id, const QHttpHeaders &headers)
{
    if (!isServerActionId(id))
        return fail(Error::notFound(QStringLiteral("no action %1").arg(id.left(64))));
    const QString host = QString::fromLatin1(headers.value(QHttpHeaders::WellKnownHeader::Host));
    static const QRegularExpression hostPattern(
        QStringLiteral("^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?$"));
    if (!hostPattern.match(host).hasMatch())
        return fail(Error::invalid(QStringLiteral("Host"), QStringLiteral("names no server this page could link to")));
    const bool https
        = headers.value(QByteArrayView("X-Forwarded-Proto")).trimmed().compare("https", Qt::CaseInsensitive) == 0;
    OpenLink link;
    link.server = QUrl((https ? QStringLiteral("https://") : QStringLiteral("http://")) + host, QUrl::StrictMode);
    link.actionId = id;
    if (!link.server.isValid())
        return fail(Error::invalid(QStringLiteral("Host"), QStringLiteral("names no server this page could link to")));
    return link;
}

QByteArray OpenLinkPage::html(const OpenLink &link)
{
    const QString href = link.toUrl().toString(QUrl::FullyEncoded).toHtmlEscaped();
    const QString id = link.actionId.toHtmlEscaped();
    const QString server = link.server.toString().toHtmlEscaped();
    const QString page = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"robots\" content=\"noindex\"><title>Open in Countersign</title>"
        "<style>body{font-family:sans-serif;max-width:40em;margin:3em auto;padding:0 1em;line-height:1.5}"
        "a.open{display:inline-block;padding:.6em 1.2em;border:1px solid;border-radius:.3em;text-decoration:none}"
        "code{word-break:break-all}</style></head>\n<body><h1>Open in Countersign</h1>"
        "<p>An action waits for a countersignature on <code>%1</code>.</p>"
        "<p><a class=\"open\" href=\"%2\">Open it in the Countersign app</a></p>"
        "<p>Action id: <code>%3</code></p>"
        "<p>This page shows nothing more: what the action is, and whether it still waits, is for "
        "signed-in reviewers. The app asks before it connects to a server it does not know.</p>"
        "</body></html>\n")
                             .arg(server, href, id);
    return page.toUtf8();
}

QHttpHeaders OpenLinkPage::headers()
{
    return QHttpHeaders::fromListOfPairs(
        {{"Cache-Control", "no-store"}, {"Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"},
            {"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
}

} // namespace Countersign
