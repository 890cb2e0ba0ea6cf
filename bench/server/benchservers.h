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
// the store worker on a third): (a) a bare QHttpServer with a no-op route, the ceiling, and
// (b) the real QueueServer with SQLite (WAL, the log synced before each answer) in `directory`.
class BenchServers : public QObject
{
    Q_OBJECT
public:
    explicit BenchServers(const QString &directory);
    ~BenchServers() override;

    bool start();
    quint16 noopPort() const { return m_noopPort; }
    quint16 queuePort() const { return m_queuePort; }
    QByteArray token(const QString &role, const QString &name);
    // Store thread counters (thread-safe): batches, changes, time in commit.
    qint64 storeBatches() const;
    qint64 storeChanges() const;
    qint64 storeCommitMicros() const;
    qint64 storeCpuMicros() const;
    qint64 storeSyncs() const;
    qint64 storeSyncMicros() const;

private:
    Q_INVOKABLE bool startInThread();
    Q_INVOKABLE QByteArray tokenInThread(const QString &role, const QString &name);
    Q_INVOKABLE void stopInThread();

    QString m_directory;
    QThread m_thread;
    std::unique_ptr<Countersign::SystemClock> m_clock;
    std::unique_ptr<QHttpServer> m_noop;
    std::unique_ptr<Countersign::QueueServer> m_queue;
    quint16 m_noopPort = 0;
    quint16 m_queuePort = 0;
};
