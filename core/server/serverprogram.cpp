#include "serverprogram.h"

#include "demohistory.h"
#include "demoseeder.h"
#include "logging.h"
#include "policyservice.h"
#include "queueserver.h"
#include "store/storefactory.h"
#include "storeworker.h"
#include "terminationwatcher.h"
#include "tokenissuer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace Countersign {

namespace {

// Each connection is a descriptor, and the usual soft limit (1024) is below the connection cap
// one may ask for: raise it toward the hard limit, and say so when the cap cannot be met.
void raiseDescriptorLimit(int maxConnections)
{
#ifdef Q_OS_UNIX
    constexpr rlim_t Spare = 256; // the database, its journal, the listening socket, logs
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t wanted = rlim_t(qMax(0, maxConnections)) + Spare;
    if (limit.rlim_cur < wanted) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : qMin(wanted, limit.rlim_max);
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    if (limit.rlim_cur < wanted)
        qCWarning(lcServer) << "the descriptor limit" << quint64(limit.rlim_cur) << "holds fewer than" << maxConnections
                            << "connections (--max-connections); raise it (ulimit -n)";
#else
    Q_UNUSED(maxConnections)
#endif
}

} // namespace

void ServerProgram::prepareProcess()
{
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
}

QString ServerProgram::databaseDirectory(const QString &location)
{
    // A store URL (postgresql://user@host/db) names no directory here: taken as a path it would
    // create "postgresql:/user@host" in the working directory.
    static const QRegularExpression url(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    if (url.match(location).hasMatch())
        return {};
    QString path = location;
    if (path.startsWith(QLatin1String("sqlite:")))
        path = path.mid(7).section(u'?', 0, 0);
    if (path.isEmpty())
        return {};
    return QFileInfo(path).absolutePath();
}

QString ServerProgram::defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/countersign.db");
}

Result<std::pair<QHostAddress, quint16>> ServerProgram::parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return fail(Error::invalid(QStringLiteral("listen"), QStringLiteral("must be HOST:PORT")));
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(Error::invalid(QStringLiteral("listen"), QStringLiteral("has no valid port")));
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return fail(Error::invalid(QStringLiteral("listen"), QStringLiteral("\"%1\" is not an IP address").arg(host)));
    return std::pair<QHostAddress, quint16>(address, quint16(port));
}

Result<double> ServerProgram::parseSpotCheckFraction(const QString &text)
{
    QString t = text.trimmed();
    const bool percent = t.endsWith(u'%');
    if (percent)
        t.chop(1);
    bool ok = false;
    double v = t.toDouble(&ok);
    if (ok && percent)
        v /= 100.0;
    if (!ok || !(v >= 0 && v <= 1))
        return fail(Error::invalid(QStringLiteral("spot-check-fraction"),
            QStringLiteral("must be a number from 0 to 1 or a percentage, not \"%1\"").arg(text)));
    return v;
}

int ServerProgram::run(const ServerOptions &options)
{
    QTextStream err(stderr);
    QTextStream out(stdout);
    SystemClock clock;
    ServerConfig config = options.config;
    if (config.storeLocation.isEmpty())
        config.storeLocation = defaultDatabasePath();
    if (const QString directory = databaseDirectory(config.storeLocation); !directory.isEmpty())
        QDir().mkpath(directory);

    raiseDescriptorLimit(config.limits.maxConnections);
    QueueServer server(config, clock);
    if (auto started = server.start(); !started) {
        err << "countersign-server: " << started.error().toString() << '\n';
        return 1;
    }
    out << "countersign-server listening on " << server.baseUrl().toString() << " (store " << config.storeLocation
        << ")\n";

    DemoSeeder demo(&server);
    if (options.demo) {
        // Beside a database file; for a database server, where a default database would live.
        QString directory = databaseDirectory(config.storeLocation);
        if (directory.isEmpty())
            directory = QFileInfo(defaultDatabasePath()).absolutePath();
        QDir().mkpath(directory);
        const QString file = directory + QStringLiteral("/demo-tokens.json");
        auto tokens = demo.createTokens(file);
        if (!tokens) {
            err << "countersign-server: " << tokens.error().toString() << '\n';
            return 1;
        }
        const QJsonObject t = tokens->value(QLatin1String("tokens")).toObject();
        out << "demo tokens (also in " << file << "):\n";
        for (auto it = t.begin(); it != t.end(); ++it)
            out << "  " << it.key().leftJustified(9) << it.value().toString() << '\n';
        // A fresh database gets a quarter of history first, so the reports have something to show.
        const Policy policy = server.policy()->engine().policy();
        const QDateTime now = clock.now();
        auto seeded = server.storeWorker()->call<int>(
            [policy, now](Store &store) {
                return DemoHistory::seedOnce(store, policy, now);
            },
            std::chrono::seconds(60));
        if (!seeded)
            err << "countersign-server: demo history not seeded: " << seeded.error().toString() << '\n';
        else if (*seeded > 0)
            out << "demo history: " << *seeded << " actions of the last " << DemoHistory::DefaultDays << " days\n";
        demo.start(options.demoInitial, options.demoInterval);
    }
    out.flush();

    TerminationWatcher termination;
    QObject::connect(&termination, &TerminationWatcher::terminationRequested, &server, [&server, &demo](int reason) {
        qCInfo(lcServer).nospace() << "termination requested (" << reason << "), shutting down";
        demo.stop();
        server.shutdown();
    });
    QObject::connect(&server, &QueueServer::stopped, qApp, [] {
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}

int ServerProgram::createToken(const QString &storeLocation, const QString &roleText, const QString &name)
{
    QTextStream err(stderr);
    QTextStream out(stdout);
    const auto role = roleFromName(roleText);
    if (!role) {
        err << "countersign-server: --role must be agent, reviewer, lead or admin\n";
        return 2;
    }
    if (auto ok = TokenIssuer::checkName(name); !ok) {
        err << "countersign-server: --name " << ok.error().message << '\n';
        return 2;
    }
    const QString location = storeLocation.isEmpty() ? defaultDatabasePath() : storeLocation;
    if (const QString directory = databaseDirectory(location); !directory.isEmpty())
        QDir().mkpath(directory);
    SystemClock clock;
    auto store = createStore(location, clock);
    if (!store) {
        err << "countersign-server: " << store.error().toString() << '\n';
        return 1;
    }
    if (auto opened = (*store)->open(); !opened) {
        err << "countersign-server: " << opened.error().toString() << '\n';
        return 1;
    }
    auto issued = TokenIssuer::issue(
        **store, *role, name, Identity{QStringLiteral("countersign-server token create"), Role::Admin}, clock.now());
    (*store)->close();
    if (!issued) {
        err << "countersign-server: " << issued.error().toString() << '\n';
        return 1;
    }
    out << "Created " << roleText << " token \"" << name << "\" in " << location
        << ". It is shown only now; the server stores its SHA-256.\n"
        << issued->token << '\n';
    return 0;
}

} // namespace Countersign
