#include "traceurl.h"

namespace Countersign {

std::optional<QString> TraceUrl::problem(const QString &text)
{
    if (text.size() > MaxLength)
        return QStringLiteral("is longer than %1 characters").arg(MaxLength);
    // RFC 3986's characters only (the rest percent-encoded): no spaces, controls, quotes or
    // angle brackets, nothing that could read as markup or hide where the link leads.
    static const QString allowed = QStringLiteral("-._~:/?#[]@!$&'()*+,;=%");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool plain = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
        if (!plain && !allowed.contains(c))
            return QStringLiteral("may hold only URL characters (percent-encode the rest)");
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return QStringLiteral("is not a valid URL");
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("must be an http or https URL");
    if (url.host().isEmpty())
        return QStringLiteral("must name a host");
    if (!url.userInfo().isEmpty())
        return QStringLiteral("must not carry a user name or password");
    return std::nullopt;
}

QUrl TraceUrl::toUrl(const QString &text)
{
    if (text.isEmpty() || problem(text))
        return {};
    return QUrl(text, QUrl::StrictMode);
}

} // namespace Countersign
