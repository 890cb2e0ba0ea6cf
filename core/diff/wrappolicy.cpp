#include "wrappolicy.h"

#include <QStringList>

namespace Countersign {

bool WrapPolicy::wrapsByDefault(const QString &language, const QString &mimeType)
{
    static const QStringList prose{QStringLiteral("markdown"), QStringLiteral("md"), QStringLiteral("email"),
        QStringLiteral("e-mail"), QStringLiteral("mail"), QStringLiteral("text"), QStringLiteral("txt"),
        QStringLiteral("plain"), QStringLiteral("plaintext"), QStringLiteral("text/plain"), QStringLiteral("prose"),
        QStringLiteral("rst"), QStringLiteral("restructuredtext"), QStringLiteral("asciidoc"),
        QStringLiteral("message")};
    const QString hint = language.trimmed().toLower();
    if (!hint.isEmpty())
        return prose.contains(hint);
    const QString mime = mimeType.trimmed().toLower();
    if (mime.isEmpty())
        return true; // nothing says code: plain text
    return mime == QLatin1String("text/plain") || mime == QLatin1String("text/markdown")
        || mime == QLatin1String("message/rfc822") || mime == QLatin1String("text/x-rst");
}

} // namespace Countersign
