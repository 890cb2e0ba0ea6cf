#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace Countersign::Cli {

class McpApprovalTools;

// The Model Context Protocol over JSON-RPC 2.0, one message per line (the stdio transport),
// without the transport: each incoming line in, the response line out (none for
// notifications and for responses from the client).
//
// Methods: initialize (with protocol version negotiation: the client's version if we speak it,
// else our newest), notifications/initialized, ping, tools/list, tools/call. Errors follow
// JSON-RPC: -32700 parse error, -32600 invalid request (also batches, which MCP no longer
// has), -32601 unknown method, -32602 invalid params (also an unknown tool).
class McpServer
{
public:
    explicit McpServer(McpApprovalTools &tools);

    static QStringList supportedProtocolVersions(); // newest first
    std::optional<QByteArray> handleLine(const QByteArray &line);
    bool initialized() const { return m_initialized; }
    QString protocolVersion() const { return m_protocolVersion; }

private:
    QJsonObject handleRequest(const QString &method, const QJsonObject &params, const QJsonValue &id);
    QJsonObject initialize(const QJsonObject &params, const QJsonValue &id);
    QJsonObject callTool(const QJsonObject &params, const QJsonValue &id);
    static QJsonObject result(const QJsonValue &id, const QJsonObject &result);
    static QJsonObject error(const QJsonValue &id, int code, const QString &message);
    static QByteArray line(const QJsonObject &message);

    McpApprovalTools &m_tools;
    bool m_initialized = false;
    QString m_protocolVersion;
};

} // namespace Countersign::Cli
