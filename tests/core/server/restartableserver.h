#pragma once

#include "client/serverconnection.h"
#include "domain/clock.h"
#include "server/queueserver.h"
#include "server/role.h"

#include <QTemporaryDir>

#include <memory>

namespace Countersign::Test {

// A real countersign-server in the test process for client and GUI tests: SQLite in a temporary
// directory, a loopback port kept across stop() and start(), so an outage is a real one.
class RestartableServer
{
public:
    RestartableServer();
    ~RestartableServer();

    bool start();
    bool stop();
    bool isRunning() const { return m_server != nullptr; }
    QUrl url() const;
    QString token(Role role, const QString &name);

    QString submit(const QString &title, const QString &content = QStringLiteral("Dear customer,\n\nthank you.\n"));
    // A change: the agent proposes `content` in place of `original`.
    QString submitChange(const QString &title, const QString &original, const QString &content);
    // A patch (payload language "diff"), as a coding agent proposes one.
    QString submitPatch(const QString &title, const QString &patch);
    Action action(const QString &id); // as the server has it now
    bool decide(const QString &id, const Decision &decision, const QString &reviewer);
    bool withdraw(const QString &id); // the agent gives up on its action
    bool revoke(const QString &name); // as an admin

private:
    QTemporaryDir m_dir;
    SystemClock m_clock;
    std::unique_ptr<QueueServer> m_server;
    quint16 m_port = 0;
    ServerConnection m_agent;
    QHash<QString, QString> m_tokens;
};

} // namespace Countersign::Test
