#include "mcpcommand.h"

#include "approvalclient.h"
#include "console.h"
#include "mcpapprovaltools.h"
#include "mcpserver.h"
#include "serversettings.h"

#include <QCommandLineParser>

#include <iostream>
#include <string>

namespace Countersign::Cli {

CliCommand McpCommand::command()
{
    return CliCommand{
        QStringLiteral("mcp"), QStringLiteral("serve request_approval over MCP (stdio)"), &McpCommand::run};
}

int McpCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("An MCP server on stdin/stdout with the tools request_approval and check_approval."));
    parser.addHelpOption();
    const QCommandLineOption requestWait(QStringLiteral("request-wait"),
        QStringLiteral("seconds request_approval waits for a decision before it answers pending (default 55)"),
        QStringLiteral("S"));
    parser.addOptions({ServerSettings::serverOption(), ServerSettings::tokenFileOption(), requestWait});
    if (!parser.parse(QStringList{QStringLiteral("countersign-cli mcp")} + arguments)) {
        Console::err(QStringLiteral("countersign-cli mcp: %1\n").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Console::out(parser.helpText());
        return 0;
    }
    int waitSeconds = 55;
    if (parser.isSet(requestWait)) {
        bool ok = false;
        waitSeconds = parser.value(requestWait).toInt(&ok);
        if (!ok || waitSeconds < 0 || waitSeconds > 55) {
            Console::err(QStringLiteral("countersign-cli mcp: --request-wait must be 0..55\n"));
            return 2;
        }
    }
    auto settings = ServerSettings::resolve(parser);
    if (!settings) {
        // An MCP client shows a server's stderr when it fails to start.
        Console::err(QStringLiteral("countersign-cli mcp: %1\n").arg(settings.error().message));
        return 2;
    }

    ApprovalClient client(settings->server, settings->token);
    McpApprovalTools tools(client);
    tools.setRequestWaitSeconds(waitSeconds);
    McpServer server(tools);
    // Blocking reads are right here: messages are handled in order and the network calls run
    // their own event loops. The client closing stdin ends the session.
    std::string text;
    while (std::getline(std::cin, text)) {
        if (auto reply = server.handleLine(QByteArray::fromStdString(text)))
            Console::out(*reply);
    }
    return 0;
}

} // namespace Countersign::Cli
