#include "mcpserver.h"

#include "countersignversion.h"
#include "logging.h"
#include "mcpapprovaltools.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Countersign::Cli {

namespace {

constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InvalidParams = -32602;

} // namespace

McpServer::McpServer(McpApprovalTools &tools)
    : m_tools(tools)
{ }

QStringList McpServer::supportedProtocolVersions()
{
    return {QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18"), QStringLiteral("2025-03-26"),
        QStringLiteral("2024-11-05")};
}

std::optional<QByteArray> McpServer::handleLine(const QByteArray &text)
{
    if (text.trimmed().isEmpty())
        return std::nullopt; // blank lines between messages are harmless
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return line(error(QJsonValue::Null, ParseError, QStringLiteral("Parse error: ") + parseError.errorString()));
    if (doc.isArray())
        return line(
            error(QJsonValue::Null, InvalidRequest, QStringLiteral("Invalid Request: batches are not supported")));
    const QJsonObject message = doc.object();

    const QJsonValue id = message.value(QLatin1String("id"));
    const bool hasId = message.contains(QLatin1String("id"));
    // MCP ids are strings or integers; anything else cannot be answered to.
    const bool idValid = !hasId || id.isString() || (id.isDouble() && id.toDouble() == double(id.toInteger()));
    const QJsonValue replyId = hasId && idValid ? id : QJsonValue(QJsonValue::Null);
    if (message.value(QLatin1String("jsonrpc")).toString() != QLatin1String("2.0"))
        return line(error(replyId, InvalidRequest, QStringLiteral("Invalid Request: jsonrpc must be \"2.0\"")));
    if (!idValid)
        return line(error(
            QJsonValue::Null, InvalidRequest, QStringLiteral("Invalid Request: id must be a string or an integer")));

    const QJsonValue method = message.value(QLatin1String("method"));
    if (!message.contains(QLatin1String("method"))) {
        if (hasId && (message.contains(QLatin1String("result")) || message.contains(QLatin1String("error"))))
            return std::nullopt; // a response; this server sends no requests, so nothing waits for it
        return line(error(replyId, InvalidRequest, QStringLiteral("Invalid Request: method is missing")));
    }
    if (!method.isString())
        return line(error(replyId, InvalidRequest, QStringLiteral("Invalid Request: method must be a string")));
    const QJsonValue params = message.value(QLatin1String("params"));
    if (!params.isUndefined() && !params.isObject()) {
        if (!hasId)
            return std::nullopt;
        return line(error(id, InvalidParams, QStringLiteral("Invalid params: params must be an object")));
    }

    if (!hasId) { // a notification: never answered
        if (method.toString() == QLatin1String("notifications/initialized"))
            m_initialized = true;
        else
            qCDebug(lcCliMcp) << "ignoring notification" << method.toString();
        return std::nullopt;
    }
    return line(handleRequest(method.toString(), params.toObject(), id));
}

QJsonObject McpServer::handleRequest(const QString &method, const QJsonObject &params, const QJsonValue &id)
{
    if (method == QLatin1String("initialize"))
        return initialize(params, id);
    if (method == QLatin1String("ping"))
        return result(id, {});
    if (method == QLatin1String("tools/list"))
        return result(id, QJsonObject{{QStringLiteral("tools"), McpApprovalTools::definitions()}});
    if (method == QLatin1String("tools/call"))
        return callTool(params, id);
    return error(id, MethodNotFound, QStringLiteral("Method not found: ") + method);
}

QJsonObject McpServer::initialize(const QJsonObject &params, const QJsonValue &id)
{
    const QJsonValue requested = params.value(QLatin1String("protocolVersion"));
    if (!requested.isString())
        return error(id, InvalidParams, QStringLiteral("Invalid params: protocolVersion must be a string"));
    const QStringList ours = supportedProtocolVersions();
    m_protocolVersion = ours.contains(requested.toString()) ? requested.toString() : ours.constFirst();
    return result(id,
        QJsonObject{{QStringLiteral("protocolVersion"), m_protocolVersion},
            {QStringLiteral("capabilities"),
                QJsonObject{{QStringLiteral("tools"), QJsonObject{{QStringLiteral("listChanged"), false}}}}},
            {QStringLiteral("serverInfo"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("countersign")},
                    {QStringLiteral("title"), QStringLiteral("Countersign")},
                    {QStringLiteral("version"), QStringLiteral(COUNTERSIGN_VERSION)}}},
            {QStringLiteral("instructions"),
                QStringLiteral("Before any action with consequences (sending, paying, deleting, deploying, running "
                               "commands), call request_approval and carry the action out only if it is approved, "
                               "exactly as approved.")}});
}

QJsonObject McpServer::callTool(const QJsonObject &params, const QJsonValue &id)
{
    const QJsonValue name = params.value(QLatin1String("name"));
    if (!name.isString())
        return error(id, InvalidParams, QStringLiteral("Invalid params: name must be a string"));
    if (!McpApprovalTools::knows(name.toString()))
        return error(id, InvalidParams, QStringLiteral("Unknown tool: ") + name.toString());
    const QJsonValue arguments = params.value(QLatin1String("arguments"));
    if (!arguments.isUndefined() && !arguments.isObject())
        return error(id, InvalidParams, QStringLiteral("Invalid params: arguments must be an object"));
    return result(id, m_tools.call(name.toString(), arguments.toObject()));
}

QJsonObject McpServer::result(const QJsonValue &id, const QJsonObject &result)
{
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
        {QStringLiteral("result"), result}};
}

QJsonObject McpServer::error(const QJsonValue &id, int code, const QString &message)
{
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

QByteArray McpServer::line(const QJsonObject &message)
{
    // Compact JSON escapes newlines inside strings, so one message is one line.
    return QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace Countersign::Cli
