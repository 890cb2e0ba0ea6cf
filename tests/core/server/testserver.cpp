#include "testserver.h"

#include "server/scheduler.h"

#include <QSignalSpy>

namespace Countersign::Test {

ServerConfig TestServer::defaultConfig()
{
    ServerConfig c;
    c.address = QHostAddress(QHostAddress::LocalHost);
    c.port = 0;
    c.schedulerTimer = false;
    c.limits.ratePerSecond = 10000;
    c.limits.rateBurst = 10000;
    return c;
}

TestServer::TestServer(ServerConfig config)
    : m_config(std::move(config))
{ }

TestServer::~TestServer()
{
    m_http.reset();
    m_server.reset();
}

bool TestServer::start()
{
    if (!m_dir.isValid())
        return false;
    if (m_config.storeLocation.isEmpty())
        m_config.storeLocation = databasePath();
    m_server = std::make_unique<QueueServer>(m_config, m_clock);
    if (auto started = m_server->start(); !started) {
        qWarning("test server did not start: %s", qPrintable(started.error().toString()));
        return false;
    }
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    return true;
}

QByteArray TestServer::token(Role role, const QString &name)
{
    const QString n = name.isEmpty() ? roleName(role) + QStringLiteral("-1") : name;
    const QString key = roleName(role) + u'/' + n;
    if (const auto it = m_tokens.constFind(key); it != m_tokens.cend())
        return *it;
    auto issued = m_server->issueToken(role, n);
    if (!issued) {
        qWarning("cannot issue a token: %s", qPrintable(issued.error().toString()));
        return {};
    }
    m_tokens.insert(key, *issued);
    return *issued;
}

QJsonObject TestServer::submitBody(const QJsonObject &overrides)
{
    QJsonObject body{{QStringLiteral("type"), QStringLiteral("email.send_external")},
        {QStringLiteral("title"), QStringLiteral("Reply to a customer")},
        {QStringLiteral("payload"),
            QJsonObject{{QStringLiteral("content"), QStringLiteral("Hello,\n\nyour parcel ships today.\n")},
                {QStringLiteral("language"), QStringLiteral("email")}}},
        {QStringLiteral("reasoning"), QStringLiteral("the customer asked")},
        {QStringLiteral("context"), QJsonObject{{QStringLiteral("ticket"), QStringLiteral("T-1")}}},
        {QStringLiteral("confidence"), 0.9}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (it.value().isUndefined())
            body.remove(it.key());
        else
            body.insert(it.key(), it.value());
    }
    return body;
}

HttpResult TestServer::submit(const QByteArray &agentToken, const QJsonObject &overrides)
{
    return m_http->post(QStringLiteral("/v1/actions"), submitBody(overrides), agentToken);
}

bool TestServer::runScheduler(SchedulerReport *report)
{
    QSignalSpy spy(m_server->scheduler(), &Scheduler::passFinished);
    m_server->scheduler()->runOnce();
    if (!spy.wait(10000))
        return false;
    if (report)
        *report = spy.first().first().value<SchedulerReport>();
    return true;
}

} // namespace Countersign::Test
