#include "observedstore.h"

#include <QThread>

namespace Countersign::Test {

ObservedStore::ObservedStore(const QString &path, const Clock &clock, std::shared_ptr<StoreCounters> counters,
    bool allowDeferral, int syncDelayMs)
    : SqliteStore(path, clock)
    , m_counters(std::move(counters))
    , m_allowDeferral(allowDeferral)
    , m_syncDelayMs(syncDelayMs)
{ }

std::optional<DeferredSync> ObservedStore::deferSync()
{
    if (!m_allowDeferral)
        return std::nullopt;
    auto deferred = SqliteStore::deferSync();
    if (!deferred)
        return deferred;
    return DeferredSync{deferred->writes, [this, counters = m_counters, sync = deferred->sync]() -> Result<void> {
                            const int covered = counters->commits.load();
                            if (m_syncDelayMs > 0)
                                QThread::msleep(ulong(m_syncDelayMs));
                            auto synced = sync();
                            if (synced) {
                                counters->durableCommits = covered;
                                ++counters->syncs;
                            }
                            return synced;
                        }};
}

QList<Result<CommitResult>> ObservedStore::commit(const QList<ActionChange> &changes)
{
    auto results = SqliteStore::commit(changes);
    ++m_counters->commits;
    return results;
}

} // namespace Countersign::Test
