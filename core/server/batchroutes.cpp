#include "batchroutes.h"

#include "domain/clock.h"
#include "domain/decision.h"
#include "httperrors.h"
#include "lifecycle/statemachine.h"
#include "reply.h"
#include "requestbodies.h"
#include "reviewroutes.h"
#include "router.h"
#include "servercontext.h"
#include "store/actionauditsummary.h"
#include "storeworker.h"

#include <QJsonArray>
#include <QPointer>

namespace Countersign {

namespace {

struct BatchState {
    QStringList ids;
    QHash<QString, Result<Action>> results; // by id
    QList<QString> changed; // ids whose change is in the commit, in order
    std::optional<Error> failure; // the whole request failed
    QString category;
};

} // namespace

BatchRoutes::BatchRoutes(const ServerContext &context)
    : m(context)
{ }

void BatchRoutes::addTo(Router &router)
{
    router.add(Route{QHttpServerRequest::Method::Post, QStringLiteral("/v1/decisions/batch"), Access::Reviewer,
        QStringLiteral("decideBatch"),
        QStringLiteral("Approve or reject several actions of one category; one result per id, one commit"), {},
        QStringLiteral("BatchRequest"), QStringLiteral("BatchResult"), 200, {400},
        [this](const ApiRequest &r, Reply *reply) {
            decide(r, reply);
        }});
}

void BatchRoutes::decide(const ApiRequest &request, Reply *reply)
{
    auto batch = RequestBodies::batch(request.body);
    if (!batch) {
        reply->sendError(batch.error());
        return;
    }
    const QDateTime now = m.clock->now();
    batch->decision.reviewer = request.identity.name;
    batch->decision.decidedAt = now;

    auto state = std::make_shared<BatchState>();
    state->ids = batch->ids;
    const Decision d = batch->decision;
    const Identity who = request.identity;
    StoreTask task;
    task.context = m.owner;
    task.plan = [state, d, who, now](Store &store) -> QList<ActionChange> {
        QList<Action> found;
        for (const QString &id : std::as_const(state->ids)) {
            auto a = store.action(id);
            if (!a && a.error().code != ErrorCode::NotFound) {
                state->failure = a.error();
                return {};
            }
            if (!a)
                state->results.insert(id, fail(a.error()));
            else
                found.append(*a);
        }
        if (!found.isEmpty()) {
            state->category = found.first().category;
            QStringList others;
            for (const Action &a : std::as_const(found)) {
                if (a.category != state->category)
                    others.append(QStringLiteral("%1 (%2)").arg(a.id, a.category));
            }
            if (!others.isEmpty()) {
                state->failure = Error::invalid(QStringLiteral("ids"),
                    QStringLiteral("a batch takes actions of one category (%1); these are in others: %2")
                        .arg(state->category, others.join(QStringLiteral(", "))));
                return {};
            }
        }
        QList<ActionChange> changes;
        for (const Action &a : std::as_const(found)) {
            auto next = ReviewRoutes::decideAction(a, d, now);
            if (!next) {
                state->results.insert(a.id, fail(next.error()));
                continue;
            }
            state->changed.append(a.id);
            changes.append(ActionChange{*next, a.version, QStringLiteral("action.decided"), who.name,
                roleName(who.role), actionAuditSummary(a), a});
        }
        return changes;
    };
    task.committed = [state](const QList<Result<CommitResult>> &results) {
        for (qsizetype i = 0; i < results.size() && i < state->changed.size(); ++i) {
            const auto &r = results.at(i);
            state->results.insert(
                state->changed.at(i), r ? Result<Action>(r->action) : Result<Action>(fail(r.error())));
        }
        return false;
    };
    QPointer<Reply> guard(reply);
    task.deliver = [state, guard] {
        if (!guard)
            return;
        if (state->failure) {
            guard->sendError(*state->failure);
            return;
        }
        QJsonArray items;
        int succeeded = 0;
        for (const QString &id : std::as_const(state->ids)) {
            const auto r = state->results.value(id, fail(Error::internal(QStringLiteral("no result"))));
            if (r) {
                ++succeeded;
                items.append(QJsonObject{
                    {QStringLiteral("id"), id}, {QStringLiteral("ok"), true}, {QStringLiteral("action"), r->toJson()}});
            } else {
                QJsonObject item = HttpErrors::body(r.error());
                item.insert(QStringLiteral("id"), id);
                item.insert(QStringLiteral("ok"), false);
                item.insert(QStringLiteral("status"), int(HttpErrors::status(r.error().code)));
                items.append(item);
            }
        }
        guard->sendJson(Reply::Status::Ok,
            QJsonObject{{QStringLiteral("category"), state->category}, {QStringLiteral("results"), items},
                {QStringLiteral("succeeded"), succeeded},
                {QStringLiteral("failed"), int(state->ids.size()) - succeeded}});
    };
    m.worker->post(std::move(task));
}

} // namespace Countersign
