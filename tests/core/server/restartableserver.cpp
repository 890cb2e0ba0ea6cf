#include "restartableserver.h"

#include "server/serverconfig.h"
#include "testresult.h"

#include <QSignalSpy>
#include <QTest>

namespace Countersign::Test {

RestartableServer::RestartableServer() = default;

RestartableServer::~RestartableServer()
{
    stop();
}

bool RestartableServer::start()
{
    ServerConfig config;
    config.port = m_port;
    config.storeLocation = m_dir.filePath(QStringLiteral("server.db"));
    m_server = std::make_unique<QueueServer>(config, m_clock);
    const auto started = m_server->start();
    if (!started) {
        qWarning() << "server did not start:" << started.error().toString();
        m_server.reset();
        return false;
    }
    m_port = m_server->port();
    m_agent.setServer(url(), token(Role::Agent, QStringLiteral("support-bot")));
    return true;
}

bool RestartableServer::stop()
{
    if (!m_server)
        return true;
    QSignalSpy stopped(m_server.get(), &QueueServer::stopped);
    m_server->shutdown();
    const bool ok = stopped.count() > 0 || stopped.wait(15000);
    m_server.reset();
    return ok;
}

QUrl RestartableServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString RestartableServer::token(Role role, const QString &name)
{
    if (const auto it = m_tokens.constFind(name); it != m_tokens.cend())
        return *it;
    if (!m_server)
        return {}; // tokens are issued while the server runs
    const auto issued = m_server->issueToken(role, name);
    if (!issued)
        return {};
    return *m_tokens.insert(name, QString::fromUtf8(*issued));
}

QString RestartableServer::submit(const QString &title, const QString &content)
{
    return submitChange(title, {}, content);
}

QString RestartableServer::submitChange(const QString &title, const QString &original, const QString &content)
{
    QJsonObject payload{{QStringLiteral("content"), content}, {QStringLiteral("language"), QStringLiteral("markdown")}};
    if (!original.isNull())
        payload.insert(QStringLiteral("original"), original);
    const QJsonObject body{{QStringLiteral("type"), QStringLiteral("email.send_external")},
        {QStringLiteral("title"), title}, {QStringLiteral("payload"), payload},
        {QStringLiteral("reasoning"), QStringLiteral("Because the customer asked.")},
        {QStringLiteral("confidence"), 0.9}};
    const auto r = Test::await(m_agent.sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/actions"), body));
    return r && *r ? (*r)->value(QLatin1String("id")).toString() : QString();
}

QString RestartableServer::submitPatch(const QString &title, const QString &patch)
{
    const QJsonObject body{{QStringLiteral("type"), QStringLiteral("code.merge_patch")},
        {QStringLiteral("title"), title},
        {QStringLiteral("payload"),
            QJsonObject{{QStringLiteral("content"), patch}, {QStringLiteral("language"), QStringLiteral("diff")}}},
        {QStringLiteral("reasoning"), QStringLiteral("The tests pass.")}, {QStringLiteral("confidence"), 0.9}};
    const auto r = await(m_agent.sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/actions"), body));
    return r && *r ? (*r)->value(QLatin1String("id")).toString() : QString();
}

Action RestartableServer::action(const QString &id)
{
    const auto r = Test::await(m_agent.fetchAction(id));
    return r && *r ? **r : Action{};
}

bool RestartableServer::decide(const QString &id, const Decision &decision, const QString &reviewer)
{
    ServerConnection connection;
    connection.setServer(url(), token(Role::Reviewer, reviewer));
    const auto r = Test::await(connection.decide(id, decision));
    return r && *r;
}

bool RestartableServer::revoke(const QString &name)
{
    ServerConnection admin;
    admin.setServer(url(), token(Role::Admin, QStringLiteral("test-admin")));
    const auto r = Test::await(admin.sendJson(QByteArrayLiteral("DELETE"), QStringLiteral("/v1/tokens/") + name, {}));
    return r && *r;
}

bool RestartableServer::withdraw(const QString &id)
{
    const auto r = Test::await(
        m_agent.sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/actions/%1/withdraw").arg(id), {}));
    return r && *r;
}

} // namespace Countersign::Test
