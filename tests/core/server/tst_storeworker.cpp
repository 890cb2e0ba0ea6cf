// The StoreWorker's promise, on a real SQLite file: nothing a task produces (a write's result,
// a read that may have seen a write, a call's answer, an event) leaves the worker before a sync
// that covers every commit it could depend on; batches are committed while an earlier sync
// runs, and one sync covers several of them; reads alone cause no sync.
#include "domain/manualclock.h"
#include "observedstore.h"
#include "server/storeworker.h"
#include "store/sqlite/sqlitestore.h"
#include "storetestdata.h"

#include <QJsonObject>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

class TestStoreWorker : public QObject
{
    Q_OBJECT

    // Starts a worker over an ObservedStore on a new file; returns what the store counts.
    StoreCounters *startWorker(bool allowDeferral, int syncDelayMs)
    {
        const QString path = m_dir.filePath(QStringLiteral("worker-%1.db").arg(++m_counter));
        m_counters = std::make_shared<StoreCounters>();
        m_worker = std::make_unique<StoreWorker>(
            [this, path, allowDeferral, syncDelayMs, counters = m_counters]() -> Result<std::unique_ptr<Store>> {
                return std::unique_ptr<Store>(
                    std::make_unique<ObservedStore>(path, m_clock, counters, allowDeferral, syncDelayMs));
            },
            m_clock, 16);
        if (!m_worker->start())
            return nullptr;
        return m_counters.get();
    }

    // A task inserting one action; on delivery it checks that its commit was durable.
    StoreTask insertTask(StoreCounters *store, const QString &id)
    {
        StoreTask task;
        task.context = this;
        task.plan = [id](Store &) {
            return QList<ActionChange>{insertion(pendingAction(id, T0))};
        };
        task.committed = [this, store, id](const QList<Result<CommitResult>> &results) {
            if (!results.constFirst())
                qWarning("%s", qPrintable(results.constFirst().error().toString()));
            const QMutexLocker lock(&m_mutex);
            m_commitIndex.insert(id, store->commits.load()); // the commit that wrote it has returned
            return false;
        };
        task.deliver = [this, store, id] {
            ++m_delivered;
            if (!isDurable(store, id))
                ++m_early;
        };
        return task;
    }

    bool isDurable(StoreCounters *store, const QString &id)
    {
        const QMutexLocker lock(&m_mutex);
        return m_commitIndex.contains(id) && store->durableCommits.load() >= m_commitIndex.value(id);
    }

    QString synchronousMode()
    {
        auto mode = m_worker->call<QString>([](Store &store) -> Result<QString> {
            auto *sqlite = dynamic_cast<SqliteStore *>(&store);
            if (!sqlite)
                return fail(Error::internal(QStringLiteral("not SQLite")));
            auto d = sqlite->diagnostics();
            if (!d)
                return fail(d.error());
            return d->value(QLatin1String("synchronous")).toVariant().toString();
        });
        return mode ? *mode : QString();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_delivered = 0;
        m_early = 0;
        m_commitIndex.clear();
    }
    void cleanup() { m_worker.reset(); }

    void writesAreDeliveredAfterTheirSync()
    {
        StoreCounters *store = startWorker(true, 15);
        QVERIFY(store);
        QCOMPARE(synchronousMode(), QStringLiteral("1")); // NORMAL: the worker syncs
        constexpr int Tasks = 300;
        for (int i = 0; i < Tasks; ++i) {
            m_worker->post(insertTask(store, QStringLiteral("a-%1").arg(i)));
            if (i % 20 == 0)
                QTest::qWait(3); // let batches form while a sync is held open
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_delivered, Tasks, 20000);
        QCOMPARE(m_early, 0);
        const StoreWorker::Stats stats = m_worker->stats();
        QVERIFY(stats.syncs > 0);
        // Commits went on while syncs ran: fewer syncs than write batches.
        QVERIFY2(stats.syncs < stats.batches,
            qPrintable(QStringLiteral("%1 syncs for %2 batches").arg(stats.syncs).arg(stats.batches)));
    }

