#include "hookcommand.h"

#include "approvalclient.h"
#include "claudehookanswer.h"
#include "claudehookrequest.h"
#include "claudetranscript.h"
#include "console.h"
#include "serversettings.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

namespace Countersign::Cli {

namespace {

constexpr int DefaultTimeoutSeconds = 300;

int answer(const ClaudeHookAnswer &a)
{
    Console::out(QJsonDocument(a.toJson()).toJson(QJsonDocument::Compact) + '\n');
    return 0;
}

int refuse(const QString &message)
{
    Console::err(QStringLiteral("countersign-cli hook: ") + message + u'\n');
    return answer(ClaudeHookAnswer::deny(QStringLiteral("Countersign hook: ") + message));
}

ClaudeHookAnswer fallbackAnswer(bool ask, const QString &why)
{
    const QString text = QStringLiteral("Countersign: %1").arg(why);
    return ask ? ClaudeHookAnswer::ask(text + QStringLiteral("; asking you instead"))
               : ClaudeHookAnswer::deny(text + QStringLiteral("; denied to be safe"));
}

} // namespace

CliCommand HookCommand::command()
{
    return CliCommand{
        QStringLiteral("hook"), QStringLiteral("answer an agent's permission hook (claude-code)"), &HookCommand::run};
}

int HookCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Claude Code PreToolUse hook: reads the hook input on stdin, waits for a human countersignature in "
        "Countersign and prints the permission decision as JSON. Always exits 0."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("agent"), QStringLiteral("the agent host: claude-code"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        QStringLiteral("seconds to wait for a decision (default %1)").arg(DefaultTimeoutSeconds), QStringLiteral("S"));
    const QCommandLineOption fallback(QStringLiteral("fallback"),
        QStringLiteral("when the server is unreachable or no decision comes in time: deny (default) or ask"),
        QStringLiteral("deny|ask"));
    parser.addOptions({ServerSettings::serverOption(), ServerSettings::tokenFileOption(), timeout, fallback});

    // Every answer below, even to a wrong command line, is a JSON deny: Claude Code treats a
    // failed hook as no objection, which must never happen by accident.
    if (!parser.parse(QStringList{QStringLiteral("countersign-cli hook")} + arguments))
        return refuse(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        Console::out(parser.helpText());
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList{QStringLiteral("claude-code")})
        return refuse(
            QStringLiteral("usage: countersign-cli hook claude-code [OPTIONS] (the only agent host supported)"));
    const QString fallbackName = parser.value(fallback).isEmpty() ? QStringLiteral("deny") : parser.value(fallback);
    if (fallbackName != QLatin1String("deny") && fallbackName != QLatin1String("ask"))
        return refuse(QStringLiteral("--fallback must be deny or ask, not \"%1\"").arg(fallbackName));
    const bool ask = fallbackName == QLatin1String("ask");
    int timeoutSeconds = DefaultTimeoutSeconds;
    if (parser.isSet(timeout)) {
        bool ok = false;
        timeoutSeconds = parser.value(timeout).toInt(&ok);
        if (!ok || timeoutSeconds < 1 || timeoutSeconds > 24 * 3600)
            return refuse(QStringLiteral("--timeout must be a number of seconds from 1 to 86400"));
    }
    const QDeadlineTimer deadline{std::chrono::seconds(timeoutSeconds)};

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return refuse(QStringLiteral("cannot read the hook input from stdin"));
    auto request = ClaudeHookRequest::parse(in.readAll());
    if (!request)
        return refuse(QStringLiteral("malformed hook input: %1").arg(request.error().toString()));

    auto settings = ServerSettings::resolve(parser);
    if (!settings) {
        Console::err(QStringLiteral("countersign-cli hook: %1\n").arg(settings.error().message));
        return answer(fallbackAnswer(ask, settings.error().message));
    }

    ApprovalClient client(settings->server, settings->token);
    const QString reasoning = ClaudeTranscript::lastAssistantText(request->transcriptPath());
    auto submitted = client.submit(request->submitBody(reasoning), deadline);
    if (!submitted) {
        Console::err(QStringLiteral("countersign-cli hook: %1\n").arg(submitted.error().toString()));
        if (submitted.error().code == ErrorCode::Unavailable)
            return answer(fallbackAnswer(ask,
                QStringLiteral("cannot reach %1 (%2)").arg(settings->server.toString(), submitted.error().message)));
        return answer(ClaudeHookAnswer::deny(
            QStringLiteral("Countersign: the server refused the request: %1").arg(submitted.error().toString())));
    }
    const QString id = submitted->value(QLatin1String("id")).toString();
    auto decided = client.awaitDecision(*submitted, deadline);
    if (!decided) {
        Console::err(QStringLiteral("countersign-cli hook: %1\n").arg(decided.error().toString()));
        return answer(fallbackAnswer(
            ask, QStringLiteral("lost the server while waiting for action %1 (%2)").arg(id, decided.error().message)));
    }
    if (ApprovalClient::isPending(*decided)) {
        // Nobody will act on this tool call any more: take it out of the reviewers' queue.
        const QDeadlineTimer grace{std::chrono::seconds(5)};
        if (auto withdrawn = client.withdraw(id, grace); withdrawn)
            decided = *withdrawn;
        else if (auto now = client.fetch(id, 0, grace); withdrawn.error().code == ErrorCode::Conflict && now)
            decided = *now; // decided meanwhile
        else
            Console::err(QStringLiteral("countersign-cli hook: cannot withdraw action %1: %2\n")
                    .arg(id, withdrawn.error().toString()));
        // A reviewer may have decided in the last moment: that decision stands.
        if (decided->value(QLatin1String("state")).toString() == QLatin1String("withdrawn")
            || ApprovalClient::isPending(*decided))
            return answer(fallbackAnswer(
                ask, QStringLiteral("no decision on action %1 within %2 s").arg(id).arg(timeoutSeconds)));
    }
    return answer(ClaudeHookAnswer::forAction(*request, *decided,
        fallbackAnswer(ask, QStringLiteral("no decision on action %1 within %2 s").arg(id).arg(timeoutSeconds))));
}

} // namespace Countersign::Cli
