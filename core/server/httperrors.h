#pragma once

#include "domain/error.h"

#include <QHttpServerResponder>
#include <QJsonObject>

namespace Countersign {

// The one table from Error codes to HTTP statuses, and the error body every route answers with:
// {"error":{"code":"...","message":"...","field":"..."}}.
class HttpErrors
{
public:
    static QHttpServerResponder::StatusCode status(ErrorCode code);
    static QJsonObject body(const Error &error);
    static QByteArray bodyBytes(const Error &error);

    static Error unauthorized(const QString &message);
    static Error forbidden(const QString &message);
    static Error rateLimited(const QString &message);
    static Error payloadTooLarge(const QString &message);
};

} // namespace Countersign