    void aReadWaitsForTheSyncOfWhatItSaw()
    {
        StoreCounters *store = startWorker(true, 1000);
        QVERIFY(store);
        m_worker->post(insertTask(store, QStringLiteral("seen")));
        // Read once the insert is committed (a read planned in the same batch would not see it)
        // but, with the sync held open, before it is durable.
        QTRY_VERIFY_WITH_TIMEOUT(
            [this] {
                const QMutexLocker lock(&m_mutex);
                return m_commitIndex.contains(QStringLiteral("seen"));
            }(),
            5000);
        QCOMPARE(m_delivered, 0);
        int readAt = -1;
        bool found = false;
        m_worker->read<Action>(
            this,
            [](Store &s) {
                return s.action(QStringLiteral("seen"));
            },
            [&, store](Result<Action> a) {
                found = bool(a);
                readAt = store->durableCommits.load();
            });
        QTRY_VERIFY_WITH_TIMEOUT(readAt >= 0, 10000);
        QVERIFY(found);
        QCOMPARE(readAt, 1); // the read came out only after the insert it saw was synced
        QTRY_COMPARE(m_delivered, 1);
        QCOMPARE(m_early, 0);
    }

    void callReturnsAfterTheSync()
    {
        StoreCounters *store = startWorker(true, 40);
        QVERIFY(store);
        const int syncsBefore = store->syncs.load();
        auto written = m_worker->call<int>([](Store &s) -> Result<int> {
            const auto r = s.commit({insertion(pendingAction(QStringLiteral("called"), T0))});
            return r.constFirst() ? Result<int>(1) : fail(r.constFirst().error());
        });
        CS_VERIFY_OK(written);
        QVERIFY(store->syncs.load() > syncsBefore);
        QCOMPARE(store->durableCommits.load(), store->commits.load());
    }

    void readsAloneDoNotSync()
    {
        StoreCounters *store = startWorker(true, 0);
        QVERIFY(store);
        m_worker->post(insertTask(store, QStringLiteral("once")));
        QTRY_COMPARE(m_delivered, 1);
        const int syncs = store->syncs.load();
        for (int i = 0; i < 5; ++i) {
            auto read = m_worker->call<Action>([](Store &s) {
                return s.action(QStringLiteral("once"));
            });
            CS_VERIFY_OK(read);
        }
        QCOMPARE(store->syncs.load(), syncs);
    }

    void eventsFollowTheirSync()
    {
        StoreCounters *store = startWorker(true, 20);
        QVERIFY(store);
        int early = 0;
        int events = 0;
        connect(m_worker.get(), &StoreWorker::committed, this, [&, store](const QList<CommittedChange> &changes) {
            for (const CommittedChange &c : changes) {
                ++events;
                if (!isDurable(store, c.action.id))
                    ++early;
            }
        });
        for (int i = 0; i < 50; ++i)
            m_worker->post(insertTask(store, QStringLiteral("e-%1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(events, 50, 10000);
        QCOMPARE(early, 0);
    }

    void withoutDeferralEveryCommitSyncsItself()
    {
        StoreCounters *store = startWorker(false, 0);
        QVERIFY(store);
        QCOMPARE(synchronousMode(), QStringLiteral("2")); // FULL
        for (int i = 0; i < 20; ++i)
            m_worker->post(insertTask(store, QStringLiteral("f-%1").arg(i)));
        QTRY_COMPARE(m_delivered, 20);
        QCOMPARE(m_worker->stats().syncs, 0);
        QCOMPARE(store->syncs.load(), 0);
    }

    void stopDeliversWhatWasCommitted()
    {
        StoreCounters *store = startWorker(true, 30);
        QVERIFY(store);
        for (int i = 0; i < 40; ++i)
            m_worker->post(insertTask(store, QStringLiteral("s-%1").arg(i)));
        m_worker->stop(); // drains the queue and the last sync
        QTRY_COMPARE(m_delivered, 40);
        QCOMPARE(m_early, 0);
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<StoreCounters> m_counters; // outlives the worker's store
    int m_counter = 0;
    ManualClock m_clock{T0};
    std::unique_ptr<StoreWorker> m_worker;
    int m_delivered = 0;
    int m_early = 0;
    QMutex m_mutex;
    QHash<QString, int> m_commitIndex; // action id -> commits returned once its commit had
};

QTEST_GUILESS_MAIN(TestStoreWorker)
#include "tst_storeworker.moc"
