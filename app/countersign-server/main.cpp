#include "countersignversion.h"
#include "server/mailoptions.h"
#include "server/serverprogram.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QUrl>

using namespace Countersign;

namespace {

int tokenCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Create a bearer token; it is printed once, alone on the last line."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("create"), QStringLiteral("the only token command"));
    const QCommandLineOption role(
        QStringLiteral("role"), QStringLiteral("agent, reviewer, lead or admin"), QStringLiteral("ROLE"));
    const QCommandLineOption name(
        QStringLiteral("name"), QStringLiteral("who the token is for"), QStringLiteral("NAME"));
    const QCommandLineOption db(QStringLiteral("db"),
        QStringLiteral("database (default: %1)").arg(ServerProgram::defaultDatabasePath()), QStringLiteral("PATH"));
    parser.addOptions({role, name, db});
    parser.process(arguments);
    if (parser.positionalArguments() != QStringList{QStringLiteral("create")} || !parser.isSet(role)
        || !parser.isSet(name)) {
        QTextStream(stderr) << "usage: countersign-server token create --role ROLE --name NAME [--db PATH]\n";
        return 2;
    }
    return ServerProgram::createToken(parser.value(db), parser.value(role), parser.value(name));
}

struct MailOptionNames {
    QCommandLineOption url, from, credentials, leads;
};

Result<MailConfig> readMailOptions(const QCommandLineParser &parser, const MailOptionNames &o)
{
    MailConfig mail;
    if (!parser.isSet(o.url)) {
        for (const QCommandLineOption &needsUrl : {o.from, o.credentials, o.leads}) {
            if (parser.isSet(needsUrl))
                return fail(Error::invalid(needsUrl.names().constFirst(), QStringLiteral("needs --smtp-url")));
        }
        return mail;
    }
    auto url = MailOptions::parseSmtpUrl(parser.value(o.url));
    if (!url)
        return fail(url.error());
    mail.smtpUrl = *url;
    if (!parser.isSet(o.from))
        return fail(Error::invalid(QStringLiteral("smtp-from"), QStringLiteral("is needed with --smtp-url")));
    auto from = MailOptions::parseAddresses(QStringLiteral("smtp-from"), parser.value(o.from));
    if (!from)
        return fail(from.error());
    if (from->size() != 1)
        return fail(Error::invalid(QStringLiteral("smtp-from"), QStringLiteral("must be one address")));
    mail.from = from->constFirst();
    if (parser.isSet(o.credentials)) {
        auto credentials = MailOptions::readCredentials(parser.value(o.credentials));
        if (!credentials)
            return fail(credentials.error());
        mail.user = credentials->user;
        mail.password = credentials->password;
    }
    if (parser.isSet(o.leads)) {
        auto leads = MailOptions::parseAddresses(QStringLiteral("alert-email"), parser.value(o.leads));
        if (!leads)
            return fail(leads.error());
        mail.leads = *leads;
    }
    return mail;
}

} // namespace

