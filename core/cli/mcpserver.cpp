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

// MCP ids and progress tokens are strings or integers.
bool isStringOrInteger(const QJsonValue &v)
{
    return v.isString() || (v.isDouble() && v.toDouble() == double(v.toInteger()));
}

} // namespace

McpServer::McpServer(McpApprovalCall::Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{ }

QStringList McpServer::supportedProtocolVersions()
{
    return {QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18"), QStringLiteral("2025-03-26"),
        QStringLiteral("2024-11-05")};
}

void McpServer::handleLine(const QByteArray &text)
{
    if (m_inputClosed || text.trimmed().isEmpty())
        return; // blank lines between messages are harmless
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return reply(error(QJsonValue::Null, ParseError, QStringLiteral("Parse error: ") + parseError.errorString()));
    if (doc.isArray())
        return reply(
            error(QJsonValue::Null, InvalidRequest, QStringLiteral("Invalid Request: batches are not supported")));
    const QJsonObject message = doc.object();

    const QJsonValue id = message.value(QLatin1String("id"));
    const bool hasId = message.contains(QLatin1String("id"));
    // Anything but a string or an integer cannot be answered to.
    const bool idValid = !hasId || isStringOrInteger(id);
    const QJsonValue replyId = hasId && idValid ? id : QJsonValue(QJsonValue::Null);
    if (message.value(QLatin1String("jsonrpc")).toString() != QLatin1String("2.0"))
        return reply(error(replyId, InvalidRequest, QStringLiteral("Invalid Request: jsonrpc must be \"2.0\"")));
    if (!idValid)
        return reply(error(
            QJsonValue::Null, InvalidRequest, QStringLiteral("Invalid Request: id must be a string or an integer")));

    const QJsonValue method = message.value(QLatin1String("method"));
    if (!message.contains(QLatin1String("method"))) {
        if (hasId && (message.contains(QLatin1String("result")) || message.contains(QLatin1String("error"))))
            return; // a response; this server sends no requests, so nothing waits for it
        return reply(error(replyId, InvalidRequest, QStringLiteral("Invalid Request: method is missing")));
    }
    if (!method.isString())
        return reply(error(replyId, InvalidRequest, QStringLiteral("Invalid Request: method must be a string")));
    const QJsonValue params = message.value(QLatin1String("params"));
    if (!params.isUndefined() && !params.isObject()) {
        if (!hasId)
            return;
        return reply(error(id, InvalidParams, QStringLiteral("Invalid params: params must be an object")));
    }

    if (!hasId) // a notification: never answered
        return handleNotification(method.toString(), params.toObject());
    if (m_running.contains(idKey(id)))
        return reply(error(id, InvalidRequest,
            QStringLiteral("Invalid Request: id %1 belongs to a request still in progress").arg(idKey(id).mid(2))));
    handleRequest(method.toString(), params.toObject(), id);
}

void McpServer::handleNotification(const QString &method, const QJsonObject &params)
{
    if (method == QLatin1String("notifications/initialized"))
        m_initialized = true;
    else if (method == QLatin1String("notifications/cancelled"))
        cancel(params);
    else
        qCDebug(lcCliMcp) << "ignoring notification" << method;
}

void McpServer::handleRequest(const QString &method, const QJsonObject &params, const QJsonValue &id)
{
    if (method == QLatin1String("initialize"))
        return reply(initialize(params, id));
    if (method == QLatin1String("ping"))
        return reply(result(id, {}));
    if (method == QLatin1String("tools/list"))
        return reply(result(id, QJsonObject{{QStringLiteral("tools"), McpApprovalTools::definitions()}}));
    if (method == QLatin1String("tools/call"))
        return callTool(params, id);
    reply(error(id, MethodNotFound, QStringLiteral("Method not found: ") + method));
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

void McpServer::callTool(const QJsonObject &params, const QJsonValue &id)
{
    const QJsonValue name = params.value(QLatin1String("name"));
    if (!name.isString())
        return reply(error(id, InvalidParams, QStringLiteral("Invalid params: name must be a string")));
    if (!McpApprovalTools::knows(name.toString()))
        return reply(error(id, InvalidParams, QStringLiteral("Unknown tool: ") + name.toString()));
    const QJsonValue arguments = params.value(QLatin1String("arguments"));
    if (!arguments.isUndefined() && !arguments.isObject())
        return reply(error(id, InvalidParams, QStringLiteral("Invalid params: arguments must be an object")));
    if (m_open.size() >= MaxRunningCalls)
        return reply(result(id,
            McpApprovalTools::toolError(
                QStringLiteral("%1 tool calls are already running; wait for one to finish").arg(m_open.size()))));

    const QJsonValue token = params.value(QLatin1String("_meta")).toObject().value(QLatin1String("progressToken"));
    auto *call = new McpApprovalCall(m_settings, name.toString(), arguments.toObject(), this);
    const QString key = idKey(id);
    m_running.insert(key, call);
    m_open.insert(call);
    if (isStringOrInteger(token)) {
        connect(call, &McpApprovalCall::progress, this,
            [this, token](double progress, double total, const QString &message) {
                QJsonObject p{{QStringLiteral("progressToken"), token}, {QStringLiteral("progress"), progress},
                    {QStringLiteral("message"), message}};
                if (total > 0)
                    p.insert(QStringLiteral("total"), total);
                reply(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                    {QStringLiteral("method"), QStringLiteral("notifications/progress")},
                    {QStringLiteral("params"), p}});
            });
    }
    connect(call, &McpApprovalCall::finished, this, [this, call, key, id](const QJsonObject &answer) {
        if (m_running.value(key) == call)
            m_running.remove(key);
        reply(result(id, answer));
    });
    connect(call, &McpApprovalCall::closed, this, [this, call] {
        callClosed(call);
    });
    call->start();
}

void McpServer::cancel(const QJsonObject &params)
{
    // Unknown or finished requests are ignored: the answer may have crossed the cancellation.
    const QJsonValue id = params.value(QLatin1String("requestId"));
    if (!isStringOrInteger(id)) {
        qCDebug(lcCliMcp) << "ignoring notifications/cancelled without a valid requestId";
        return;
    }
    McpApprovalCall *call = m_running.take(idKey(id));
    if (!call)
        return;
    qCInfo(lcCliMcp).noquote() << "request" << idKey(id).mid(2)
                               << "cancelled by the client:" << params.value(QLatin1String("reason")).toString();
    call->cancel();
}

void McpServer::closeInput()
{
    if (m_inputClosed)
        return;
    m_inputClosed = true;
    // Nobody is left to act on an answer: pending actions leave the reviewers' queue.
    const QList<McpApprovalCall *> running = m_running.values();
    m_running.clear();
    for (McpApprovalCall *call : running)
        call->cancel();
    if (m_open.isEmpty())
        Q_EMIT finished();
}

void McpServer::callClosed(McpApprovalCall *call)
{
    if (!m_open.remove(call))
        return;
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (it.value() == call) {
            m_running.erase(it);
            break;
        }
    }
    call->deleteLater();
    if (m_inputClosed && m_open.isEmpty())
        Q_EMIT finished();
}

void McpServer::reply(const QJsonObject &message)
{
    Q_EMIT send(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

QString McpServer::idKey(const QJsonValue &id)
{
    // "7" and 7 are different ids.
    return id.isString() ? QStringLiteral("s:") + id.toString() : QStringLiteral("n:%1").arg(id.toInteger());
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

} // namespace Countersign::Cli
