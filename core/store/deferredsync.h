#pragma once

#include "domain/error.h"

#include <functional>

namespace Countersign {

// A store that can commit without waiting for the disk and make those commits durable later,
// from another thread: SQLite in WAL mode writes a commit's frames to the log and a single
// fdatasync of the log covers every commit written before it. The StoreWorker uses this to
// overlap one batch's sync with the next batch's work; it acknowledges nothing before the sync
// that covers it.
struct DeferredSync {
    // Store thread: a count that moves with every row this connection writes, so the worker
    // can tell a batch that wrote (and needs a sync) from one that only read.
    std::function<qint64()> writes;
    // Any thread: makes every commit written so far durable.
    std::function<Result<void>()> sync;
};

} // namespace Countersign
