#include "openlink.h"

#include "traceurl.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace Countersign {

namespace {

int defaultPort(const QString &scheme)
{
    return scheme == QLatin1String("https") ? 443 : 80;
}

QString normalPath(const QUrl &url)
{
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

} // namespace

bool OpenLink::isActionId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"));
    return pattern.match(id).hasMatch();
}

Result<OpenLink> OpenLink::parse(const QString &text)
{
    const auto invalid = [](const char *field, const QString &message) {
        return fail(Error::invalid(QLatin1String(field), message));
    };
    if (text.size() > TraceUrl::MaxLength + 256)
        return invalid("link", QStringLiteral("is too long"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(QLatin1String(Scheme), Qt::CaseInsensitive) != 0)
        return invalid("link", QStringLiteral("is not a countersign:// link"));
    if (url.host().compare(QLatin1String("open"), Qt::CaseInsensitive) != 0 || normalPath(url).size() > 0
        || url.hasFragment() || !url.userInfo().isEmpty() || url.port() != -1)
        return invalid("link", QStringLiteral("must be countersign://open?server=…&action=…"));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems()) {
        if (key != QLatin1String("server") && key != QLatin1String("action"))
            return invalid("link", QStringLiteral("has an unknown part %1").arg(key));
        if (query.allQueryItemValues(key).size() > 1)
            return invalid(key == QLatin1String("server") ? "server" : "action", QStringLiteral("is given twice"));
    }
    const QString server = query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded);
    if (server.isEmpty())
        return invalid("server", QStringLiteral("is missing"));
    if (const auto problem = TraceUrl::problem(server))
        return invalid("server", *problem);
    OpenLink link;
    link.server = QUrl(server, QUrl::StrictMode);
    if (link.server.hasQuery() || link.server.hasFragment())
        return invalid("server", QStringLiteral("must be the server's base URL, without query or fragment"));
    link.actionId = query.queryItemValue(QStringLiteral("action"), QUrl::FullyDecoded);
    if (!isActionId(link.actionId))
        return invalid("action", QStringLiteral("is not an action id"));
    return link;
}

QUrl OpenLink::toUrl() const
{
    // Encoded by hand: QUrlQuery would leave the server's ':' and '/' as they are, which is
    // valid but reads ambiguously to other parsers (chat clients linkify these).
    const QByteArray text = QByteArrayLiteral("countersign://open?server=")
        + QUrl::toPercentEncoding(server.toString(QUrl::FullyEncoded)) + QByteArrayLiteral("&action=")
        + QUrl::toPercentEncoding(actionId);
    return QUrl::fromEncoded(text, QUrl::StrictMode);
}

bool OpenLink::sameServer(const QUrl &a, const QUrl &b)
{
    const QString scheme = a.scheme().toLower();
    return scheme == b.scheme().toLower() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultPort(scheme)) == b.port(defaultPort(scheme)) && normalPath(a) == normalPath(b);
}

} // namespace Countersign
