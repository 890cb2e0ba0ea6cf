#pragma once

#include "testserver.h"

#include <QProcess>

namespace Countersign::Test {

// Runs an agent program (the CLI, the Python example) against an in-process TestServer and
// plays the reviewer: waits until the agent's action is pending, then decides it.
class AgentDriver
{
public:
    explicit AgentDriver(TestServer &server);

    bool start(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment = {});
    // The pending action the agent submitted, once it appears.
    QJsonObject waitForPending(int timeoutMs = 15000);
    HttpResult decide(const QString &id, const QJsonObject &decision);
    // Exit code (-1 on a crash or timeout); stdout in `output`.
    int finish(QByteArray *output = nullptr, int timeoutMs = 20000);
    // What the program wrote to stderr, once finished.
    const QByteArray &errors() const { return m_errors; }

private:
    TestServer &m_server;
    QByteArray m_reviewer;
    QProcess m_process;
    QByteArray m_errors;
};

} // namespace Countersign::Test
