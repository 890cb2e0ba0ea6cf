#include "connectionmessages.h"

#include "i18n/rolenames.h"

namespace Countersign {

QString ConnectionMessages::identity(const UserIdentity &identity)
{
    QString text = tr("Connected as %1 (%2).").arg(identity.name, RoleNames::displayName(identity.role));
    if (!identity.canReview())
        text += u' ' + tr("This token cannot review actions; ask an administrator for a reviewer token.");
    return text;
}

QString ConnectionMessages::error(const Error &error)
{
    // The server's own message (English, lower case) is kept as the detail after our sentence.
    const QString detail = error.message.trimmed();
    auto withDetail = [&detail](const QString &sentence) {
        return detail.isEmpty() ? sentence : tr("%1 (%2)").arg(sentence, detail);
    };
    switch (error.code) {
    case ErrorCode::Unauthorized:
        return withDetail(tr("The server did not accept the token. Check that it was copied completely."));
    case ErrorCode::Forbidden:
        return withDetail(tr("The token is valid but not allowed to do this."));
    case ErrorCode::NotFound:
        return withDetail(tr("The server does not know this request. Is the address that of a countersign-server?"));
    case ErrorCode::RateLimited:
        return withDetail(tr("The server is busy with too many requests. Try again in a moment."));
    case ErrorCode::Unavailable:
        // Already a sentence from the client library ("Cannot reach the server: ...").
        return detail.isEmpty() ? tr("The server cannot be reached.") : detail;
    case ErrorCode::InvalidArgument:
    case ErrorCode::Conflict:
    case ErrorCode::PolicyViolation:
    case ErrorCode::PayloadTooLarge:
    case ErrorCode::Internal:
        break;
    }
    // The client library's own findings are whole sentences ("The server sent an unreadable
    // answer (...)."); the server's messages are lower-case fragments.
    if (detail.endsWith(u'.'))
        return detail;
    return withDetail(tr("The server reported an error."));
}

} // namespace Countersign
