#pragma once

#include <QString>

#include <optional>

namespace Countersign {

// What happens to a pending action when its category's expiry passes.
// Approve is only legal where the policy explicitly allows silent approval, and never
// for a prohibited action (the state machine enforces the latter).
enum class ExpiryOutcome { Reject, Expire, Approve };

QString expiryOutcomeName(ExpiryOutcome outcome);
std::optional<ExpiryOutcome> expiryOutcomeFromName(const QString &name);

} // namespace Countersign
