#include "agentdriver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

namespace Countersign::Test {

AgentDriver::AgentDriver(TestServer &server)
    : m_server(server)
    , m_reviewer(server.token(Role::Reviewer, QStringLiteral("driver-reviewer")))
{ }

bool AgentDriver::start(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment)
{
    if (!environment.isEmpty())
        m_process.setProcessEnvironment(environment);
    m_process.start(program, arguments);
    return m_process.waitForStarted(5000);
}

QJsonObject AgentDriver::waitForPending(int timeoutMs)
{
    QJsonArray items;
    (void)QTest::qWaitFor(
        [&] {
            items = m_server.http()
                        .get(QStringLiteral("/v1/actions?state=pending"), m_reviewer)
                        .json()
                        .value(QLatin1String("items"))
                        .toArray();
            return !items.isEmpty() || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    return items.isEmpty() ? QJsonObject() : items.first().toObject();
}

HttpResult AgentDriver::decide(const QString &id, const QJsonObject &decision)
{
    return m_server.http().post(QStringLiteral("/v1/actions/%1/decision").arg(id), decision, m_reviewer);
}

int AgentDriver::finish(QByteArray *output, int timeoutMs)
{
    // Processes events meanwhile: the in-process server keeps answering.
    (void)QTest::qWaitFor(
        [this] {
            return m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(2000);
        return -1;
    }
    if (output)
        *output = m_process.readAllStandardOutput();
    m_errors = m_process.readAllStandardError();
    if (!m_errors.isEmpty())
        qInfo("agent stderr: %s", m_errors.constData());
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

} // namespace Countersign::Test
