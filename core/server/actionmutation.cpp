#include "actionmutation.h"

#include "reply.h"
#include "store/actionauditsummary.h"
#include "storeworker.h"

namespace Countersign {

Result<void> ActionMutation::checkVisible(const Action &action, const Identity &who)
{
    if (who.role == Role::Agent && action.agent != who.name)
        return fail(Error::notFound(QStringLiteral("no action %1").arg(action.id)));
    return {};
}

void ActionMutation::run(StoreWorker *worker, QObject *context, Spec spec, std::function<void(Result<Action>)> done)
{
    auto outcome = std::make_shared<Result<Action>>(fail(Error::internal(QStringLiteral("not run"))));
    auto s = std::make_shared<Spec>(std::move(spec));
    StoreTask task;
    task.context = context;
    task.plan = [s, outcome](Store &store) -> QList<ActionChange> {
        auto current = store.action(s->actionId);
        if (!current) {
            *outcome = fail(current.error());
            return {};
        }
        if (auto visible = checkVisible(*current, s->actor); !visible) {
            *outcome = fail(visible.error());
            return {};
        }
        auto next = s->transition(*current);
        if (!next) {
            *outcome = fail(next.error());
            return {};
        }
        return {ActionChange{*next, current->version, s->event, s->actor.name, roleName(s->actor.role),
            actionAuditSummary(*current), *current}};
    };
    task.committed = [s, outcome](const QList<Result<CommitResult>> &results) {
        const auto &r = results.first();
        if (r) {
            *outcome = r->action;
            return false;
        }
        *outcome = fail(r.error());
        return r.error().code == ErrorCode::Conflict && s->retryOnConflict;
    };
    task.deliver = [outcome, done = std::move(done)] {
        done(std::move(*outcome));
    };
    worker->post(std::move(task));
}

void ActionMutation::answer(StoreWorker *worker, Reply *reply, Spec spec)
{
    run(worker, reply, std::move(spec), [reply](const Result<Action> &action) {
        reply->send(action);
    });
}

} // namespace Countersign
