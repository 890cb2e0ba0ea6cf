#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>

namespace Countersign::Test {

// A scripted MCP client: runs `countersign-cli mcp ...` and exchanges JSON-RPC lines with it
// while the test's event loop (and an in-process server) keeps running.
class McpClient
{
public:
    ~McpClient();
    bool start(const QStringList &arguments);
    void sendLine(const QByteArray &line);
    void send(const QJsonObject &message);
    // The next line the server writes, parsed; empty on a timeout.
    QJsonObject receive(int timeoutMs = 15000);
    // A request with the given id, and its response.
    QJsonObject request(int id, const QString &method, const QJsonObject &params = {}, int timeoutMs = 15000);
    // initialize (protocol 2025-06-18) and notifications/initialized; false without a result.
    bool handshake();
    bool hasPendingOutput();
    int closeAndWait(int timeoutMs = 10000);
    // After closeAndWait(): every message the server wrote that was not received yet.
    QList<QJsonObject> remaining();
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_buffer;
};

} // namespace Countersign::Test
