#include "benchservers.h"

#include "domain/clock.h"
#include "server/queueserver.h"
#include "server/role.h"
#include "server/storeworker.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QTcpServer>

using namespace Countersign;

BenchServers::BenchServers(const QString &directory, const QString &volatileDirectory)
    : m_directory(directory)
    , m_volatileDirectory(volatileDirectory)
{
    m_thread.setObjectName(QStringLiteral("bench-servers"));
    m_thread.start();
    moveToThread(&m_thread);
}

BenchServers::~BenchServers()
{
    QMetaObject::invokeMethod(this, "stopInThread", Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool BenchServers::start()
{
    bool ok = false;
    QMetaObject::invokeMethod(this, "startInThread", Qt::BlockingQueuedConnection, qReturnArg(ok));
    return ok;
}

quint16 BenchServers::queuePort(Queue queue) const
{
    const auto &server = queue == Queue::Durable ? m_queue : m_volatileQueue;
    return server ? server->port() : 0;
}

QByteArray BenchServers::token(const QString &role, const QString &name, Queue queue)
{
    QByteArray token;
    QMetaObject::invokeMethod(
        this, "tokenInThread", Qt::BlockingQueuedConnection, qReturnArg(token), role, name, int(queue));
    return token;
}

qint64 BenchServers::storeBatches() const
{
    return m_queue->storeWorker()->stats().batches;
}

qint64 BenchServers::storeChanges() const
{
    return m_queue->storeWorker()->stats().changes;
}

qint64 BenchServers::storeCommitMicros() const
{
    return m_queue->storeWorker()->stats().commitMicros;
}

qint64 BenchServers::storeSyncs() const
{
    return m_queue->storeWorker()->stats().syncs;
}

qint64 BenchServers::storeSyncMicros() const
{
    return m_queue->storeWorker()->stats().syncMicros;
}

qint64 BenchServers::storeCpuMicros() const
{
    return m_queue->storeWorker()->stats().cpuMicros;
}

bool BenchServers::startInThread()
{
    m_noop = std::make_unique<QHttpServer>();
    m_noop->route(QStringLiteral("/noop"), [] {
        return QHttpServerResponse(QJsonObject{{QStringLiteral("ok"), true}});
    });
    auto *tcp = new QTcpServer;
    if (!tcp->listen(QHostAddress::LocalHost, 0) || !m_noop->bind(tcp))
        return false;
    m_noopPort = tcp->serverPort();

    m_clock = std::make_unique<SystemClock>();
    m_queue = startQueue(m_directory);
    if (!m_volatileDirectory.isEmpty())
        m_volatileQueue = startQueue(m_volatileDirectory);
    return m_queue && (m_volatileDirectory.isEmpty() || m_volatileQueue);
}

std::unique_ptr<QueueServer> BenchServers::startQueue(const QString &directory)
{
    ServerConfig config;
    config.port = 0;
    config.storeLocation = directory + QStringLiteral("/bench.db");
    config.limits.ratePerSecond = 1e9;
    config.limits.rateBurst = 1e9;
    config.limits.maxConnections = 4096;
    config.schedulerTimer = false;
    auto queue = std::make_unique<QueueServer>(config, *m_clock);
    if (auto started = queue->start(); !started) {
        qWarning("%s", qPrintable(started.error().toString()));
        return nullptr;
    }
    return queue;
}

QByteArray BenchServers::tokenInThread(const QString &role, const QString &name, int queue)
{
    QueueServer *server = Queue(queue) == Queue::Durable ? m_queue.get() : m_volatileQueue.get();
    return server ? server->issueToken(*roleFromName(role), name).value_or(QByteArray()) : QByteArray();
}

void BenchServers::stopInThread()
{
    m_volatileQueue.reset();
    m_queue.reset();
    m_noop.reset();
}
