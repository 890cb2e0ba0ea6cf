#pragma once

#include "actionchange.h"
#include "domain/action.h"
#include "domain/actionquery.h"
#include "domain/error.h"
#include "queuestats.h"

#include <QList>

#include <optional>

namespace Countersign {

// The actions: reading them, and committing the StateMachine's transitions.
class ActionStore
{
public:
    virtual ~ActionStore() = default;

    virtual Result<Action> action(const QString &id) = 0;
    virtual Result<std::optional<Action>> actionByIdempotencyKey(const QString &agent, const QString &key) = 0;
    virtual Result<ActionPage> actions(const ActionQuery &query) = 0;
    // Pending actions that need the scheduler: SLA passed and not escalated, expiry passed,
    // or a claim whose lease has lapsed. Oldest first.
    virtual Result<QList<Action>> dueActions(const QDateTime &now, int limit) = 0;

    // Persists transitions produced by the StateMachine. The whole list is one transaction
    // (group commit); each change succeeds or fails on its own: a stale expectedVersion gives
    // ErrorCode::Conflict for that change only, a duplicate (agent, idempotency key) on insert
    // gives Conflict too. Each committed change appends one event and one audit entry.
    // Storage failures (busy, locked, disk full, read-only) fail every change with Unavailable.
    virtual QList<Result<CommitResult>> commit(const QList<ActionChange> &changes) = 0;

    virtual Result<QueueStats> queueStats(const QDateTime &now) = 0;
};

} // namespace Countersign
