#include "policycommand.h"

#include "report/simulationreport.h"
#include "serversettings.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <cstdio>

namespace Countersign::Cli {

namespace {

constexpr int Unchanged = 0;
constexpr int Moves = 1;
constexpr int Trouble = 2;

void writeTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int trouble(const QString &message)
{
    writeTo(stderr, QStringLiteral("countersign-cli policy simulate: ") + message + u'\n');
    return Trouble;
}

QString usage()
{
    return QStringLiteral("Usage: countersign-cli policy simulate --policy FILE [--from T] [--to T] [--json]\n");
}

QString hours(double seconds)
{
    return QString::number(seconds / 3600.0, 'f', 1);
}

} // namespace

CliCommand PolicyCommand::command()
{
    return CliCommand{QStringLiteral("policy"),
        QStringLiteral("policy simulate: what a policy file would have done to past actions"), &PolicyCommand::run};
}

QString PolicyCommand::table(const SimulationReport &r)
{
    const QStringList headers{QStringLiteral("TYPE"), QStringLiteral("ACTIONS"), QStringLiteral("MOVED"),
        QStringLiteral("TO AUTO"), QStringLiteral("REJECTED"), QStringLiteral("MODIFIED"), QStringLiteral("EXPIRED"),
        QStringLiteral("TO REVIEW"), QStringLiteral("REVIEW H"), QStringLiteral("TO PROHIBITED"),
        QStringLiteral("APPROVED"), QStringLiteral("PROBLEMS KEPT AUTO")};
    auto row = [](const QString &name, const SimulationGroup &g) {
        return QStringList{name, QString::number(g.actions), QString::number(g.moved()),
            QString::number(g.toAuto.count()), QString::number(g.toAuto.rejected), QString::number(g.toAuto.modified),
            QString::number(g.toAuto.expired), QString::number(g.toReview), hours(g.reviewerSeconds),
            QString::number(g.toProhibited), QString::number(g.prohibitedApproved),
            QString::number(g.problemsKeptAuto)};
    };
    QList<QStringList> rows{headers};
    for (const SimulationGroup &g : r.types)
        rows.append(row(g.type, g));
    rows.append(row(QStringLiteral("total"), r.total));
    QList<qsizetype> widths(headers.size(), 0);
    for (const QStringList &cells : std::as_const(rows)) {
        for (qsizetype i = 0; i < cells.size(); ++i)
            widths[i] = qMax(widths[i], cells.at(i).size());
    }
    QString out = QStringLiteral("Policy simulation %1 .. %2: policy version %3 in force, proposed version %4\n")
                      .arg(r.from.toString(Qt::ISODate), r.to.toString(Qt::ISODate))
                      .arg(r.currentVersion)
                      .arg(r.proposedVersion);
    out += QStringLiteral("%1 actions, %2 would change tier\n\n").arg(r.total.actions).arg(r.total.moved());
    for (const QStringList &cells : std::as_const(rows)) {
        QStringList line;
        for (qsizetype i = 0; i < cells.size(); ++i)
            line.append(i == 0 ? cells.at(i).leftJustified(widths[i]) : cells.at(i).rightJustified(widths[i]));
        out += line.join(QStringLiteral("  ")).trimmed() + u'\n';
    }
    auto examples = [&out](const QString &what, const QString &type, const QStringList &ids) {
        if (!ids.isEmpty())
            out += QStringLiteral("%1 %2: %3\n").arg(type, what, ids.join(QStringLiteral(", ")));
    };
    bool first = true;
    for (const SimulationGroup &g : r.types) {
        if (g.toAuto.rejectedExamples.isEmpty() && g.toAuto.modifiedExamples.isEmpty()
            && g.prohibitedApprovedExamples.isEmpty() && g.problemExamples.isEmpty())
            continue;
        if (first)
            out += QStringLiteral("\nExamples:\n");
        first = false;
        examples(QStringLiteral("rejected by a reviewer, would be auto-approved"), g.type, g.toAuto.rejectedExamples);
        examples(QStringLiteral("modified by a reviewer, would be auto-approved"), g.type, g.toAuto.modifiedExamples);
        examples(QStringLiteral("approved, would be prohibited"), g.type, g.prohibitedApprovedExamples);
        examples(QStringLiteral("spot-check problems kept auto"), g.type, g.problemExamples);
    }
    return out;
}

int PolicyCommand::run(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.constFirst() != QLatin1String("simulate")) {
        writeTo(stderr, usage());
        return Trouble;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Replays the window's actions (default: the last 90 days) under the policy in FILE and prints what\n"
        "would change. Needs a lead's or admin's token.\n"
        "Exit status: 0 no action would change tier, 1 some would, 2 error."));
    parser.addHelpOption();
    const QCommandLineOption policy(
        QStringLiteral("policy"), QStringLiteral("the proposed policy document (JSON)"), QStringLiteral("FILE"));
    const QCommandLineOption from(
        QStringLiteral("from"), QStringLiteral("UTC ISO 8601 time or date"), QStringLiteral("T"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("UTC ISO 8601 time or date"), QStringLiteral("T"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print the server's JSON answer"));
    parser.addOptions({policy, from, to, json, ServerSettings::serverOption(), ServerSettings::tokenFileOption()});
    if (!parser.parse(QStringList{QStringLiteral("countersign-cli policy simulate")} + arguments.mid(1)))
        return trouble(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeTo(stdout, parser.helpText());
        return 0;
    }
    if (!parser.isSet(policy))
        return trouble(QStringLiteral("--policy is required"));
    auto settings = ServerSettings::resolve(parser);
    if (!settings)
        return trouble(settings.error().message);
    QFile file(parser.value(policy));
    if (!file.open(QIODevice::ReadOnly))
        return trouble(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return trouble(QStringLiteral("%1 is not a JSON object: %2").arg(file.fileName(), parseError.errorString()));
    QJsonObject body{{QStringLiteral("policy"), document.object()}};
    if (parser.isSet(from))
        body.insert(QStringLiteral("from"), parser.value(from));
    if (parser.isSet(to))
        body.insert(QStringLiteral("to"), parser.value(to));

    QUrl url = settings->server;
    url.setPath(QStringLiteral("/v1/policy/simulate"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + settings->token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(120'000);
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    const QString networkError = reply->errorString();
    reply->deleteLater();
    if (status == 0)
        return trouble(QStringLiteral("no answer from %1: %2").arg(url.toString(), networkError));
    const QJsonObject o = QJsonDocument::fromJson(answer).object();
    if (status != 200) {
        const QJsonObject e = o.value(QLatin1String("error")).toObject();
        const QString field = e.value(QLatin1String("field")).toString();
        return trouble(QStringLiteral("the server refused (HTTP %1): %2%3")
                .arg(status)
                .arg(e.value(QLatin1String("message")).toString(),
                    field.isEmpty() ? QString() : QStringLiteral(" (field %1)").arg(field)));
    }
    auto report = SimulationReport::fromJson(o);
    if (!report)
        return trouble(QStringLiteral("unreadable answer: %1").arg(report.error().toString()));
    writeTo(stdout,
        parser.isSet(json) ? QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)) : table(*report));
    return report->total.moved() > 0 ? Moves : Unchanged;
}

} // namespace Countersign::Cli
