#include "mcpmessages.h"

namespace Countersign::Test {

namespace {

QJsonObject structured(const QJsonObject &response)
{
    return response.value(QLatin1String("result")).toObject().value(QLatin1String("structuredContent")).toObject();
}

} // namespace

QJsonObject McpMessages::initializeParams(const QString &protocolVersion)
{
    return QJsonObject{{QStringLiteral("protocolVersion"), protocolVersion},
        {QStringLiteral("capabilities"), QJsonObject{}},
        {QStringLiteral("clientInfo"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("tst_mcpserver")},
                {QStringLiteral("version"), QStringLiteral("1")}}}};
}

QJsonObject McpMessages::initialized()
{
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("method"), QStringLiteral("notifications/initialized")}};
}

QJsonObject McpMessages::toolCall(
    const QJsonValue &id, const QString &name, const QJsonObject &arguments, const QJsonValue &progressToken)
{
    QJsonObject params{{QStringLiteral("name"), name}, {QStringLiteral("arguments"), arguments}};
    if (!progressToken.isUndefined())
        params.insert(QStringLiteral("_meta"), QJsonObject{{QStringLiteral("progressToken"), progressToken}});
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
        {QStringLiteral("method"), QStringLiteral("tools/call")}, {QStringLiteral("params"), params}};
}

QJsonObject McpMessages::cancelled(const QJsonValue &requestId, const QString &reason)
{
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("method"), QStringLiteral("notifications/cancelled")},
        {QStringLiteral("params"),
            QJsonObject{{QStringLiteral("requestId"), requestId}, {QStringLiteral("reason"), reason}}}};
}

QJsonObject McpMessages::refund(const QString &title)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("refund.issue")}, {QStringLiteral("title"), title},
        {QStringLiteral("content"), QStringLiteral("refund 40 EUR")}};
}

QString McpMessages::stateIn(const QJsonObject &response)
{
    return structured(response).value(QLatin1String("state")).toString();
}

QString McpMessages::actionIdIn(const QJsonObject &response)
{
    return structured(response).value(QLatin1String("id")).toString();
}

} // namespace Countersign::Test
