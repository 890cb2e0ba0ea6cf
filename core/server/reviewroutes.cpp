#include "reviewroutes.h"

#include "actionmutation.h"
#include "domain/clock.h"
#include "domain/decision.h"
#include "lifecycle/statemachine.h"
#include "reply.h"
#include "requestbodies.h"
#include "router.h"
#include "servercontext.h"

namespace Countersign {

Result<Action> ReviewRoutes::decideAction(const Action &action, const Decision &decision, const QDateTime &now)
{
    // Approving what the policy prohibits is a policy violation whatever state the action is
    // in (the policy rejected it on arrival, so "already decided" would hide the real reason).
    if (action.tier == Tier::Prohibited && decision.outcome != Outcome::Reject)
        return fail(Error{ErrorCode::PolicyViolation,
            QStringLiteral("action %1 is prohibited by policy (%2) and can never be approved")
                .arg(action.id, action.tierReason),
            QStringLiteral("outcome")});
    return StateMachine::decide(action, decision, now);
}

ReviewRoutes::ReviewRoutes(const ServerContext &context)
    : m(context)
{ }

void ReviewRoutes::addTo(Router &router)
{
    using M = QHttpServerRequest::Method;
    router.add(Route{M::Post, QStringLiteral("/v1/actions/{id}/claim"), Access::Reviewer, QStringLiteral("claimAction"),
        QStringLiteral("Claim a pending action for review; the claim is a lease that lapses"), {},
        QStringLiteral("ClaimRequest"), QStringLiteral("Action"), 200, {400, 404, 409},
        [this](const ApiRequest &r, Reply *reply) {
            claim(r, reply);
        }});
    router.add(Route{M::Delete, QStringLiteral("/v1/actions/{id}/claim"), Access::Reviewer,
        QStringLiteral("releaseAction"), QStringLiteral("Release a claim (leads may release anyone's)"), {}, {},
        QStringLiteral("Action"), 200, {404, 409}, [this](const ApiRequest &r, Reply *reply) {
            release(r, reply);
        }});
    router.add(
        Route{M::Post, QStringLiteral("/v1/actions/{id}/decision"), Access::Reviewer, QStringLiteral("decideAction"),
            QStringLiteral("Approve, modify (with the edited payload) or reject (with a reason)"), {},
            QStringLiteral("DecisionRequest"), QStringLiteral("Action"), 200, {400, 403, 404, 409},
            [this](const ApiRequest &r, Reply *reply) {
                decide(r, reply);
            }});
    router.add(
        Route{M::Post, QStringLiteral("/v1/actions/{id}/snooze"), Access::Reviewer, QStringLiteral("snoozeAction"),
            QStringLiteral("Set a pending action aside until a time: it leaves your default queue, your claim is "
                           "released; others still see it, marked; its SLA and expiry run on"),
            {}, QStringLiteral("SnoozeRequest"), QStringLiteral("Action"), 200, {400, 404, 409},
            [this](const ApiRequest &r, Reply *reply) {
                snooze(r, reply);
            }});
    router.add(Route{M::Delete, QStringLiteral("/v1/actions/{id}/snooze"), Access::Reviewer,
        QStringLiteral("endSnooze"), QStringLiteral("End a snooze early (leads may end anyone's)"), {}, {},
        QStringLiteral("Action"), 200, {404, 409}, [this](const ApiRequest &r, Reply *reply) {
            endSnooze(r, reply);
        }});
    router.add(
        Route{M::Post, QStringLiteral("/v1/actions/{id}/reassign"), Access::Lead, QStringLiteral("reassignAction"),
            QStringLiteral("Assign a pending action to another reviewer"), {}, QStringLiteral("ReassignRequest"),
            QStringLiteral("Action"), 200, {400, 404, 409}, [this](const ApiRequest &r, Reply *reply) {
                reassign(r, reply);
            }});
}

void ReviewRoutes::claim(const ApiRequest &request, Reply *reply)
{
    auto lease = RequestBodies::claimLease(request.body);
    if (!lease) {
        reply->sendError(lease.error());
        return;
    }
    const auto seconds = lease->has_value() ? std::chrono::seconds(**lease) : m.config.claimLease;
    const QDateTime now = m.clock->now();
    const QString reviewer = request.identity.name;
    ActionMutation::answer(m.worker, reply,
        ActionMutation::Spec{request.pathArgument, QStringLiteral("action.claimed"), request.identity,
            [reviewer, seconds, now](const Action &a) {
                return StateMachine::claim(a, reviewer, seconds, now);
            },
            true});
}

void ReviewRoutes::release(const ApiRequest &request, Reply *reply)
{
    const QDateTime now = m.clock->now();
    const QString reviewer = request.identity.name;
    const bool force = request.identity.role == Role::Lead || request.identity.role == Role::Admin;
    ActionMutation::answer(m.worker, reply,
        ActionMutation::Spec{request.pathArgument, QStringLiteral("action.released"), request.identity,
            [reviewer, force, now](const Action &a) {
                return StateMachine::release(a, reviewer, force, now);
            },
            true});
}

void ReviewRoutes::decide(const ApiRequest &request, Reply *reply)
{
    auto decision = RequestBodies::decision(request.body);
    if (!decision) {
        reply->sendError(decision.error());
        return;
    }
    const QDateTime now = m.clock->now();
    decision->reviewer = request.identity.name;
    decision->decidedAt = now;
    const Decision d = *decision;
    ActionMutation::answer(m.worker, reply,
        ActionMutation::Spec{request.pathArgument, QStringLiteral("action.decided"), request.identity,
            [d, now](const Action &a) {
                return decideAction(a, d, now);
            },
            !d.expectedVersion.has_value()});
}

void ReviewRoutes::snooze(const ApiRequest &request, Reply *reply)
{
    auto body = RequestBodies::snooze(request.body);
    if (!body) {
        reply->sendError(body.error());
        return;
    }
    const QDateTime now = m.clock->now();
    const QDateTime until = body->until.isValid() ? body->until : now.addSecs(body->minutes * 60);
    const QString field = body->field;
    const QString reviewer = request.identity.name;
    ActionMutation::answer(m.worker, reply,
        ActionMutation::Spec{request.pathArgument, QStringLiteral("action.snoozed"), request.identity,
            [reviewer, until, now, field](const Action &a) {
                return StateMachine::snooze(a, reviewer, until, now, field);
            },
            true});
}

void ReviewRoutes::endSnooze(const ApiRequest &request, Reply *reply)
{
    const QDateTime now = m.clock->now();
    const QString reviewer = request.identity.name;
    const bool force = request.identity.role == Role::Lead || request.identity.role == Role::Admin;
    ActionMutation::answer(m.worker, reply,
        ActionMutation::Spec{request.pathArgument, QStringLiteral("action.unsnoozed"), request.identity,
            [reviewer, force, now](const Action &a) {
                return StateMachine::endSnooze(a, reviewer, force, now);
            },
            true});
}

void ReviewRoutes::reassign(const ApiRequest &request, Reply *reply)
{
    auto reviewer = RequestBodies::reassign(request.body);
    if (!reviewer) {
        reply->sendError(reviewer.error());
        return;
    }
    const QDateTime now = m.clock->now();
    const QString to = *reviewer;
    ActionMutation::answer(m.worker, reply,
        ActionMutation::Spec{request.pathArgument, QStringLiteral("action.reassigned"), request.identity,
            [to, now](const Action &a) {
                return StateMachine::reassign(a, to, now);
            },
            true});
}

} // namespace Countersign
