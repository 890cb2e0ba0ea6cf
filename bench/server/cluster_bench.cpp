// Submits per second and decision latency with one and two countersign-server instances on
// PostgreSQL next to one instance on SQLite, measured side by side in one run with the same
// closed-loop load (16 keep-alive connections spread over the instances).
//
// PostgreSQL: the URL in COUNTERSIGN_BENCH_PG_URL (a maintenance database the bench may create
// databases from), or else a private server started with tests/support/postgres-fixture.sh in
// durable mode (fsync on, like SQLite's synchronous=FULL).
#include "benchdirectory.h"
#include "domain/clock.h"
#include "loadclient.h"
#include "server/queueserver.h"
#include "server/role.h"
#include "server/serverprogram.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <deque>
#include <vector>

using namespace Countersign;

namespace {

constexpr int Connections = 16;

// One QueueServer on a thread of its own, as a separate process would run it.
class Instance : public QObject
{
    Q_OBJECT
public:
    explicit Instance(QString location)
        : m_location(std::move(location))
    {
        m_thread.start();
        moveToThread(&m_thread);
    }
    ~Instance() override
    {
        QMetaObject::invokeMethod(this, "stopInThread", Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    bool start()
    {
        bool ok = false;
        QMetaObject::invokeMethod(this, "startInThread", Qt::BlockingQueuedConnection, qReturnArg(ok));
        return ok;
    }
    QByteArray token(const QString &role, const QString &name)
    {
        QByteArray t;
        QMetaObject::invokeMethod(this, "tokenInThread", Qt::BlockingQueuedConnection, qReturnArg(t), role, name);
        return t;
    }
    quint16 port() const { return m_port; }

private:
    Q_INVOKABLE bool startInThread()
    {
        ServerConfig config;
        config.port = 0;
        config.storeLocation = m_location;
        config.limits.ratePerSecond = 1e9;
        config.limits.rateBurst = 1e9;
        config.limits.maxConnections = 4096;
        config.schedulerTimer = false;
        m_server = std::make_unique<QueueServer>(config, m_clock);
        if (auto started = m_server->start(); !started) {
            qWarning("%s", qPrintable(started.error().toString()));
            return false;
        }
        m_port = m_server->port();
        return true;
    }
    Q_INVOKABLE QByteArray tokenInThread(const QString &role, const QString &name)
    {
        return m_server->issueToken(*roleFromName(role), name).value_or(QByteArray());
    }
    Q_INVOKABLE void stopInThread() { m_server.reset(); }

    QString m_location;
    QThread m_thread;
    SystemClock m_clock;
    std::unique_ptr<QueueServer> m_server;
    quint16 m_port = 0;
};

struct Figures {
    double submitsPerSecond = 0;
    double decisionsPerSecond = 0;
    double decideP50Ms = 0;
    double decideP99Ms = 0;
    qint64 errors = 0;
};

QByteArray submitBody(int n)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("email.send_external")},
                             {QStringLiteral("title"), QStringLiteral("Reply to customer %1").arg(n)},
                             {QStringLiteral("payload"),
                                 QJsonObject{{QStringLiteral("content"),
                                     QStringLiteral("Hello,\n\nyour parcel %1 ships today.\n").arg(n)}}},
                             {QStringLiteral("confidence"), 0.9}})
        .toJson(QJsonDocument::Compact);
}

double quantile(std::vector<qint64> nanos, double q)
{
    if (nanos.empty())
        return 0;
    std::sort(nanos.begin(), nanos.end());
    return double(nanos[std::min(nanos.size() - 1, size_t(q * double(nanos.size())))]) / 1e6;
}

