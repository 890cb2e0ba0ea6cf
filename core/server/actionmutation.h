#pragma once

#include "domain/action.h"
#include "role.h"

#include <QObject>

#include <functional>

namespace Countersign {

class Reply;
class StoreWorker;

// The read-transition-commit cycle every single-action route shares: read the action on the
// store thread, apply one StateMachine transition, commit it with the version it was read at.
// On a version conflict (someone else changed it in between) it re-reads and re-applies, so
// the answer reflects the latest state: "already decided" rather than a bare conflict.
class ActionMutation
{
public:
    using Transition = std::function<Result<Action>(const Action &current)>;

    struct Spec {
        QString actionId;
        QString event; // "action.claimed", ...
        Identity actor;
        Transition transition; // runs on the store thread; must be pure
        bool retryOnConflict = true; // false when the caller named the version it expects
    };

    // `done` runs on `context`'s thread after the commit.
    static void run(StoreWorker *worker, QObject *context, Spec spec, std::function<void(Result<Action>)> done);
    // run(), answering `reply` with the action or the error. The reply is the task's context, so
    // nothing is sent if the client has gone by then (the change still commits).
    static void answer(StoreWorker *worker, Reply *reply, Spec spec);

    // Agents only ever see their own actions; to them another agent's action does not exist.
    static Result<void> checkVisible(const Action &action, const Identity &who);
};

} // namespace Countersign
