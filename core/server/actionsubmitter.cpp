#include "actionsubmitter.h"

#include "domain/clock.h"
#include "policy/policyengine.h"
#include "storeworker.h"

namespace Countersign {

namespace {

Error keyReused(const QString &key)
{
    return Error{ErrorCode::Conflict,
        QStringLiteral("idempotency_key \"%1\" was already used with a different request").arg(key),
        QStringLiteral("idempotency_key")};
}

} // namespace

ActionSubmitter::ActionSubmitter(StoreWorker *worker, const PolicyEngine *policy, const Clock *clock)
    : m_worker(worker)
    , m_policy(policy)
    , m_clock(clock)
{ }

void ActionSubmitter::submit(const SubmitRequest &request, const Identity &agent, QObject *context,
    std::function<void(Result<Outcome>)> done) const
{
    const QDateTime now = m_clock->now();
    auto admitted = request.admit(agent.name, m_policy->evaluate(request.facts()), now);
    if (!admitted) {
        done(fail(admitted.error()));
        return;
    }
    auto outcome = std::make_shared<Result<Outcome>>(fail(Error::internal(QStringLiteral("not run"))));
    auto action = std::make_shared<Action>(std::move(*admitted));
    const QString agentName = agent.name;

    StoreTask task;
    task.context = context;
    task.plan = [action, outcome, agentName](Store &store) -> QList<ActionChange> {
        if (!action->idempotencyKey.isEmpty()) {
            auto earlier = store.actionByIdempotencyKey(agentName, action->idempotencyKey);
            if (!earlier) {
                *outcome = fail(earlier.error());
                return {};
            }
            if (*earlier) {
                if ((*earlier)->requestHash == action->requestHash)
                    *outcome = Outcome{**earlier, false, {}};
                else
                    *outcome = fail(keyReused(action->idempotencyKey));
                return {};
            }
        }
        return {ActionChange{*action, 0, QStringLiteral("action.created"), agentName, roleName(Role::Agent), {}, {}}};
    };
    task.committed = [outcome, action](const QList<Result<CommitResult>> &results) {
        const auto &r = results.first();
        if (r) {
            *outcome = Outcome{r->action, true, r->json};
            return false;
        }
        *outcome = fail(r.error());
        // A conflict on insert is the same key committed by a concurrent submit: look again.
        return r.error().code == ErrorCode::Conflict && !action->idempotencyKey.isEmpty();
    };
    task.deliver = [outcome, done = std::move(done)] {
        done(std::move(*outcome));
    };
    m_worker->post(std::move(task));
}

} // namespace Countersign