// Closed loop over all connections for `ms`: each sends its next request when the answer comes.
// `next(i)` gives connection i's request (empty: that connection stops).
double closedLoop(std::vector<std::unique_ptr<LoadConnection>> &conns, int ms,
    const std::function<QByteArray(size_t)> &next, const std::function<bool(size_t, int, const QByteArray &)> &answered,
    std::vector<qint64> *latencies, qint64 &ops, qint64 &errors)
{
    QElapsedTimer timer;
    timer.start();
    int inFlight = 0;
    std::function<void(size_t)> fire = [&](size_t i) {
        if (timer.elapsed() >= ms)
            return;
        const QByteArray request = next(i);
        if (request.isEmpty())
            return;
        ++inFlight;
        conns[i]->send(request, [&, i](int status, const QByteArray &body, qint64 nanos) {
            --inFlight;
            if (answered(i, status, body)) {
                ++ops;
                if (latencies)
                    latencies->push_back(nanos);
            } else {
                ++errors;
            }
            fire(i);
        });
    };
    for (size_t i = 0; i < conns.size(); ++i)
        fire(i);
    while (inFlight > 0 || timer.elapsed() < 50)
        LoadConnection::waitForEvents();
    return double(timer.nsecsElapsed()) / 1e9;
}

Figures measure(const QStringList &locations, int phaseMs)
{
    Figures f;
    std::vector<std::unique_ptr<Instance>> instances;
    std::vector<QByteArray> agents, reviewers;
    for (const QString &location : locations) {
        instances.push_back(std::make_unique<Instance>(location));
        if (!instances.back()->start())
            qFatal("an instance on %s did not start", qPrintable(location));
        agents.push_back(instances.back()->token(QStringLiteral("agent"), QStringLiteral("bench-agent")));
        reviewers.push_back(instances.back()->token(QStringLiteral("reviewer"), QStringLiteral("bench-reviewer")));
    }
    std::vector<std::unique_ptr<LoadConnection>> conns;
    for (int i = 0; i < Connections; ++i) {
        conns.push_back(std::make_unique<LoadConnection>(instances[size_t(i) % instances.size()]->port()));
        if (!conns.back()->open())
            qFatal("cannot connect");
    }
    auto instanceOf = [&](size_t i) {
        return i % instances.size();
    };
    std::deque<QByteArray> pending;
    int serial = 0;
    qint64 ops = 0;
    const double submitSeconds = closedLoop(
        conns, phaseMs,
        [&](size_t i) {
            return LoadConnection::request("POST", "/v1/actions", agents[instanceOf(i)], submitBody(++serial));
        },
        [&](size_t, int status, const QByteArray &body) {
            if (status != 201)
                return false;
            pending.push_back(QJsonDocument::fromJson(body).object().value(QLatin1String("id")).toString().toLatin1());
            return true;
        },
        nullptr, ops, f.errors);
    f.submitsPerSecond = double(ops) / submitSeconds;

    // Decisions on what was submitted, each through whichever instance the connection uses:
    // with two instances, half the decisions land on the instance that did not take the action.
    std::vector<qint64> latencies;
    ops = 0;
    const QByteArray decision = QJsonDocument(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}})
                                    .toJson(QJsonDocument::Compact);
    const double decideSeconds = closedLoop(
        conns, phaseMs,
        [&](size_t i) {
            if (pending.empty())
                return QByteArray();
            const QByteArray id = pending.front();
            pending.pop_front();
            return LoadConnection::request(
                "POST", "/v1/actions/" + id + "/decision", reviewers[instanceOf(i)], decision);
        },
        [&](size_t, int status, const QByteArray &) {
            return status == 200;
        },
        &latencies, ops, f.errors);
    f.decisionsPerSecond = double(ops) / decideSeconds;
    f.decideP50Ms = quantile(latencies, 0.5);
    f.decideP99Ms = quantile(latencies, 0.99);
    conns.clear();
    instances.clear();
    return f;
}

// A maintenance URL, and the directory of a server this bench started (empty if none).
struct Postgres {
    QString adminUrl;
    QString ownDir;
};

