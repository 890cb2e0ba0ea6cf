#include "storeworker.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QThread>

#include <ctime>

namespace Countersign {

namespace {

constexpr int MaxAttempts = 5;

qint64 threadCpuMicros()
{
#ifdef Q_OS_UNIX
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1'000'000 + t.tv_nsec / 1000;
#else
    return 0;
#endif
}

} // namespace

StoreWorker::StoreWorker(Factory factory, const Clock &clock, int maxBatch, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_clock(clock)
    , m_maxBatch(qMax(1, maxBatch))
{ }

StoreWorker::~StoreWorker()
{
    stop();
}

Result<void> StoreWorker::start()
{
    if (m_thread)
        return fail(Error::internal(QStringLiteral("the store worker is already started")));
    m_opened = std::promise<Result<void>>();
    auto opened = m_opened.get_future();
    m_stopping = false;
    m_thread = QThread::create([this] {
        run();
    });
    m_thread->setObjectName(QStringLiteral("countersign-store"));
    m_thread->start();
    Result<void> result = opened.get();
    if (!result) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    return result;
}

void StoreWorker::stop()
{
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void StoreWorker::post(StoreTask task)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
}

qsizetype StoreWorker::queued() const
{
    std::lock_guard lock(m_mutex);
    return qsizetype(m_queue.size());
}

StoreWorker::Stats StoreWorker::stats() const
{
    return Stats{m_batches.load(), m_tasks.load(), m_changes.load(), m_commitMicros.load(), m_cpuMicros.load(),
        m_largestBatch.load(), m_syncs.load(), m_syncMicros.load()};
}

void StoreWorker::run()
{
    auto created = m_factory();
    if (!created) {
        m_opened.set_value(fail(created.error()));
        return;
    }
    m_store = std::move(*created);
    if (auto opened = m_store->open(); !opened) {
        m_store.reset();
        m_opened.set_value(fail(opened.error()));
        return;
    }
    m_deferred = m_store->deferSync();
    if (m_deferred) {
        m_syncStopping = false;
        m_syncThread = std::thread([this] {
            runSync();
        });
    }
    m_running = true;
    m_opened.set_value({});

    for (;;) {
        std::deque<StoreTask> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] {
                return m_stopping || !m_queue.empty();
            });
            if (m_queue.empty())
                break; // stopping, and nothing left to do
            while (!m_queue.empty() && int(batch.size()) < m_maxBatch) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        runBatch(batch);
    }
    if (m_syncThread.joinable()) {
        {
            std::lock_guard lock(m_syncMutex);
            m_syncStopping = true;
        }
        m_syncWake.notify_all();
        m_syncThread.join(); // after the last sync and its deliveries
    }
    m_deferred.reset();
    m_running = false;
    m_store->close();
    m_store.reset();
}

void StoreWorker::runSync()
{
    for (;;) {
        std::deque<Completion> ready;
        {
            std::unique_lock lock(m_syncMutex);
            m_syncWake.wait(lock, [this] {
                return m_syncStopping || !m_toSync.empty();
            });
            if (m_toSync.empty())
                break;
            ready.swap(m_toSync);
        }
        const bool wrote = std::any_of(ready.begin(), ready.end(), [](const Completion &c) {
            return c.wrote;
        });
        if (wrote) {
            QElapsedTimer timer;
            timer.start();
            if (auto synced = m_deferred->sync(); !synced) {
                // After a failed fsync the kernel may have dropped the pages it could not write, so
                // a retry proves nothing. Acknowledge none of it: stop here, and let the restart
                // recover what reached the disk (as PostgreSQL does).
                qCCritical(lcServer) << "the store's log could not be synced; stopping without acknowledging"
                                     << "what it did not cover:" << synced.error().message;
                std::abort();
            }
            ++m_syncs;
            m_syncMicros += timer.nsecsElapsed() / 1000;
        }
        for (Completion &c : ready)
            complete(c);
    }
}

