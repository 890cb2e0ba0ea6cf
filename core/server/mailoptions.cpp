#include "mailoptions.h"

#include "mailmessage.h"

#include <QFile>
#include <QFileInfo>

namespace Countersign {

Result<QUrl> MailOptions::parseSmtpUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("smtp") && scheme != QLatin1String("smtps")) || url.host().isEmpty())
        return fail(Error::invalid(QStringLiteral("smtp-url"),
            QStringLiteral("must be smtp://HOST[:PORT] or smtps://HOST[:PORT], not \"%1\"").arg(text)));
    if (!url.userInfo().isEmpty())
        return fail(Error::invalid(QStringLiteral("smtp-url"),
            QStringLiteral("must not carry credentials; give them in a file with --smtp-credentials")));
    return url;
}

Result<QStringList> MailOptions::parseAddresses(const QString &option, const QString &text)
{
    QStringList out;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString address = part.trimmed();
        if (address.isEmpty())
            continue;
        if (!MailMessage::isAddress(address))
            return fail(Error::invalid(option, QStringLiteral("\"%1\" is not an email address").arg(address)));
        out.append(address);
    }
    if (out.isEmpty())
        return fail(Error::invalid(option, QStringLiteral("names no email address")));
    return out;
}

Result<MailOptions::Credentials> MailOptions::readCredentials(const QString &path)
{
    const QString option = QStringLiteral("smtp-credentials");
    const QFileInfo info(path);
    if (!info.exists())
        return fail(Error::invalid(option, QStringLiteral("%1 does not exist").arg(path)));
    constexpr QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
        | QFile::WriteOther | QFile::ExeOther;
    if (info.permissions() & others)
        return fail(Error::invalid(option,
            QStringLiteral("%1 may be read by others than its owner; make it private (chmod 600 %1)").arg(path)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::invalid(option, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())));
    const QList<QByteArray> lines = file.read(64 * 1024).split('\n');
    auto line = [&lines](qsizetype i) {
        QByteArray l = lines.value(i);
        if (l.endsWith('\r'))
            l.chop(1);
        return QString::fromUtf8(l);
    };
    Credentials c{line(0).trimmed(), line(1)};
    if (c.user.isEmpty() || c.password.isEmpty())
        return fail(Error::invalid(option,
            QStringLiteral("%1 must hold the user on its first line and the password on its second").arg(path)));
    return c;
}

Result<QUrl> MailOptions::parsePublicUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.host().isEmpty()
        || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return fail(Error::invalid(QStringLiteral("public-url"),
            QStringLiteral("must be an http(s) URL without query or credentials, not \"%1\"").arg(text)));
    return url;
}

} // namespace Countersign
