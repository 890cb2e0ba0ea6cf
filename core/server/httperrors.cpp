#include "httperrors.h"

#include <QJsonDocument>

namespace Countersign {

using Status = QHttpServerResponder::StatusCode;

Status HttpErrors::status(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return Status::BadRequest;
    case ErrorCode::Unauthorized:
        return Status::Unauthorized;
    case ErrorCode::Forbidden:
    case ErrorCode::PolicyViolation:
        return Status::Forbidden;
    case ErrorCode::NotFound:
        return Status::NotFound;
    case ErrorCode::Conflict:
        return Status::Conflict;
    case ErrorCode::PayloadTooLarge:
        return Status::PayloadTooLarge;
    case ErrorCode::RateLimited:
        return Status::TooManyRequests;
    case ErrorCode::Unavailable:
        return Status::ServiceUnavailable;
    case ErrorCode::Internal:
        break;
    }
    return Status::InternalServerError;
}

QJsonObject HttpErrors::body(const Error &error)
{
    QJsonObject e{{QStringLiteral("code"), errorCodeName(error.code)}, {QStringLiteral("message"), error.message}};
    if (!error.field.isEmpty())
        e.insert(QStringLiteral("field"), error.field);
    return QJsonObject{{QStringLiteral("error"), e}};
}

QByteArray HttpErrors::bodyBytes(const Error &error)
{
    return QJsonDocument(body(error)).toJson(QJsonDocument::Compact);
}

Error HttpErrors::unauthorized(const QString &message)
{
    return Error{ErrorCode::Unauthorized, message, {}};
}

Error HttpErrors::forbidden(const QString &message)
{
    return Error{ErrorCode::Forbidden, message, {}};
}

Error HttpErrors::rateLimited(const QString &message)
{
    return Error{ErrorCode::RateLimited, message, {}};
}

Error HttpErrors::payloadTooLarge(const QString &message)
{
    return Error{ErrorCode::PayloadTooLarge, message, {}};
}

} // namespace Countersign
