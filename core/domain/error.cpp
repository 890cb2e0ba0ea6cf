#include "error.h"

#include <utility>

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

namespace {

// The wire names of the codes, both ways (server answers and client parsing share it).
constexpr std::pair<ErrorCode, const char *> CodeNames[] = {
    {ErrorCode::InvalidArgument, "invalid_argument"},
    {ErrorCode::NotFound, "not_found"},
    {ErrorCode::Conflict, "conflict"},
    {ErrorCode::Forbidden, "forbidden"},
    {ErrorCode::Unauthorized, "unauthorized"},
    {ErrorCode::PolicyViolation, "policy_violation"},
    {ErrorCode::PayloadTooLarge, "payload_too_large"},
    {ErrorCode::RateLimited, "rate_limited"},
    {ErrorCode::Unavailable, "unavailable"},
    {ErrorCode::Internal, "internal"},
};

} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[c, name] : CodeNames) {
        if (c == code)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("internal");
}

std::optional<ErrorCode> errorCodeFromName(QStringView name)
{
    for (const auto &[code, n] : CodeNames) {
        if (name == QLatin1StringView(n))
            return code;
    }
    return std::nullopt;
}

} // namespace Countersign
