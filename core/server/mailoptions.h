#pragma once

#include "domain/error.h"

#include <QStringList>
#include <QUrl>

namespace Countersign {

// countersign-server's email options, read and checked before the server starts; errors name
// the option ("smtp-url", "smtp-from", "smtp-credentials", "alert-email", "public-url").
class MailOptions
{
public:
    struct Credentials {
        QString user;
        QString password;
    };

    // smtp://host[:port] or smtps://host[:port], with no credentials in it (use the file).
    static Result<QUrl> parseSmtpUrl(const QString &text);
    // "a@x,b@y": each an email address.
    static Result<QStringList> parseAddresses(const QString &option, const QString &text);
    // The first line the user, the second the password. Like ssh with a private key, a file
    // that others than its owner may read is refused: the password would not be secret.
    static Result<Credentials> readCredentials(const QString &path);
    // http(s)://host[:port][/path]: where readers of an email reach the server.
    static Result<QUrl> parsePublicUrl(const QString &text);
};

} // namespace Countersign
