#pragma once

#include "committedchange.h"
#include "domain/clock.h"
#include "storetask.h"

#include <QObject>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class QThread;

namespace Countersign {

// Owns the Store on a thread of its own, so the server's event loop never waits on the
// database. Whatever is queued while a batch runs becomes the next batch: its writes share one
// transaction and one fsync (group commit), so durability does not cost throughput. A reply is
// delivered only after the commit that makes it true is durable.
//
// When the store can defer durability (Store::deferSync(), SQLite), a second thread syncs: the
// store thread commits batch N+1 while batch N's log is synced, and one sync covers every batch
// committed before it. Results, replies and events of a batch, reads included, go out only after
// the sync that follows it, so nothing a client sees can be lost to a power cut.
class StoreWorker : public QObject
{
    Q_OBJECT
public:
    using Factory = std::function<Result<std::unique_ptr<Store>>()>;

    struct Stats {
        qint64 batches = 0;
        qint64 tasks = 0;
        qint64 changes = 0;
        qint64 commitMicros = 0; // total (wall) time spent in Store::commit
        qint64 cpuMicros = 0; // CPU time of the store thread spent on batches
        qint64 largestBatch = 0;
        qint64 syncs = 0; // deferred syncs (0 when every commit syncs on its own)
        qint64 syncMicros = 0; // total (wall) time of the deferred syncs
    };

    StoreWorker(Factory factory, const Clock &clock, int maxBatch, QObject *parent = nullptr);
    ~StoreWorker() override;

    // Starts the thread and opens the store there; returns once it is open (or failed).
    Result<void> start();
    // Runs what is queued, closes the store and joins the thread.
    void stop();
    bool isRunning() const { return m_running.load(); }

    void post(StoreTask task);
    qsizetype queued() const;
    Stats stats() const;

    // A read on the store thread whose result is delivered on `context`'s thread.
    template<typename T>
    void read(QObject *context, std::function<Result<T>(Store &)> fn, std::function<void(Result<T>)> done)
    {
        auto result = std::make_shared<std::optional<Result<T>>>();
        StoreTask task;
        task.context = context;
        task.plan = [fn = std::move(fn), result](Store &store) {
            result->emplace(fn(store));
            return QList<ActionChange>();
        };
        task.deliver = [done = std::move(done), result] {
            done(std::move(**result));
        };
        post(std::move(task));
    }

    // Runs `fn` on the store thread and waits for it: for start-up and the rare synchronous
    // look-up. Never call it from the store thread.
    template<typename T>
    Result<T> call(std::function<Result<T>(Store &)> fn, std::chrono::milliseconds timeout = std::chrono::seconds(10))
    {
        auto promise = std::make_shared<std::promise<Result<T>>>();
        std::future<Result<T>> future = promise->get_future();
        StoreTask task;
        auto result = std::make_shared<std::optional<Result<T>>>();
        task.plan = [fn = std::move(fn), result](Store &store) {
            result->emplace(fn(store));
            return QList<ActionChange>();
        };
        task.durable = [promise, result] {
            promise->set_value(std::move(**result));
        };
        post(std::move(task));
        if (future.wait_for(timeout) != std::future_status::ready)
            return fail(Error::unavailable(QStringLiteral("the store did not answer in time")));
        return future.get();
    }

Q_SIGNALS:
    // Emitted on the worker's own thread after each durable commit, with the committed changes
    // in sequence order, right after the replies to that thread's tasks of the same batch.
    void committed(const QList<Countersign::CommittedChange> &changes);

private:
    // What a batch sends out once it is durable.
    struct Completion {
        bool wrote = true;
        std::vector<std::function<void()>> durable;
        QList<std::pair<QPointer<QObject>, std::vector<std::function<void()>>>> deliveries;
        QList<CommittedChange> committed;
    };

    void run();
    void runBatch(std::deque<StoreTask> &batch);
    void complete(Completion &completion);
    void runSync();

    Factory m_factory;
    const Clock &m_clock;
    const int m_maxBatch;
    QThread *m_thread = nullptr;
    std::unique_ptr<Store> m_store; // touched only on the store thread
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<StoreTask> m_queue;
    bool m_stopping = false;
    std::atomic<bool> m_running{false};
    std::promise<Result<void>> m_opened;

    std::optional<DeferredSync> m_deferred; // set on the store thread before the first batch
    qint64 m_writesSeen = -1; // the store's write count after the previous batch
    std::thread m_syncThread;
    std::mutex m_syncMutex;
    std::condition_variable m_syncWake;
    std::deque<Completion> m_toSync;
    bool m_syncStopping = false;

    std::atomic<qint64> m_batches{0};
    std::atomic<qint64> m_tasks{0};
    std::atomic<qint64> m_changes{0};
    std::atomic<qint64> m_commitMicros{0};
    std::atomic<qint64> m_largestBatch{0};
    std::atomic<qint64> m_cpuMicros{0};
    std::atomic<qint64> m_syncs{0};
    std::atomic<qint64> m_syncMicros{0};
};

} // namespace Countersign
