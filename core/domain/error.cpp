#include "error.h"

namespace Countersign {

Error Error::invalid(const QString &field, const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message, field};
}

Error Error::notFound(const QString &message)
{
    return Error{ErrorCode::NotFound, message, {}};
}

Error Error::conflict(const QString &message)
{
    return Error{ErrorCode::Conflict, message, {}};
}

Error Error::unavailable(const QString &message)
{
    return Error{ErrorCode::Unavailable, message, {}};
}

Error Error::internal(const QString &message)
{
    return Error{ErrorCode::Internal, message, {}};
}

QString Error::toString() const
{
    return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::Forbidden:
        return QStringLiteral("forbidden");
    case ErrorCode::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorCode::PolicyViolation:
        return QStringLiteral("policy_violation");
    case ErrorCode::PayloadTooLarge:
        return QStringLiteral("payload_too_large");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorCode::Unavailable:
        return QStringLiteral("unavailable");
    case ErrorCode::Internal:
        break;
    }
    return QStringLiteral("internal");
}

} // namespace Countersign
