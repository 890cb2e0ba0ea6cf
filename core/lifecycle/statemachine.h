#pragma once

#include "domain/action.h"
#include "domain/decision.h"
#include "domain/expiryoutcome.h"

#include <chrono>

namespace Countersign {

// The only writer of Action::state. Every path (admission, decision, batch, expiry, withdrawal,
// policy reload, claims) goes through these functions, so the invariants live in one place:
//  - a decided action is never decided again;
//  - a prohibited action never reaches Approved;
//  - a tier only ever becomes stricter.
// Each successful transition returns the new value with `version` incremented; illegal
// transitions return a typed Error and leave the input untouched.
class StateMachine
{
public:
    // A freshly submitted action whose tier, category and deadlines the policy has set.
    // Auto -> approved by policy, Prohibited -> rejected with the rule as reason, Review -> pending.
    static Result<Action> admit(Action proposed, const QDateTime &now);

    static Result<Action> decide(const Action &action, const Decision &decision, const QDateTime &now);

    // The category's default outcome. Approve is honoured only when `approveAllowed` (the policy
    // says so explicitly) and the action is not prohibited; otherwise it falls back to reject.
    static Result<Action> expire(
        const Action &action, ExpiryOutcome outcome, bool approveAllowed, const QDateTime &now);

    static Result<Action> withdraw(const Action &action, const QString &agent, const QDateTime &now);

    static Result<Action> claim(
        const Action &action, const QString &reviewer, std::chrono::seconds lease, const QDateTime &now);
    // `force` lets a lead release someone else's claim.
    static Result<Action> release(const Action &action, const QString &reviewer, bool force, const QDateTime &now);
    static Result<Action> expireLease(const Action &action, const QDateTime &now);

    // A reviewer's "not now": hidden from their queue until `until`, their claim released. The
    // SLA and expiry run on. `until` must lie ahead of `now`, within MaxSnooze, and not after the
    // action expires (errors name `field`, the request field the time came from). The reviewer
    // may move their own snooze; another reviewer's live snooze is a conflict.
    static Result<Action> snooze(const Action &action, const QString &reviewer, const QDateTime &until,
        const QDateTime &now, const QString &field = QStringLiteral("until"));
    // Ends a live snooze early; `force` lets a lead end someone else's.
    static Result<Action> endSnooze(const Action &action, const QString &reviewer, bool force, const QDateTime &now);

    static Result<Action> escalate(const Action &action, const QDateTime &now);
    static Result<Action> reassign(const Action &action, const QString &reviewer, const QDateTime &now);

    // A policy reload: the new tier applies only if it is stricter; a pending action that
    // becomes prohibited is rejected at once.
    static Result<Action> retier(const Action &action, Tier tier, const QString &reason, const QDateTime &now);

    static constexpr qint64 MaxSnoozeSeconds = 7 * 24 * 3600;
    static constexpr auto PolicyActor = "policy";
    static constexpr auto ExpiryActor = "expiry";
};

} // namespace Countersign
