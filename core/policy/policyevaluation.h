#pragma once

#include "domain/expiryoutcome.h"
#include "domain/tier.h"

#include <QString>
#include <QStringList>

#include <chrono>

namespace Countersign {

// Where the policy puts one action and what its category prescribes. Everything the server
// needs to fill in Action::tier, tierReason, category, unassigned, slaDueAt and expiresAt.
struct PolicyEvaluation {
    Tier tier = Tier::Review;
    QString category;
    QString reason; // why this tier: the type's entry, the last rule that tightened it, a prohibition
    bool unassigned = false; // the policy does not name the type
    std::chrono::seconds sla{};
    std::chrono::seconds expiresAfter{};
    ExpiryOutcome onExpiry = ExpiryOutcome::Reject;
    bool expiryApprovalAllowed = false; // pass to StateMachine::expire as `approveAllowed`
    QStringList escalateTo;

    friend bool operator==(const PolicyEvaluation &, const PolicyEvaluation &) = default;
};

} // namespace Countersign
