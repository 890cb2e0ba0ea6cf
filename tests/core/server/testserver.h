#pragma once

#include "domain/manualclock.h"
#include "httpclient.h"
#include "server/queueserver.h"
#include "server/role.h"
#include "server/scheduler.h"

#include <QHash>
#include <QTemporaryDir>

#include <memory>

namespace Countersign::Test {

// A real QueueServer in the test process: SQLite in a temporary directory, port 0 on
// loopback, a ManualClock, the scheduler timer off (tests call runScheduler()).
class TestServer
{
public:
    static ServerConfig defaultConfig();

    explicit TestServer(ServerConfig config = defaultConfig());
    ~TestServer();

    bool start();
    QueueServer &server() { return *m_server; }
    ManualClock &clock() { return m_clock; }
    HttpClient &http() { return *m_http; }
    QUrl url() const { return m_server->baseUrl(); }
    quint16 port() const { return m_server->port(); }
    QString databasePath() const { return m_dir.filePath(QStringLiteral("countersign.db")); }

    // A token for `name` (created on first use) with that role.
    QByteArray token(Role role, const QString &name = {});

    // A valid POST /v1/actions body (a review-tier external email) with `overrides` applied.
    static QJsonObject submitBody(const QJsonObject &overrides = {});
    // Submits as the agent and returns the answer.
    HttpResult submit(const QByteArray &agentToken, const QJsonObject &overrides = {});

    // One scheduler pass; false if it did not finish in time.
    bool runScheduler(SchedulerReport *report = nullptr);

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    ServerConfig m_config;
    std::unique_ptr<QueueServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QHash<QString, QByteArray> m_tokens;
};

} // namespace Countersign::Test
