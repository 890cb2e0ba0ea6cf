#include "hookprocess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

namespace Countersign::Test {

QProcessEnvironment HookProcess::cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("COUNTERSIGN_")))
            env.remove(key);
    }
    return env;
}

bool HookProcess::start(const QStringList &arguments, const QByteArray &input, const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
    m_process.start(QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments);
    if (!m_process.waitForStarted(5000))
        return false;
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    m_process.write(input);
    m_process.closeWriteChannel();
    return true;
}

int HookProcess::finish(int timeoutMs)
{
    // Processes events meanwhile: the in-process server keeps answering.
    (void)QTest::qWaitFor(
        [this] {
            return m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    m_elapsedMs = QDateTime::currentMSecsSinceEpoch() - m_startedAt;
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(2000);
        return -1;
    }
    m_output = m_process.readAllStandardOutput();
    m_errors = m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QJsonObject HookProcess::answer() const
{
    return QJsonDocument::fromJson(m_output).object().value(QLatin1String("hookSpecificOutput")).toObject();
}

} // namespace Countersign::Test
