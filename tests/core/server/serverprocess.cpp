#include "serverprocess.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

namespace Countersign::Test {

QString ServerProcess::binary()
{
    return QStringLiteral(COUNTERSIGN_SERVER_BINARY);
}

int ServerProcess::runToEnd(const QStringList &arguments, QByteArray *output, int timeoutMs)
{
    QProcess p;
    p.start(binary(), arguments);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (output)
        *output = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QByteArray ServerProcess::createToken(const QString &database, const QString &role, const QString &name)
{
    QByteArray output;
    const int code = runToEnd({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"), role,
                                  QStringLiteral("--name"), name, QStringLiteral("--db"), database},
        &output);
    if (code != 0)
        return {};
    const QList<QByteArray> lines = output.trimmed().split('\n');
    return lines.isEmpty() ? QByteArray() : lines.last().trimmed();
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ServerProcess::start(const QStringList &arguments)
{
    m_output.clear();
    m_url = QUrl();
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(binary(), QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + arguments);
    if (!m_process.waitForStarted(5000))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on (http://[0-9.:]+)"));
    // Processes events (not a blocking wait): the test's own servers and clients keep running.
    (void)QTest::qWaitFor(
        [&] {
            m_output += m_process.readAllStandardOutput();
            if (const auto match = listening.match(QString::fromUtf8(m_output)); match.hasMatch())
                m_url = QUrl(match.captured(1));
            return m_url.isValid() || m_process.state() != QProcess::Running;
        },
        30000); // the demo seeds 90 days first: seconds under a sanitizer build
    if (m_url.isValid())
        return true;
    qWarning(
        "countersign-server did not start: %s %s", m_output.constData(), m_process.readAllStandardError().constData());
    return false;
}

bool ServerProcess::waitForExit(int timeoutMs)
{
    // Processes events meanwhile: the in-process server keeps answering.
    (void)QTest::qWaitFor(
        [this] {
            return m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    m_output += m_process.readAllStandardOutput();
    return m_process.state() == QProcess::NotRunning;
}

} // namespace Countersign::Test