void StoreWorker::complete(Completion &completion)
{
    for (const auto &f : completion.durable)
        f();
    // Replies to objects on this worker's thread (the server's) and the batch's events go out in
    // one posted call, replies first: a long-poll registered by a read in this batch is in place
    // before the decision that wakes it is announced, and no client can see an answer before
    // the events of its batch are published (a WebSocket hello then counts them).
    QList<std::pair<QPointer<QObject>, std::vector<std::function<void()>>>> local;
    for (auto &[context, functions] : completion.deliveries) {
        if (!context)
            continue;
        if (context->thread() == thread()) {
            local.append({context, std::move(functions)});
            continue;
        }
        QMetaObject::invokeMethod(
            context.data(),
            [calls = std::move(functions)] {
                for (const auto &f : calls)
                    f();
            },
            Qt::QueuedConnection);
    }
    if (local.empty() && completion.committed.isEmpty())
        return;
    QMetaObject::invokeMethod(
        this,
        [this, calls = std::move(local), changes = std::move(completion.committed)] {
            for (const auto &[context, functions] : calls) {
                if (!context)
                    continue; // gone since: as a posted call to it would be dropped
                for (const auto &f : functions)
                    f();
            }
            if (!changes.isEmpty())
                Q_EMIT committed(changes);
        },
        Qt::QueuedConnection);
}

void StoreWorker::runBatch(std::deque<StoreTask> &batch)
{
    const qint64 cpuStart = threadCpuMicros();
    const auto countCpu = qScopeGuard([this, cpuStart] {
        m_cpuMicros += threadCpuMicros() - cpuStart;
    });
    QList<ActionChange> changes;
    QList<std::pair<qsizetype, qsizetype>> spans; // each task's slice of `changes`
    spans.reserve(qsizetype(batch.size()));
    for (StoreTask &task : batch) {
        QList<ActionChange> planned = task.plan ? task.plan(*m_store) : QList<ActionChange>();
        spans.append({changes.size(), planned.size()});
        changes.append(std::move(planned));
    }

    QList<Result<CommitResult>> results;
    if (!changes.isEmpty()) {
        QElapsedTimer timer;
        timer.start();
        results = m_store->commit(changes);
        m_commitMicros += timer.nsecsElapsed() / 1000;
        if (results.size() != changes.size()) {
            qCCritical(lcServer) << "the store answered" << results.size() << "results for" << changes.size()
                                 << "changes";
            results.resize(changes.size(), fail(Error::internal(QStringLiteral("the store lost a change"))));
        }
    }
    ++m_batches;
    m_tasks += qint64(batch.size());
    m_changes += changes.size();
    if (qint64(batch.size()) > m_largestBatch)
        m_largestBatch = qint64(batch.size());

    std::deque<StoreTask> retries;
    Completion completion;
    // One posted event per receiving object and batch, not one per task.
    auto &deliveries = completion.deliveries;
    qsizetype index = 0;
    for (StoreTask &task : batch) {
        const auto [from, count] = spans.at(index++);
        bool retry = false;
        if (task.committed && count > 0)
            retry = task.committed(results.mid(from, count));
        if (retry && ++task.attempts < MaxAttempts) {
            retries.push_back(std::move(task));
            continue;
        }
        if (task.durable)
            completion.durable.push_back(std::move(task.durable));
        if (!task.deliver || !task.context)
            continue;
        auto it = std::find_if(deliveries.begin(), deliveries.end(), [&task](const auto &d) {
            return d.first == task.context;
        });
        if (it == deliveries.end()) {
            deliveries.append({task.context, {}});
            it = deliveries.end() - 1;
        }
        it->second.push_back(std::move(task.deliver));
    }
    if (!retries.empty()) {
        std::lock_guard lock(m_mutex);
        for (auto it = retries.rbegin(); it != retries.rend(); ++it)
            m_queue.push_front(std::move(*it));
    }

    const QDateTime now = m_clock.now();
    for (qsizetype i = 0; i < results.size(); ++i) {
        const auto &r = results.at(i);
        if (!r || r->eventSeq <= 0)
            continue;
        completion.committed.append(CommittedChange{r->eventSeq, changes.at(i).event, now, r->action});
    }
    std::sort(completion.committed.begin(), completion.committed.end(),
        [](const CommittedChange &a, const CommittedChange &b) {
            return a.seq < b.seq;
        });

    if (!m_deferred) {
        complete(completion);
        return;
    }
    // Whether this batch wrote anything (reads alone need no sync, but still wait their turn:
    // they may have seen a write the previous sync did not cover yet).
    const qint64 writes = m_deferred->writes();
    completion.wrote = writes < 0 || writes != m_writesSeen;
    m_writesSeen = writes;
    {
        std::lock_guard lock(m_syncMutex);
        m_toSync.push_back(std::move(completion));
    }
    m_syncWake.notify_one();
}

} // namespace Countersign