int main(int argc, char *argv[])
{
    ServerProgram::prepareProcess();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("countersign-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("token")) {
        arguments.removeAt(1);
        return tokenCommand(arguments);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The Countersign queue server. Subcommand: token create."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("address and port (default 127.0.0.1:8470)"), QStringLiteral("HOST:PORT"),
        QStringLiteral("127.0.0.1:8470"));
    const QCommandLineOption db(QStringLiteral("db"),
        QStringLiteral("database file or store URL (default: %1)").arg(ServerProgram::defaultDatabasePath()),
        QStringLiteral("PATH"));
    const QCommandLineOption policy(QStringLiteral("policy"),
        QStringLiteral("policy JSON to put in force (default: the stored one, or the demo policy)"),
        QStringLiteral("FILE"));
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("create demo tokens and feed realistic demo actions"));
    const QCommandLineOption demoInterval(QStringLiteral("demo-interval"),
        QStringLiteral("seconds between demo actions (default 4)"), QStringLiteral("SECONDS"), QStringLiteral("4"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"),
        QStringLiteral("largest request body in bytes (default 1048576)"), QStringLiteral("BYTES"));
    const QCommandLineOption rate(QStringLiteral("rate"),
        QStringLiteral("requests per second per token (default 100, burst 2x)"), QStringLiteral("N"));
    const QCommandLineOption lease(
        QStringLiteral("lease"), QStringLiteral("claim lease in seconds (default 300)"), QStringLiteral("SECONDS"));
    const QCommandLineOption alertDepth(QStringLiteral("alert-depth"),
        QStringLiteral("queue depth that raises an alert (default 200)"), QStringLiteral("N"));
    const QCommandLineOption alertAge(QStringLiteral("alert-age"),
        QStringLiteral("oldest pending age in seconds that raises an alert (default 3600)"), QStringLiteral("SECONDS"));
    const QCommandLineOption spotChecks(QStringLiteral("spot-check-fraction"),
        QStringLiteral("share of approvals (auto and reviewers') sampled for spot checks, 0..1 or N% (default 0.05)"),
        QStringLiteral("FRACTION"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"),
        QStringLiteral("open connections held at most; beyond, the longest idle is closed (default 1024)"),
        QStringLiteral("N"));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout"),
        QStringLiteral("seconds a connection may stay silent before it is closed (default 75)"),
        QStringLiteral("SECONDS"));
    const QCommandLineOption perToken(QStringLiteral("max-connections-per-token"),
        QStringLiteral("connections one token may hold (default: a quarter of --max-connections)"),
        QStringLiteral("N"));
    const QCommandLineOption perAddress(QStringLiteral("max-connections-per-address"),
        QStringLiteral("connections one address may hold before a request on them authenticates (default: "
                       "--max-connections less the reserve)"),
        QStringLiteral("N"));
    const QCommandLineOption reserved(QStringLiteral("reserved-connections"),
        QStringLiteral("connections WebSockets and long polls never take, for short requests and /healthz (default: "
                       "1/16 of --max-connections, at least 2)"),
        QStringLiteral("N"));
    const QCommandLineOption socketsPerToken(QStringLiteral("max-sockets-per-token"),
        QStringLiteral("event WebSockets one token may hold (default 8)"), QStringLiteral("N"));
    const QCommandLineOption smtpUrl(QStringLiteral("smtp-url"),
        QStringLiteral("send escalations and queue alerts by email through this SMTP server (smtp://HOST:PORT, "
                       "STARTTLS when offered, or smtps://HOST:PORT)"),
        QStringLiteral("URL"));
    const QCommandLineOption smtpFrom(
        QStringLiteral("smtp-from"), QStringLiteral("the sender address of alert emails"), QStringLiteral("ADDRESS"));
    const QCommandLineOption smtpCredentials(QStringLiteral("smtp-credentials"),
        QStringLiteral("file with the SMTP user on its first line and the password on its second, readable by its "
                       "owner only"),
        QStringLiteral("FILE"));
    const QCommandLineOption alertEmail(QStringLiteral("alert-email"),
        QStringLiteral("leads who receive queue alerts and every escalation, comma-separated"),
        QStringLiteral("ADDRESSES"));
    const QCommandLineOption publicUrl(QStringLiteral("public-url"),
        QStringLiteral("the server's address as people reach it, for the links in emails and chat messages "
                       "(default: --listen)"),
        QStringLiteral("URL"));
    const QCommandLineOption webhookAllowPrivate(QStringLiteral("webhook-allow-private"),
        QStringLiteral("let webhooks reach loopback, private and link-local addresses (refused by default)"));
    parser.addOptions({listen, db, policy, demo, demoInterval, maxBody, rate, lease, alertDepth, alertAge, spotChecks,
        maxConnections, idleTimeout, perToken, perAddress, reserved, socketsPerToken, smtpUrl, smtpFrom,
        smtpCredentials, alertEmail, publicUrl, webhookAllowPrivate});
    parser.process(app);

    QTextStream err(stderr);
    ServerOptions options;
    auto address = ServerProgram::parseListen(parser.value(listen));
    if (!address) {
        err << "countersign-server: --listen " << address.error().message << '\n';
        return 2;
    }
    options.config.address = address->first;
    options.config.port = address->second;
    options.config.storeLocation = parser.value(db);
    if (parser.isSet(policy)) {
        QFile file(parser.value(policy));
        if (!file.open(QIODevice::ReadOnly)) {
            err << "countersign-server: cannot read " << file.fileName() << ": " << file.errorString() << '\n';
            return 2;
        }
        options.config.policyDocument = file.readAll();
    }
    bool ok = true;
    auto number = [&](const QCommandLineOption &option, qint64 fallback) {
        if (!parser.isSet(option))
            return fallback;
        bool valid = false;
        const qint64 v = parser.value(option).toLongLong(&valid);
        if (!valid || v <= 0) {
            err << "countersign-server: --" << option.names().constFirst() << " must be a positive number\n";
            ok = false;
        }
        return v;
    };
    options.demo = parser.isSet(demo);
    options.demoInterval = std::chrono::milliseconds(number(demoInterval, 4) * 1000);
    options.config.limits.maxBodyBytes = number(maxBody, options.config.limits.maxBodyBytes);
    const qint64 perSecond = number(rate, qint64(options.config.limits.ratePerSecond));
    options.config.limits.ratePerSecond = double(perSecond);
    options.config.limits.rateBurst = double(perSecond * 2);
    options.config.claimLease = std::chrono::seconds(number(lease, options.config.claimLease.count()));
    options.config.limits.maxConnections
        = int(qMin<qint64>(number(maxConnections, options.config.limits.maxConnections), 1'000'000));
    constexpr qint64 MaxCount = 1'000'000;
    options.config.limits.maxConnectionsPerToken = int(qMin(number(perToken, 0), MaxCount));
    options.config.limits.maxConnectionsPerAddress = int(qMin(number(perAddress, 0), MaxCount));
    options.config.limits.reservedConnections = int(qMin(number(reserved, 0), MaxCount));
    options.config.limits.maxSocketsPerToken
        = int(qMin<qint64>(number(socketsPerToken, options.config.limits.maxSocketsPerToken), MaxCount));
    if (parser.isSet(reserved) && options.config.limits.reserved() >= options.config.limits.maxConnections) {
        err << "countersign-server: --reserved-connections must be below --max-connections\n";
        ok = false;
    }
    if (parser.isSet(idleTimeout))
        options.config.limits.idleTimeout = std::chrono::seconds(number(idleTimeout, 75));
    options.config.alerts.queueDepth = number(alertDepth, options.config.alerts.queueDepth);
    options.config.alerts.oldestAgeSeconds = number(alertAge, options.config.alerts.oldestAgeSeconds);
    if (parser.isSet(spotChecks)) {
        auto fraction = ServerProgram::parseSpotCheckFraction(parser.value(spotChecks));
        if (!fraction) {
            err << "countersign-server: --spot-check-fraction " << fraction.error().message << '\n';
            return 2;
        }
        options.config.spotCheckFraction = *fraction;
    }
    options.config.webhooks.allowPrivate = parser.isSet(webhookAllowPrivate);
    if (parser.isSet(publicUrl)) {
        auto url = MailOptions::parsePublicUrl(parser.value(publicUrl));
        if (!url) {
            err << "countersign-server: --public-url " << url.error().message << '\n';
            return 2;
        }
        options.config.publicUrl = *url;
    }
    if (!ok)
        return 2;
    if (auto mail = readMailOptions(parser, {smtpUrl, smtpFrom, smtpCredentials, alertEmail}); !mail) {
        err << "countersign-server: --" << mail.error().field << ' ' << mail.error().message << '\n';
        return 2;
    } else {
        options.config.mail = *mail;
    }
    return ServerProgram::run(options);
}
