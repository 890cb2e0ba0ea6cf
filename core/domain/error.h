#pragma once

#include <QString>

#include <expected>
#include <optional>

namespace Countersign {

// Errors are values at library boundaries; the server maps codes to HTTP statuses in one table.
enum class ErrorCode {
    InvalidArgument, // bad input; `field` names the offending field
    NotFound,
    Conflict, // already decided, stale version, idempotency mismatch, live claim
    Forbidden,
    Unauthorized,
    PolicyViolation, // e.g. approving a prohibited action
    PayloadTooLarge,
    RateLimited,
    Unavailable, // storage busy, locked, full or read-only; retry later
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString field;

    static Error invalid(const QString &field, const QString &message);
    static Error notFound(const QString &message);
    static Error conflict(const QString &message);
    static Error unavailable(const QString &message);
    static Error internal(const QString &message);

    // "field: message" or just the message, for logs and dialogs.
    QString toString() const;
};

QString errorCodeName(ErrorCode code);
// The code a wire name stands for; nothing for a name this version does not know.
std::optional<ErrorCode> errorCodeFromName(QStringView name);

template<typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

} // namespace Countersign
