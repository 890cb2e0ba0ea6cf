#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Countersign::Test {

// JSON-RPC messages an MCP client sends to `countersign-cli mcp`, and the reading of its answers.
class McpMessages
{
public:
    static QJsonObject initializeParams(const QString &protocolVersion);
    static QJsonObject initialized();
    static QJsonObject toolCall(const QJsonValue &id, const QString &name, const QJsonObject &arguments,
        const QJsonValue &progressToken = QJsonValue::Undefined);
    static QJsonObject cancelled(
        const QJsonValue &requestId, const QString &reason = QStringLiteral("the user pressed Esc"));
    // request_approval arguments for a type the demo policy sends to review.
    static QJsonObject refund(const QString &title);
    // result.structuredContent.state of a tools/call response.
    static QString stateIn(const QJsonObject &response);
    static QString actionIdIn(const QJsonObject &response);
};

} // namespace Countersign::Test
