#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

class QHttpServer;

namespace Countersign {
class QueueServer;
class SystemClock;
} // namespace Countersign

// The servers under test, on a thread of their own (the load client runs on the main thread,
// the store workers on others): (a) a bare QHttpServer with a no-op route, the ceiling,
// (b) the real QueueServer with SQLite (WAL, the log synced before each answer) in `directory`,
// and, when `volatileDirectory` is given (a tmpfs, where a sync costs nothing), (c) the same
// server on a database there: what the same work costs without durability.
class BenchServers : public QObject
{
    Q_OBJECT
public:
    enum class Queue { Durable, Volatile };

    BenchServers(const QString &directory, const QString &volatileDirectory);
    ~BenchServers() override;

    bool start();
    quint16 noopPort() const { return m_noopPort; }
    quint16 queuePort(Queue queue = Queue::Durable) const;
    QByteArray token(const QString &role, const QString &name, Queue queue = Queue::Durable);
    // Store thread counters (thread-safe): batches, changes, time in commit.
    qint64 storeBatches() const;
    qint64 storeChanges() const;
    qint64 storeCommitMicros() const;
    qint64 storeCpuMicros() const;
    qint64 storeSyncs() const;
    qint64 storeSyncMicros() const;

private:
    Q_INVOKABLE bool startInThread();
    Q_INVOKABLE QByteArray tokenInThread(const QString &role, const QString &name, int queue);
    std::unique_ptr<Countersign::QueueServer> startQueue(const QString &directory);
    Q_INVOKABLE void stopInThread();

    QString m_directory;
    QString m_volatileDirectory;
    QThread m_thread;
    std::unique_ptr<Countersign::SystemClock> m_clock;
    std::unique_ptr<QHttpServer> m_noop;
    std::unique_ptr<Countersign::QueueServer> m_queue;
    std::unique_ptr<Countersign::QueueServer> m_volatileQueue;
    quint16 m_noopPort = 0;
};
