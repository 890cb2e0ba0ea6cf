#include "mcpclient.h"

#include "mcpmessages.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

namespace Countersign::Test {

McpClient::~McpClient()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool McpClient::start(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("COUNTERSIGN_TOKEN"));
    env.remove(QStringLiteral("COUNTERSIGN_URL"));
    env.remove(QStringLiteral("COUNTERSIGN_TOKEN_FILE"));
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(COUNTERSIGN_CLI_BINARY), QStringList{QStringLiteral("mcp")} + arguments);
    return m_process.waitForStarted(5000);
}

void McpClient::sendLine(const QByteArray &line)
{
    m_process.write(line + '\n');
}

void McpClient::send(const QJsonObject &message)
{
    sendLine(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

QJsonObject McpClient::receive(int timeoutMs)
{
    (void)QTest::qWaitFor(
        [this] {
            m_buffer += m_process.readAllStandardOutput();
            return m_buffer.contains('\n');
        },
        timeoutMs);
    const qsizetype end = m_buffer.indexOf('\n');
    if (end < 0)
        return {};
    const QByteArray line = m_buffer.left(end);
    m_buffer.remove(0, end + 1);
    return QJsonDocument::fromJson(line).object();
}

QJsonObject McpClient::request(int id, const QString &method, const QJsonObject &params, int timeoutMs)
{
    QJsonObject message{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
        {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        message.insert(QStringLiteral("params"), params);
    send(message);
    return receive(timeoutMs);
}

bool McpClient::handshake()
{
    const QJsonObject init
        = request(1, QStringLiteral("initialize"), McpMessages::initializeParams(QStringLiteral("2025-06-18")));
    send(McpMessages::initialized());
    return init.contains(QLatin1String("result"));
}

bool McpClient::hasPendingOutput()
{
    m_buffer += m_process.readAllStandardOutput();
    return !m_buffer.isEmpty();
}

int McpClient::closeAndWait(int timeoutMs)
{
    m_process.closeWriteChannel();
    // Processes events meanwhile: the in-process server keeps answering.
    (void)QTest::qWaitFor(
        [this] {
            return m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    if (m_process.state() != QProcess::NotRunning)
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QList<QJsonObject> McpClient::remaining()
{
    m_buffer += m_process.readAllStandardOutput();
    QList<QJsonObject> messages;
    for (const QByteArray &line : m_buffer.split('\n')) {
        if (!line.trimmed().isEmpty())
            messages.append(QJsonDocument::fromJson(line).object());
    }
    m_buffer.clear();
    return messages;
}

} // namespace Countersign::Test
