#include "statemachine.h"

#include "domain/timeformat.h"

namespace Countersign {

namespace {

Error notPending(const Action &a)
{
    return Error::conflict(QStringLiteral("action %1 is already %2").arg(a.id, actionStateName(a.state)));
}

void clearClaim(Action &a)
{
    a.claimedBy.clear();
    a.claimedAt = QDateTime();
    a.leaseExpiresAt = QDateTime();
}

void clearSnooze(Action &a)
{
    a.snoozedBy.clear();
    a.snoozedUntil = QDateTime();
}

Action next(const Action &a)
{
    Action n = a;
    ++n.version;
    return n;
}

void settle(Action &a, ActionState state, const QString &by, const QString &reason, const QDateTime &now)
{
    a.state = state;
    a.decidedBy = by;
    a.reason = reason;
    a.decidedAt = now;
    clearClaim(a);
    clearSnooze(a); // a decided action waits for no one
}

} // namespace

Result<Action> StateMachine::admit(Action a, const QDateTime &now)
{
    if (a.id.isEmpty())
        return fail(Error::internal(QStringLiteral("an action needs an id before admission")));
    a.state = ActionState::Pending;
    a.version = 1;
    a.modified = false;
    a.finalPayload.reset();
    clearClaim(a);
    if (!a.createdAt.isValid())
        a.createdAt = now;
    switch (a.tier) {
    case Tier::Auto:
        settle(a, ActionState::Approved, QLatin1String(PolicyActor), a.tierReason, now);
        a.finalPayload = a.payload;
        break;
    case Tier::Prohibited:
        settle(a, ActionState::Rejected, QLatin1String(PolicyActor), a.tierReason, now);
        break;
    case Tier::Review:
        break;
    }
    return a;
}

Result<Action> StateMachine::decide(const Action &a, const Decision &d, const QDateTime &now)
{
    if (a.state != ActionState::Pending)
        return fail(notPending(a));
    if (d.expectedVersion && *d.expectedVersion != a.version)
        return fail(Error::conflict(
            QStringLiteral("action %1 is at version %2, not %3").arg(a.id).arg(a.version).arg(*d.expectedVersion)));
    if (a.isClaimedAt(now) && a.claimedBy != d.reviewer)
        return fail(Error::conflict(QStringLiteral("action %1 is claimed by %2").arg(a.id, a.claimedBy)));

    Action n = next(a);
    switch (d.outcome) {
    case Outcome::Approve:
    case Outcome::Modify:
        if (a.tier == Tier::Prohibited)
            return fail(Error{ErrorCode::PolicyViolation,
                QStringLiteral("action %1 is prohibited by policy and can never be approved").arg(a.id),
                QStringLiteral("outcome")});
        if (d.outcome == Outcome::Modify && !d.payload)
            return fail(Error::invalid(QStringLiteral("payload"), QStringLiteral("is required to modify an action")));
        settle(n, ActionState::Approved, d.reviewer, d.reason, now);
        n.finalPayload = d.outcome == Outcome::Modify ? *d.payload : a.payload;
        if (n.finalPayload->language.isEmpty())
            n.finalPayload->language = a.payload.language;
        // A Modify edits the proposal; what it replaces is a fact of the action.
        n.finalPayload->original = a.payload.original;
        n.modified = d.outcome == Outcome::Modify && *n.finalPayload != a.payload;
        break;
    case Outcome::Reject:
        if (d.reason.trimmed().isEmpty())
            return fail(Error::invalid(QStringLiteral("reason"), QStringLiteral("is required to reject an action")));
        settle(n, ActionState::Rejected, d.reviewer, d.reason, now);
        break;
    }
    return n;
}

Result<Action> StateMachine::expire(const Action &a, ExpiryOutcome outcome, bool approveAllowed, const QDateTime &now)
{
    if (a.state != ActionState::Pending)
        return fail(notPending(a));
    Action n = next(a);
    const QString by = QLatin1String(ExpiryActor);
    if (outcome == ExpiryOutcome::Approve && (!approveAllowed || a.tier != Tier::Review))
        outcome = ExpiryOutcome::Reject;
    switch (outcome) {
    case ExpiryOutcome::Approve:
        settle(n, ActionState::Approved, by, QStringLiteral("approved by expiry as the policy allows"), now);
        n.finalPayload = a.payload;
        break;
    case ExpiryOutcome::Reject:
        settle(n, ActionState::Rejected, by, QStringLiteral("no decision before the deadline"), now);
        break;
    case ExpiryOutcome::Expire:
        settle(n, ActionState::Expired, by, QStringLiteral("no decision before the deadline"), now);
        break;
    }
    return n;
}

Result<Action> StateMachine::withdraw(const Action &a, const QString &agent, const QDateTime &now)
{
    if (a.agent != agent)
        return fail(
            Error{ErrorCode::Forbidden, QStringLiteral("only the submitting agent can withdraw an action"), {}});
    if (a.state != ActionState::Pending)
        return fail(notPending(a));
    Action n = next(a);
    settle(n, ActionState::Withdrawn, agent, QStringLiteral("withdrawn by the agent"), now);
    return n;
}

Result<Action> StateMachine::claim(
    const Action &a, const QString &reviewer, std::chrono::seconds lease, const QDateTime &now)
{
    if (a.state != ActionState::Pending)
        return fail(notPending(a));
    if (reviewer.isEmpty())
        return fail(Error::invalid(QStringLiteral("reviewer"), QStringLiteral("is required")));
    if (a.isClaimedAt(now) && a.claimedBy != reviewer)
        return fail(Error::conflict(QStringLiteral("action %1 is claimed by %2").arg(a.id, a.claimedBy)));
    Action n = next(a);
    // Taking up an item one had set aside ends the snooze: it is back in one's hands.
    if (a.snoozedBy == reviewer)
        clearSnooze(n);
    if (n.claimedBy != reviewer || !a.isClaimedAt(now))
        n.claimedAt = now;
    n.claimedBy = reviewer;
    n.leaseExpiresAt = now.addSecs(lease.count());
    return n;
}

Result<Action> StateMachine::release(const Action &a, const QString &reviewer, bool force, const QDateTime &now)
{
    if (a.state != ActionState::Pending)
        return fail(notPending(a));
    if (a.claimedBy.isEmpty())
        return fail(Error::conflict(QStringLiteral("action %1 is not claimed").arg(a.id)));
    if (a.claimedBy != reviewer && !force && a.isClaimedAt(now))
        return fail(Error::conflict(QStringLiteral("action %1 is claimed by %2").arg(a.id, a.claimedBy)));
    Action n = next(a);
    clearClaim(n);
    return n;
}

Result<Action> StateMachine::expireLease(const Action &a, const QDateTime &now)
{
    if (a.state != ActionState::Pending)
        return fail(notPending(a));
    if (a.claimedBy.isEmpty() || a.isClaimedAt(now))
        return fail(Error::conflict(QStringLiteral("the claim on action %1 has not expired").arg(a.id)));
    Action n = next(a);
    clearClaim(n);
    return n;
}

Result<Action> StateMachine::snooze(
    const Action &a, const QString &reviewer, const QDateTime &until, const QDateTime &now, const QString &field)
{
    if (a.state != ActionState::Pending)
        return fail(notPending(a));
    if (reviewer.isEmpty())
        return fail(Error::invalid(QStringLiteral("reviewer"), QStringLiteral("is required")));
    if (!until.isValid())
        return fail(Error::invalid(field, QStringLiteral("is not a valid time")));
    if (until <= now)
        return fail(Error::invalid(field, QStringLiteral("must lie in the future")));
    if (now.secsTo(until) > MaxSnoozeSeconds)
        return fail(Error::invalid(field, QStringLiteral("may lie at most 7 days ahead")));
    // Snoozing past the expiry would hide the item until it is decided by default: the reviewer
    // is told so now, while they can still decide.
    if (a.expiresAt.isValid() && until > a.expiresAt)
        return fail(Error::invalid(field,
            QStringLiteral("lies after the action expires (%1); decide it before then").arg(toIsoUtc(a.expiresAt))));
    if (a.isSnoozedAt(now) && a.snoozedBy != reviewer)
        return fail(Error::conflict(
            QStringLiteral("action %1 is snoozed by %2 until %3").arg(a.id, a.snoozedBy, toIsoUtc(a.snoozedUntil))));
    Action n = next(a);
    n.snoozedBy = reviewer;
    n.snoozedUntil = until;
    if (a.claimedBy == reviewer)
        clearClaim(n);
    return n;
}

Result<Action> StateMachine::endSnooze(const Action &a, const QString &reviewer, bool force, const QDateTime &now)
{
    if (a.state != ActionState::Pending)
        return fail(notPending(a));
    if (!a.isSnoozedAt(now))
        return fail(Error::conflict(QStringLiteral("action %1 is not snoozed").arg(a.id)));
    if (a.snoozedBy != reviewer && !force)
        return fail(Error::conflict(QStringLiteral("action %1 is snoozed by %2").arg(a.id, a.snoozedBy)));
    Action n = next(a);
    clearSnooze(n);
    return n;
}

Result<Action> StateMachine::escalate(const Action &a, const QDateTime &now)
{
    if (a.state != ActionState::Pending)
        return fail(notPending(a));
    if (a.escalated)
        return fail(Error::conflict(QStringLiteral("action %1 is already escalated").arg(a.id)));
    Action n = next(a);
    n.escalated = true;
    n.escalatedAt = now;
    return n;
}

Result<Action> StateMachine::reassign(const Action &a, const QString &reviewer, const QDateTime &now)
{
    Q_UNUSED(now);
    if (a.state != ActionState::Pending)
        return fail(notPending(a));
    if (reviewer.trimmed().isEmpty())
        return fail(Error::invalid(QStringLiteral("reviewer"), QStringLiteral("is required")));
    Action n = next(a);
    n.assignedTo = reviewer;
    clearClaim(n);
    return n;
}

Result<Action> StateMachine::retier(const Action &a, Tier tier, const QString &reason, const QDateTime &now)
{
    if (a.state != ActionState::Pending)
        return fail(notPending(a));
    if (!isStricter(tier, a.tier))
        return fail(Error::conflict(QStringLiteral("a policy change can only make a pending action stricter")));
    Action n = next(a);
    n.tier = tier;
    n.tierReason = reason;
    if (tier == Tier::Prohibited)
        settle(n, ActionState::Rejected, QLatin1String(PolicyActor), reason, now);
    return n;
}

} // namespace Countersign
