#pragma once

#include "approvalclient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Countersign::Cli {

// The tools the MCP server offers: request_approval (submit, wait up to 55 s, answer the
// decision or the pending id) and check_approval (read, optionally wait). Results follow the
// MCP CallToolResult shape: text content for the model, structuredContent for programs, and
// isError for failures the model can act on (bad arguments, server refusals, no server).
class McpApprovalTools
{
public:
    explicit McpApprovalTools(ApprovalClient &client);

    static QJsonArray definitions();
    static bool knows(const QString &name);
    QJsonObject call(const QString &name, const QJsonObject &arguments);

    // How long request_approval waits before it answers "pending" (countersign-cli mcp --request-wait).
    void setRequestWaitSeconds(int seconds) { m_requestWaitSeconds = seconds; }

private:
    QJsonObject requestApproval(const QJsonObject &arguments);
    QJsonObject checkApproval(const QJsonObject &arguments);
    static QJsonObject toolError(const QString &message);
    static QJsonObject decisionResult(const QJsonObject &action);

    ApprovalClient &m_client;
    int m_requestWaitSeconds = 55;
};

} // namespace Countersign::Cli
