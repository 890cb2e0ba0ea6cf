#pragma once

#include "store/sqlite/sqlitestore.h"

#include <atomic>
#include <memory>

namespace Countersign::Test {

// What an ObservedStore counts. Shared, so a test can still read it once the store is gone.
struct StoreCounters {
    std::atomic<int> commits{0}; // commit() calls that returned
    std::atomic<int> syncs{0}; // deferred syncs that succeeded
    std::atomic<int> durableCommits{0}; // commits that had returned before the latest such sync began
};

// A real SQLite store seen from outside: counts the commits that returned and the syncs that
// covered them, so tests can tell when a result was durable; everything else is the store's own.
// `syncDelayMs` holds each deferred sync open a little, widening the window a premature
// delivery would fall into.
class ObservedStore final : public SqliteStore
{
public:
    ObservedStore(const QString &path, const Clock &clock, std::shared_ptr<StoreCounters> counters, bool allowDeferral,
        int syncDelayMs = 0);

    std::optional<DeferredSync> deferSync() override;
    QList<Result<CommitResult>> commit(const QList<ActionChange> &changes) override;

private:
    std::shared_ptr<StoreCounters> m_counters;
    const bool m_allowDeferral;
    const int m_syncDelayMs;
};

} // namespace Countersign::Test
