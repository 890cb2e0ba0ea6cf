#include "mcpcommand.h"

#include "console.h"
#include "mcpserver.h"
#include "serversettings.h"
#include "stdinlinereader.h"

#include <QCommandLineParser>
#include <QEventLoop>

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
    const QCommandLineOption progressInterval(QStringLiteral("progress-interval"),
        QStringLiteral("seconds between progress notifications while a call waits, for requests that ask for "
                       "them with a progressToken (default 5)"),
        QStringLiteral("S"));
    parser.addOptions(
        {ServerSettings::serverOption(), ServerSettings::tokenFileOption(), requestWait, progressInterval});
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
    int progressSeconds = 5;
    if (parser.isSet(progressInterval)) {
        bool ok = false;
        progressSeconds = parser.value(progressInterval).toInt(&ok);
        if (!ok || progressSeconds < 1 || progressSeconds > 55) {
            Console::err(QStringLiteral("countersign-cli mcp: --progress-interval must be 1..55\n"));
            return 2;
        }
    }
    auto settings = ServerSettings::resolve(parser);
    if (!settings) {
        // An MCP client shows a server's stderr when it fails to start.
        Console::err(QStringLiteral("countersign-cli mcp: %1\n").arg(settings.error().message));
        return 2;
    }

    McpServer server(McpApprovalCall::Settings{settings->server, settings->token, waitSeconds, progressSeconds * 1000});
    StdinLineReader input;
    QEventLoop loop;
    QObject::connect(&server, &McpServer::send, &server, [](const QByteArray &line) {
        Console::out(line);
    });
    QObject::connect(&input, &StdinLineReader::lineRead, &server, &McpServer::handleLine);
    // The client closing stdin ends the session, once the calls it left behind are withdrawn.
    QObject::connect(&input, &StdinLineReader::endOfInput, &server, &McpServer::closeInput);
    QObject::connect(&server, &McpServer::finished, &loop, &QEventLoop::quit);
    input.start();
    loop.exec();
    return 0;
}

} // namespace Countersign::Cli
