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
        m_largestBatch.load()};
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
    m_running = false;
    m_store->close();
    m_store.reset();
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
    // One posted event per receiving object and batch, not one per task.
    QList<std::pair<QPointer<QObject>, std::vector<std::function<void()>>>> deliveries;
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
    for (auto &[context, functions] : deliveries) {
        if (!context)
            continue;
        QMetaObject::invokeMethod(
            context.data(),
            [calls = std::move(functions)] {
                for (const auto &f : calls)
                    f();
            },
            Qt::QueuedConnection);
    }
    if (!retries.empty()) {
        std::lock_guard lock(m_mutex);
        for (auto it = retries.rbegin(); it != retries.rend(); ++it)
            m_queue.push_front(std::move(*it));
    }

    // Events go out after the replies of the same batch, so a long-poll registered by a read in
    // this batch is in place before the decision that wakes it is announced.
    QList<CommittedChange> committedChanges;
    const QDateTime now = m_clock.now();
    for (qsizetype i = 0; i < results.size(); ++i) {
        const auto &r = results.at(i);
        if (!r || r->eventSeq <= 0)
            continue;
        committedChanges.append(CommittedChange{r->eventSeq, changes.at(i).event, now, r->action});
    }
    if (!committedChanges.isEmpty()) {
        std::sort(
            committedChanges.begin(), committedChanges.end(), [](const CommittedChange &a, const CommittedChange &b) {
                return a.seq < b.seq;
            });
        Q_EMIT committed(committedChanges);
    }
}

} // namespace Countersign
