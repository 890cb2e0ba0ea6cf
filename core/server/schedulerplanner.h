#pragma once

#include "domain/action.h"
#include "domain/expiryoutcome.h"
#include "store/actionchange.h"

#include <QStringList>

#include <functional>

namespace Countersign {

// What the scheduler does to actions that are due, as pure logic over values (tested with a
// ManualClock, no store): expiry applies the category's default outcome through
// StateMachine::expire (which never approves what the policy does not allow, nor anything
// prohibited); a lapsed claim returns the action to the queue; a passed SLA escalates it, and
// hands it to the category's first escalation contact when nobody holds it.
class SchedulerPlanner
{
public:
    struct CategoryRules {
        ExpiryOutcome onExpiry = ExpiryOutcome::Reject;
        bool expiryApprovalAllowed = false;
        QStringList escalateTo;
    };
    using RulesFor = std::function<CategoryRules(const Action &action)>;

    struct Plan {
        QList<ActionChange> changes;
        int expired = 0;
        int escalated = 0;
        int leasesReleased = 0;
        int reassigned = 0;
    };

    static Plan plan(const QList<Action> &due, const RulesFor &rules, const QDateTime &now);

    static constexpr auto SchedulerActor = "scheduler";
};

} // namespace Countersign
