#pragma once

#include "policycondition.h"

#include "domain/tier.h"

#include <QString>

namespace Countersign {

// An entry of `rules` or `prohibitions`: when the condition holds, the action moves to `tier`
// (never looser than where it already is) and `reason` tells the reviewer and the agent why.
struct PolicyRule {
    PolicyCondition when;
    Tier tier = Tier::Review;
    QString reason;
};

} // namespace Countersign
