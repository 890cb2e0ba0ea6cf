#include "webhookurlcheck.h"

#include <QHostInfo>
#include <QPointer>

namespace Countersign {

namespace {

Error urlError(const QString &message)
{
    return Error::invalid(QStringLiteral("url"), message);
}

} // namespace

Result<QUrl> WebhookUrlCheck::parse(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty() || !url.isValid())
        return fail(urlError(QStringLiteral("is not a valid URL")));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return fail(urlError(QStringLiteral("must be an http or https URL")));
    if (url.host().isEmpty())
        return fail(urlError(QStringLiteral("has no host")));
    if (!url.userInfo().isEmpty())
        return fail(urlError(QStringLiteral("may not carry a user name or password; sign with the secret instead")));
    if (!url.fragment().isEmpty())
        return fail(urlError(QStringLiteral("may not have a fragment")));
    return url;
}

bool WebhookUrlCheck::isPrivate(const QHostAddress &input)
{
    QHostAddress address = input;
    // ::ffff:10.0.0.1 reaches 10.0.0.1.
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        address = QHostAddress(v4);
    if (address.isNull() || address.isLoopback() || address.isLinkLocal() || address.isPrivateUse()
        || address.isUniqueLocalUnicast() || address.isSiteLocal() || address.isMulticast() || address.isBroadcast()
        || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6)
        return true;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 a = address.toIPv4Address();
        // 0.0.0.0/8 ("this network") and 100.64.0.0/10 (carrier-grade NAT, a provider's inside).
        return (a >> 24) == 0 || (a & 0xFFC00000u) == 0x64400000u;
    }
    return false;
}

Result<void> WebhookUrlCheck::checkAddresses(const QList<QHostAddress> &addresses, bool allowPrivate)
{
    if (addresses.isEmpty())
        return fail(urlError(QStringLiteral("names a host that does not resolve")));
    if (allowPrivate)
        return {};
    for (const QHostAddress &address : addresses) {
        if (isPrivate(address))
            return fail(urlError(QStringLiteral("reaches a loopback, private or link-local address (%1); the server "
                                                "refuses those unless started with --webhook-allow-private")
                    .arg(address.toString())));
    }
    return {};
}

void WebhookUrlCheck::check(
    const QUrl &url, bool allowPrivate, QObject *context, std::function<void(Result<void>)> done)
{
    const QHostAddress literal(url.host());
    if (!literal.isNull()) {
        done(checkAddresses({literal}, allowPrivate));
        return;
    }
    QPointer<QObject> guard(context);
    QHostInfo::lookupHost(url.host(), context, [guard, allowPrivate, done = std::move(done)](const QHostInfo &info) {
        if (!guard)
            return;
        if (info.error() != QHostInfo::NoError) {
            done(fail(urlError(QStringLiteral("names a host that does not resolve: %1").arg(info.errorString()))));
            return;
        }
        done(checkAddresses(info.addresses(), allowPrivate));
    });
}

} // namespace Countersign
