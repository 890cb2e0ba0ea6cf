#pragma once

#include "domain/error.h"

#include <QByteArray>
#include <QJsonDocument>

class QNetworkReply;

namespace Countersign {

// Turns a finished QNetworkReply into either its JSON body or an Error: the server's
// {"error":{code,message,field}} when it sent one, otherwise a readable network error.
// Never hands raw JSON or Qt's network jargon to the UI.
class ApiReply
{
public:
    static Result<QJsonDocument> read(QNetworkReply *reply);
    static ErrorCode codeFromName(const QString &name);
    static ErrorCode codeFromHttpStatus(int status);
    // The request never reached a working server: no HTTP answer at all, or a gateway's
    // "bad gateway"/"gateway timeout" in front of a server that is down.
    static bool unreachable(QNetworkReply *reply);
};

} // namespace Countersign
