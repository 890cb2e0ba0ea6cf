#include "serverurl.h"

#include <QHostAddress>

namespace Countersign {

namespace {

std::unexpected<Error> invalidUrl(const QString &message)
{
    return fail(Error::invalid(QStringLiteral("url"), message));
}

} // namespace

Result<QUrl> ServerUrl::parse(const QString &text)
{
    const QString input = text.trimmed();
    if (input.isEmpty())
        return invalidUrl(tr("Enter the server address, for example https://countersign.example.com."));
    if (input.contains(u' ') || input.contains(u'\t'))
        return invalidUrl(tr("The address must not contain spaces."));

    const qsizetype schemeEnd = input.indexOf(QLatin1String("://"));
    if (schemeEnd < 0)
        return invalidUrl(tr("Start the address with https:// (or http:// for a server on this machine)."));
    const QString scheme = input.left(schemeEnd).toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return invalidUrl(tr("Only http:// and https:// addresses are supported, not %1://.").arg(scheme));

    QUrl url(input, QUrl::StrictMode);
    if (!url.isValid())
        return invalidUrl(tr("This is not a valid address. Check it for typing mistakes."));
    if (url.host().isEmpty())
        return invalidUrl(tr("The address has no host name."));
    if (!url.userInfo().isEmpty())
        return invalidUrl(tr("Do not put a user name or password in the address; enter the token below."));
    if (url.hasQuery() || url.hasFragment())
        return invalidUrl(tr("Remove the part starting with ? or # from the address."));

    url.setScheme(scheme);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url;
}

bool ServerUrl::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString ServerUrl::securityWarning(const QUrl &url)
{
    if (url.scheme() != QLatin1String("http") || isLoopback(url))
        return {};
    return tr("This address uses plain http: the token would travel unencrypted. Use https unless the "
              "network is trusted.");
}

} // namespace Countersign
