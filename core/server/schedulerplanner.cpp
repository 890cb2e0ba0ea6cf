#include "schedulerplanner.h"

#include "lifecycle/statemachine.h"
#include "store/actionauditsummary.h"

namespace Countersign {

namespace {

ActionChange change(const Action &before, const Action &after, const QString &event, const QString &actor)
{
    return ActionChange{
        after, before.version, event, actor, QStringLiteral("system"), actionAuditSummary(before), before};
}

} // namespace

SchedulerPlanner::Plan SchedulerPlanner::plan(const QList<Action> &due, const RulesFor &rules, const QDateTime &now)
{
    Plan plan;
    const QString scheduler = QLatin1String(SchedulerActor);
    for (const Action &a : due) {
        if (a.state != ActionState::Pending)
            continue;
        const CategoryRules r = rules(a);
        if (a.expiresAt.isValid() && a.expiresAt <= now) {
            auto expired = StateMachine::expire(a, r.onExpiry, r.expiryApprovalAllowed, now);
            if (expired) {
                plan.changes.append(
                    change(a, *expired, QStringLiteral("action.expired"), QLatin1String(StateMachine::ExpiryActor)));
                ++plan.expired;
            }
            continue;
        }
        // Several steps may apply to one action; each change builds on the previous one and
        // the store applies them in order within the same commit.
        Action current = a;
        if (!current.claimedBy.isEmpty() && !current.isClaimedAt(now)) {
            if (auto released = StateMachine::expireLease(current, now)) {
                plan.changes.append(change(current, *released, QStringLiteral("action.released"), scheduler));
                current = *released;
                ++plan.leasesReleased;
            }
        }
        if (current.slaDueAt.isValid() && current.slaDueAt <= now && !current.escalated) {
            if (auto escalated = StateMachine::escalate(current, now)) {
                plan.changes.append(change(current, *escalated, QStringLiteral("action.escalated"), scheduler));
                current = *escalated;
                ++plan.escalated;
            }
            if (!r.escalateTo.isEmpty() && current.assignedTo.isEmpty() && !current.isClaimedAt(now)) {
                if (auto reassigned = StateMachine::reassign(current, r.escalateTo.first(), now)) {
                    plan.changes.append(change(current, *reassigned, QStringLiteral("action.reassigned"), scheduler));
                    current = *reassigned;
                    ++plan.reassigned;
                }
            }
        }
    }
    return plan;
}

} // namespace Countersign
