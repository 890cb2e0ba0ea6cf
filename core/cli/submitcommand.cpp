#include "submitcommand.h"

#include "domain/error.h"
#include "domain/traceurl.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStringDecoder>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <cstdio>

namespace Countersign::Cli {

namespace {

constexpr int Approved = 0;
constexpr int Rejected = 1;
constexpr int Gone = 2; // expired or withdrawn
constexpr int Trouble = 3;
constexpr int Pending = 4;
constexpr int MaxAttempts = 6;

void writeTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int trouble(const QString &message)
{
    writeTo(stderr, QStringLiteral("countersign-cli submit: ") + message + u'\n');
    return Trouble;
}

struct Answer {
    int status = 0; // 0: no HTTP answer
    QJsonObject body;
    QString error;
    int retryAfter = 0;
};

// One request, synchronously (a command-line tool has nothing else to do meanwhile).
Answer call(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url, const QByteArray &token,
    const QByteArray &body, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = QJsonDocument::fromJson(reply->readAll()).object();
    a.retryAfter = reply->rawHeader("Retry-After").toInt();
    if (a.status == 0)
        a.error = reply->errorString();
    else if (a.status >= 400)
        a.error = a.body.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
    reply->deleteLater();
    return a;
}

// Retries what is worth retrying: no answer, 429 and 503 (with their Retry-After).
Answer callWithRetries(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url, const QByteArray &token,
    const QByteArray &body, int timeoutMs)
{
    Answer a;
    for (int attempt = 1; attempt <= MaxAttempts; ++attempt) {
        a = call(nam, verb, url, token, body, timeoutMs);
        if (a.status != 0 && a.status != 429 && a.status != 503)
            return a;
        const int seconds = a.retryAfter > 0 ? qMin(a.retryAfter, 30) : qMin(1 << attempt, 30);
        writeTo(stderr,
            QStringLiteral("countersign-cli submit: %1; retrying in %2 s\n")
                .arg(a.status == 0 ? a.error : QStringLiteral("HTTP %1").arg(a.status))
                .arg(seconds));
        QThread::sleep(std::chrono::seconds(seconds));
    }
    return a;
}

// A file's text (- for stdin); the server takes UTF-8 only, so other bytes are an error here.
Result<QString> readText(const QString &name)
{
    QFile file(name);
    const bool opened
        = name == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened)
        return fail(Error::invalid({}, QStringLiteral("cannot read %1: %2").arg(name, file.errorString())));
    const QByteArray bytes = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return fail(Error::invalid({}, QStringLiteral("%1 is not UTF-8 text").arg(name)));
    return text;
}

int exitCodeFor(const QString &state)
{
    if (state == QLatin1String("approved"))
        return Approved;
    if (state == QLatin1String("rejected"))
        return Rejected;
    if (state == QLatin1String("expired") || state == QLatin1String("withdrawn"))
        return Gone;
    if (state == QLatin1String("pending"))
        return Pending;
    return Trouble;
}

} // namespace

CliCommand SubmitCommand::command()
{
    return CliCommand{QStringLiteral("submit"), QStringLiteral("submit an action for countersignature (and wait)"),
        &SubmitCommand::run};
}

int SubmitCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Submits an action to a Countersign server and prints the action JSON.\n"
        "Exit status: 0 approved, 1 rejected, 2 expired or withdrawn, 3 error, 4 pending (without --wait)."));
    parser.addHelpOption();
    const QCommandLineOption server(
        QStringLiteral("server"), QStringLiteral("server URL, e.g. http://127.0.0.1:8470"), QStringLiteral("URL"));
    const QCommandLineOption token(
        QStringLiteral("token"), QStringLiteral("agent token (default: $COUNTERSIGN_TOKEN)"), QStringLiteral("TOKEN"));
    const QCommandLineOption type(
        QStringLiteral("type"), QStringLiteral("action type, e.g. email.send_external"), QStringLiteral("TYPE"));
    const QCommandLineOption title(
        QStringLiteral("title"), QStringLiteral("one line for the reviewer"), QStringLiteral("TEXT"));
    const QCommandLineOption payloadFile(
        QStringLiteral("payload-file"), QStringLiteral("the proposed content (- for stdin)"), QStringLiteral("FILE"));
    const QCommandLineOption originalFile(QStringLiteral("original-file"),
        QStringLiteral("for a change: the text the content replaces, shown as a diff (- for stdin)"),
        QStringLiteral("FILE"));
    const QCommandLineOption language(QStringLiteral("language"),
        QStringLiteral("syntax of the payload (email, sql, python, diff, ...)"), QStringLiteral("LANG"));
    const QCommandLineOption contextFile(QStringLiteral("context-file"),
        QStringLiteral("a JSON object of facts for the policy and reviewer"), QStringLiteral("FILE"));
    const QCommandLineOption confidence(QStringLiteral("confidence"), QStringLiteral("0..1"), QStringLiteral("C"));
    const QCommandLineOption category(QStringLiteral("category"),
        QStringLiteral("category hint for types the policy does not know"), QStringLiteral("NAME"));
    const QCommandLineOption reasoning(
        QStringLiteral("reasoning"), QStringLiteral("why the agent proposes this"), QStringLiteral("TEXT"));
    const QCommandLineOption traceUrl(QStringLiteral("trace-url"),
        QStringLiteral("the agent's run or conversation (http or https), a link for the reviewer"),
        QStringLiteral("URL"));
    const QCommandLineOption wait(QStringLiteral("wait"), QStringLiteral("wait for the decision"));
    parser.addOptions({server, token, type, title, payloadFile, originalFile, language, contextFile, confidence,
        category, reasoning, traceUrl, wait});
    if (!parser.parse(QStringList{QStringLiteral("countersign-cli submit")} + arguments))
        return trouble(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeTo(stdout, parser.helpText());
        return 0;
    }
    for (const auto &required : {server, type, title, payloadFile}) {
        if (!parser.isSet(required))
            return trouble(QStringLiteral("--%1 is required").arg(required.names().constFirst()));
    }
    const QByteArray bearer = parser.isSet(token) ? parser.value(token).toUtf8() : qgetenv("COUNTERSIGN_TOKEN");
    if (bearer.isEmpty())
        return trouble(QStringLiteral("--token or COUNTERSIGN_TOKEN is required"));

    if (parser.value(payloadFile) == QLatin1String("-") && parser.value(originalFile) == QLatin1String("-"))
        return trouble(QStringLiteral("only one of --payload-file and --original-file can read stdin"));
    const auto content = readText(parser.value(payloadFile));
    if (!content)
        return trouble(content.error().message);
    QJsonObject payload{{QStringLiteral("content"), *content}, {QStringLiteral("language"), parser.value(language)}};
    if (parser.isSet(originalFile)) {
        const auto original = readText(parser.value(originalFile));
        if (!original)
            return trouble(original.error().message);
        payload.insert(QStringLiteral("original"), *original);
    }
    QJsonObject body{{QStringLiteral("type"), parser.value(type)}, {QStringLiteral("title"), parser.value(title)},
        {QStringLiteral("payload"), payload},
        {QStringLiteral("idempotency_key"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
    if (parser.isSet(contextFile)) {
        QFile f(parser.value(contextFile));
        if (!f.open(QIODevice::ReadOnly))
            return trouble(QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
        QJsonParseError error;
        const QJsonDocument context = QJsonDocument::fromJson(f.readAll(), &error);
        if (!context.isObject())
            return trouble(QStringLiteral("%1 is not a JSON object").arg(f.fileName()));
        body.insert(QStringLiteral("context"), context.object());
    }
    if (parser.isSet(confidence)) {
        bool ok = false;
        const double c = parser.value(confidence).toDouble(&ok);
        if (!ok || c < 0 || c > 1)
            return trouble(QStringLiteral("--confidence must be a number from 0 to 1"));
        body.insert(QStringLiteral("confidence"), c);
    }
    if (parser.isSet(category))
        body.insert(QStringLiteral("category"), parser.value(category));
    if (parser.isSet(reasoning))
        body.insert(QStringLiteral("reasoning"), parser.value(reasoning));
    if (parser.isSet(traceUrl)) {
        // Checked here with the server's own rules, so a typo is named before anything is sent.
        if (const auto problem = TraceUrl::problem(parser.value(traceUrl)))
            return trouble(QStringLiteral("--trace-url must be a URL such as https://agents.example.com/runs/42: %1")
                    .arg(*problem));
        body.insert(QStringLiteral("trace_url"), parser.value(traceUrl));
    }

    QUrl base(parser.value(server));
    if (!base.isValid() || base.scheme().isEmpty())
        return trouble(QStringLiteral("--server must be a URL such as http://127.0.0.1:8470"));
    auto endpoint = [&base](const QString &path, const QString &query = {}) {
        QUrl u = base;
        u.setPath(path);
        u.setQuery(query);
        return u;
    };

    QNetworkAccessManager nam;
    Answer a = callWithRetries(nam, "POST", endpoint(QStringLiteral("/v1/actions")), bearer,
        QJsonDocument(body).toJson(QJsonDocument::Compact), 30'000);
    if (a.status != 200 && a.status != 201)
        return trouble(QStringLiteral("the server refused the action (HTTP %1): %2").arg(a.status).arg(a.error));
    QJsonObject action = a.body;
    const QString id = action.value(QLatin1String("id")).toString();
    while (parser.isSet(wait) && action.value(QLatin1String("state")).toString() == QLatin1String("pending")) {
        // A long poll: the server answers as soon as a reviewer decides, or after 55 s.
        a = callWithRetries(
            nam, "GET", endpoint(QStringLiteral("/v1/actions/") + id, QStringLiteral("wait=55")), bearer, {}, 70'000);
        if (a.status != 200)
            return trouble(QStringLiteral("cannot read action %1 (HTTP %2): %3").arg(id).arg(a.status).arg(a.error));
        action = a.body;
    }
    writeTo(stdout, QString::fromUtf8(QJsonDocument(action).toJson(QJsonDocument::Indented)));
    return exitCodeFor(action.value(QLatin1String("state")).toString());
}

} // namespace Countersign::Cli
