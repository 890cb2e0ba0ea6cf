#pragma once

#include "store/actionchange.h"
#include "store/store.h"

#include <QList>
#include <QPointer>

#include <functional>

namespace Countersign {

// One unit of work for the StoreWorker. The worker plans every queued task against the store,
// commits all their changes in one Store::commit() (group commit), tells each task how its
// changes fared, then delivers each result on the thread of the task's context object.
struct StoreTask {
    // Store thread: read what is needed; return the changes to commit with the batch (may be
    // empty for a read).
    std::function<QList<ActionChange>(Store &store)> plan;
    // Store thread, after the group commit: the results of this task's changes, in order.
    // Record the outcome, then return true to be planned again with the next batch (a
    // conflict worth retrying after a re-read); the recorded outcome stands once retries run out.
    std::function<bool(const QList<Result<CommitResult>> &results)> committed;
    // Once the task is final and everything it could have seen is durable, on whichever worker
    // thread made it so: for a caller that waits on its own (StoreWorker::call()).
    std::function<void()> durable;
    // The context's thread, once the task is final and durable. Skipped if the context is gone.
    std::function<void()> deliver;
    QPointer<QObject> context;
    int attempts = 0;
};

} // namespace Countersign
