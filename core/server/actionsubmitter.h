#pragma once

#include "role.h"
#include "submitrequest.h"

#include <QObject>

#include <functional>

namespace Countersign {

class Clock;
class PolicyEngine;
class StoreWorker;

// Admission of a new action, shared by POST /v1/actions and the demo feed: the policy places
// it, the state machine admits it, the store commits it (with its event and audit entry)
// before anyone is told. An idempotency key makes a retried submit return the first action;
// the same key with a different body is a conflict.
class ActionSubmitter
{
public:
    struct Outcome {
        Action action;
        bool created = true; // false: an earlier submit with the same key and body
        QByteArray json; // `action` as compact JSON when the store already made it, else empty
    };

    ActionSubmitter(StoreWorker *worker, const PolicyEngine *policy, const Clock *clock);

    // `done` runs on `context`'s thread.
    void submit(const SubmitRequest &request, const Identity &agent, QObject *context,
        std::function<void(Result<Outcome>)> done) const;

private:
    StoreWorker *m_worker;
    const PolicyEngine *m_policy;
    const Clock *m_clock;
};

} // namespace Countersign
