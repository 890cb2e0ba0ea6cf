#pragma once

#include "domain/error.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Countersign::Cli {

// The tools the MCP server offers, without running them (McpApprovalCall does that):
// request_approval (submit, wait up to 55 s, answer the decision or the pending id) and
// check_approval (read, optionally wait). Results follow the MCP CallToolResult shape: text
// content for the model, structuredContent for programs, and isError for failures the model can
// act on (bad arguments, server refusals, no server).
class McpApprovalTools
{
public:
    struct CheckArguments {
        QString id;
        int waitSeconds = 0;
    };

    static QJsonArray definitions();
    static bool knows(const QString &name);

    // The POST /v1/actions body for request_approval's arguments, or what is wrong with them
    // (argument mistakes become tool results with isError, so the model can correct its call).
    static Result<QJsonObject> requestBody(const QJsonObject &arguments);
    static Result<CheckArguments> checkArguments(const QJsonObject &arguments);

    static QJsonObject toolError(const QString &message);
    static QJsonObject decisionResult(const QJsonObject &action);

    static constexpr int MaxWaitSeconds = 55;
};

} // namespace Countersign::Cli
