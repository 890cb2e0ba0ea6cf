#include "expiryoutcome.h"

namespace Countersign {

QString expiryOutcomeName(ExpiryOutcome outcome)
{
    switch (outcome) {
    case ExpiryOutcome::Reject:
        return QStringLiteral("reject");
    case ExpiryOutcome::Expire:
        return QStringLiteral("expire");
    case ExpiryOutcome::Approve:
        return QStringLiteral("approve");
    }
    return {};
}

std::optional<ExpiryOutcome> expiryOutcomeFromName(const QString &name)
{
    if (name == QLatin1String("reject"))
        return ExpiryOutcome::Reject;
    if (name == QLatin1String("expire"))
        return ExpiryOutcome::Expire;
    if (name == QLatin1String("approve"))
        return ExpiryOutcome::Approve;
    return std::nullopt;
}

} // namespace Countersign
