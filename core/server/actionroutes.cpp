#include "actionroutes.h"

#include "actionmutation.h"
#include "actionsubmitter.h"
#include "domain/clock.h"
#include "eventhub.h"
#include "lifecycle/statemachine.h"
#include "queryparameters.h"
#include "reply.h"
#include "requestbodies.h"
#include "router.h"
#include "servercontext.h"
#include "storereply.h"
#include "storeworker.h"
#include "waiterregistry.h"

#include <QJsonArray>
#include <QPointer>

namespace Countersign {

ActionRoutes::ActionRoutes(const ServerContext &context)
    : m(context)
{ }

void ActionRoutes::addTo(Router &router)
{
    using M = QHttpServerRequest::Method;
    router.add(Route{M::Post, QStringLiteral("/v1/actions"), Access::Agent, QStringLiteral("submitAction"),
        QStringLiteral("Submit a proposed action; the policy assigns its tier"), {}, QStringLiteral("SubmitRequest"),
        QStringLiteral("Action"), 201, {400, 409, 413}, [this](const ApiRequest &r, Reply *reply) {
            submit(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/actions/{id}"), Access::Authenticated, QStringLiteral("getAction"),
        QStringLiteral("Read one action; with wait=N, hold the request until it is decided or N seconds pass"),
        {RouteParameter{QStringLiteral("wait"), QStringLiteral("integer"),
            QStringLiteral("seconds to wait while the action is pending (0..55)"), false}},
        {}, QStringLiteral("Action"), 200, {400, 404}, [this](const ApiRequest &r, Reply *reply) {
            get(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/actions"), Access::Authenticated, QStringLiteral("listActions"),
        QStringLiteral("List actions (agents see only their own), one page at a time"),
        {RouteParameter{QStringLiteral("state"), QStringLiteral("string"),
             QStringLiteral("pending, approved, rejected, expired or withdrawn"), false},
            RouteParameter{QStringLiteral("category"), QStringLiteral("string"), QStringLiteral("a category"), false},
            RouteParameter{QStringLiteral("type"), QStringLiteral("string"), QStringLiteral("an action type"), false},
            RouteParameter{QStringLiteral("claimed_by"), QStringLiteral("string"),
                QStringLiteral("only actions this reviewer holds"), false},
            RouteParameter{
                QStringLiteral("sort"), QStringLiteral("string"), QStringLiteral("deadline, age or confidence"), false},
            RouteParameter{
                QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("1..1000, default 50"), false},
            RouteParameter{QStringLiteral("cursor"), QStringLiteral("string"),
                QStringLiteral("next_cursor of the previous page"), false},
            RouteParameter{QStringLiteral("snoozed"), QStringLiteral("string"),
                QStringLiteral("the caller's live snoozes: exclude (a reviewer's default), include (the default for "
                               "leads and agents) or only"),
                false}},
        {}, QStringLiteral("ActionPage"), 200, {400}, [this](const ApiRequest &r, Reply *reply) {
            list(r, reply);
        }});
    router.add(Route{M::Post, QStringLiteral("/v1/actions/{id}/withdraw"), Access::Agent,
        QStringLiteral("withdrawAction"), QStringLiteral("Withdraw a pending action (the submitting agent only)"), {},
        {}, QStringLiteral("Action"), 200, {404, 409}, [this](const ApiRequest &r, Reply *reply) {
            withdraw(r, reply);
        }});
}

void ActionRoutes::submit(const ApiRequest &request, Reply *reply)
{
    auto submitRequest = RequestBodies::submit(request.body);
    if (!submitRequest) {
        reply->sendError(submitRequest.error());
        return;
    }
    QPointer<Reply> guard(reply);
    m.submitter->submit(*submitRequest, request.identity, m.owner, [guard](Result<ActionSubmitter::Outcome> outcome) {
        if (!guard)
            return;
        if (!outcome) {
            guard->sendError(outcome.error());
            return;
        }
        const auto status = outcome->created ? Reply::Status::Created : Reply::Status::Ok;
        // The store already wrote the action as JSON; the answer is those bytes.
        if (!outcome->json.isEmpty())
            guard->sendBytes(status, outcome->json, "application/json");
        else
            guard->sendAction(status, outcome->action);
    });
}

void ActionRoutes::answerCurrent(const QString &id, const Identity &who, Reply *reply)
{
    answerRead<Action>(m.worker, reply, [id, who](ActionStore &actions) -> Result<Action> {
        auto action = actions.action(id);
        if (action && !ActionMutation::checkVisible(*action, who))
            return fail(Error::notFound(QStringLiteral("no action %1").arg(action->id)));
        return action;
    });
}

void ActionRoutes::get(const ApiRequest &request, Reply *reply)
{
    auto wait = QueryParameters::integer(request.query, QStringLiteral("wait"), 0, m.config.limits.maxWaitSeconds, 0);
    if (!wait) {
        reply->sendError(wait.error());
        return;
    }
    const QString id = request.pathArgument;
    const Identity who = request.identity;
    const QByteArray tokenHash = request.tokenHash;
    if (*wait == 0) {
        answerCurrent(id, who, reply);
        return;
    }
    // Long polls hold a connection, as WebSockets do: together they leave the reserved
    // connections to short requests (and /healthz).
    if (m.waiters->count() + m.events->subscribers() >= m.config.limits.maxHeld()) {
        reply->sendError(Error::unavailable(QStringLiteral("too many open long polls and WebSockets; retry shortly")),
            QHttpHeaders::fromListOfPairs({{"Retry-After", "1"}}));
        return;
    }
    QPointer<Reply> guard(reply);
    const qint64 seconds = *wait;
    m.worker->read<Action>(
        m.owner,
        [id](Store &store) {
            return store.action(id);
        },
        [this, guard, who, id, seconds, tokenHash](Result<Action> action) {
            if (!guard)
                return;
            if (action && !ActionMutation::checkVisible(*action, who))
                action = fail(Error::notFound(QStringLiteral("no action %1").arg(id)));
            if (!action) {
                guard->sendError(action.error());
                return;
            }
            if (action->state != ActionState::Pending) {
                guard->sendAction(Reply::Status::Ok, *action);
                return;
            }
            // Registered before the store thread runs any later batch: the decision's event,
            // delivered after this, wakes it.
            m.waiters->add(
                id, guard, std::chrono::seconds(seconds),
                [this, id, who](Reply *r) {
                    answerCurrent(id, who, r);
                },
                tokenHash);
        });
}

void ActionRoutes::list(const ApiRequest &request, Reply *reply)
{
    auto query = QueryParameters::actionQuery(request.query);
    if (!query) {
        reply->sendError(query.error());
        return;
    }
    if (request.identity.role == Role::Agent)
        query->agent = request.identity.name;
    // A reviewer's own live snoozes leave their default listing; leads see everything.
    if (request.identity.role == Role::Reviewer && !request.query.hasQueryItem(QStringLiteral("snoozed")))
        query->snoozed = ActionQuery::Snoozed::Exclude;
    query->snoozer = request.identity.name;
    query->now = m.clock->now();
    answerRead<ActionPage>(
        m.worker, reply,
        [q = *query](ActionStore &actions) {
            return actions.actions(q);
        },
        [](const ActionPage &page) {
            QJsonArray items;
            for (const Action &a : page.items)
                items.append(a.toJson());
            return QJsonObject{{QStringLiteral("items"), items},
                {QStringLiteral("next_cursor"),
                    page.nextCursor.isEmpty() ? QJsonValue() : QJsonValue(page.nextCursor)}};
        });
}

void ActionRoutes::withdraw(const ApiRequest &request, Reply *reply)
{
    const QDateTime now = m.clock->now();
    const QString agent = request.identity.name;
    ActionMutation::answer(m.worker, reply,
        ActionMutation::Spec{request.pathArgument, QStringLiteral("action.withdrawn"), request.identity,
            [agent, now](const Action &a) {
                return StateMachine::withdraw(a, agent, now);
            },
            true});
}

} // namespace Countersign
