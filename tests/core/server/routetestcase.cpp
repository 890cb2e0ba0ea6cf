#include "routetestcase.h"

#include <QTest>

namespace Countersign::Test {

void RouteTestCase::initTestCase()
{
    if (const auto reason = unavailableReason())
        QSKIP(qPrintable(*reason));
}

void RouteTestCase::init()
{
    m_server = startServer(config());
    QVERIFY(m_server);
    m_agent = m_server->token(Role::Agent, QStringLiteral("bot"));
    m_rita = m_server->token(Role::Reviewer, QStringLiteral("rita"));
    setUpServer();
}

void RouteTestCase::cleanup()
{
    m_server.reset();
}

ServerConfig RouteTestCase::config() const
{
    return TestServer::defaultConfig();
}

std::unique_ptr<TestServer> RouteTestCase::startServer(ServerConfig serverConfig)
{
    auto server = std::make_unique<TestServer>(std::move(serverConfig));
    if (!server->start())
        return nullptr;
    return server;
}

std::optional<QString> RouteTestCase::unavailableReason() const
{
    return std::nullopt;
}

QString RouteTestCase::submitPending(const QJsonObject &overrides)
{
    const HttpResult r = m_server->submit(m_agent, overrides);
    if (r.status != 201) {
        QTest::qFail(qPrintable(QStringLiteral("submit answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body))),
            __FILE__, __LINE__);
        return {};
    }
    return r.json().value(QLatin1String("id")).toString();
}

} // namespace Countersign::Test