Postgres startPostgres()
{
    const QString given = qEnvironmentVariable("COUNTERSIGN_BENCH_PG_URL");
    if (!given.isEmpty())
        return {given, {}};
    const QString dir = QStringLiteral("/tmp/cs-pg-bench-%1").arg(QCoreApplication::applicationPid());
    QProcess fixture;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COUNTERSIGN_PG_DURABLE"), QStringLiteral("1"));
    fixture.setProcessEnvironment(env);
    fixture.start(QStringLiteral("sh"), {QStringLiteral(COUNTERSIGN_PG_FIXTURE), QStringLiteral("start"), dir});
    fixture.waitForFinished(120000);
    if (fixture.exitCode() != 0 || QFile::exists(dir + QStringLiteral("/unavailable")))
        return {};
    return {QStringLiteral("postgresql://countersign@/postgres?host=%1").arg(dir), dir};
}

void stopPostgres(const Postgres &pg)
{
    if (pg.ownDir.isEmpty())
        return;
    QProcess::execute(
        QStringLiteral("sh"), {QStringLiteral(COUNTERSIGN_PG_FIXTURE), QStringLiteral("stop"), pg.ownDir});
}

QString createDatabase(const QString &adminUrl, const QString &name)
{
    QUrl url(adminUrl);
    const QUrlQuery query(url);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
        db.setHostName(
            query.hasQueryItem(QStringLiteral("host")) ? query.queryItemValue(QStringLiteral("host")) : url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open())
            qFatal("cannot connect to %s: %s", qPrintable(adminUrl), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
        if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            qFatal("cannot create a database: %s", qPrintable(q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    url.setPath(u'/' + name);
    return url.toString();
}

} // namespace

int main(int argc, char *argv[])
{
    ServerProgram::prepareProcess(); // the servers run as countersign-server runs them
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int phaseMs = quick ? 1000 : 3000;
    QTextStream out(stdout);

    QTemporaryDir dir(Countersign::Bench::durableTempBase() + QStringLiteral("/cluster_bench-XXXXXX"));
    const Postgres pg = startPostgres();
    out << "cluster_bench: " << Connections << " connections, " << phaseMs << " ms per phase, "
        << QThread::idealThreadCount() << " cores; SQLite in " << dir.path() << "\n";
    if (pg.adminUrl.isEmpty())
        out << "PostgreSQL unavailable (no server binaries and no COUNTERSIGN_BENCH_PG_URL): SQLite only\n";
    out.flush();

    struct Row {
        QString name;
        Figures figures;
    };
    QList<Row> rows;
    rows.append({QStringLiteral("SQLite, 1 instance"), measure({dir.filePath(QStringLiteral("bench.db"))}, phaseMs)});
    if (!pg.adminUrl.isEmpty()) {
        const QString one = createDatabase(pg.adminUrl, QStringLiteral("cluster_bench_1"));
        rows.append({QStringLiteral("PostgreSQL, 1 instance"), measure({one}, phaseMs)});
        const QString two = createDatabase(pg.adminUrl, QStringLiteral("cluster_bench_2"));
        rows.append({QStringLiteral("PostgreSQL, 2 instances"), measure({two, two}, phaseMs)});
    }
    stopPostgres(pg);

    const Figures &base = rows.constFirst().figures;
    out << "\n"
        << qSetFieldWidth(26) << Qt::left << "configuration" << qSetFieldWidth(12) << Qt::right << "submits/s"
        << "x SQLite" << "decisions/s" << "x SQLite" << "p50 ms" << "p99 ms" << "errors" << qSetFieldWidth(0) << "\n";
    for (const Row &r : std::as_const(rows)) {
        const Figures &f = r.figures;
        out << qSetFieldWidth(26) << Qt::left << r.name << qSetFieldWidth(12) << Qt::right << qSetRealNumberPrecision(1)
            << Qt::fixed << f.submitsPerSecond << qSetRealNumberPrecision(2)
            << (base.submitsPerSecond > 0 ? f.submitsPerSecond / base.submitsPerSecond : 0.0)
            << qSetRealNumberPrecision(1) << f.decisionsPerSecond << qSetRealNumberPrecision(2)
            << (base.decisionsPerSecond > 0 ? f.decisionsPerSecond / base.decisionsPerSecond : 0.0) << f.decideP50Ms
            << f.decideP99Ms << f.errors << qSetFieldWidth(0) << "\n";
    }
    return 0;
}

#include "cluster_bench.moc"
