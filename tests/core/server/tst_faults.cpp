#include "httpclient.h"
#include "serverprocess.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

// A connection of the test process to the server's database file: another process, as far as
// the server is concerned, and SQLite locks are between processes.
class SqliteFile
{
public:
    explicit SqliteFile(const QString &path, const QString &name = QStringLiteral("fault-check"))
        : m_name(name)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
        m_open = db.open();
    }
    ~SqliteFile()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        const bool ok = q.exec(sql);
        if (!ok)
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return ok;
    }
    QString scalar(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        return q.exec(sql) && q.next() ? q.value(0).toString() : QString();
    }
    bool isOpen() const { return m_open; }

private:
    QString m_name;
    bool m_open = false;
};

QByteArray digest(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

// A storage fault answers 503 with a JSON error naming the cause, never 500 or a dropped line.
void verifyUnavailable(const HttpResult &r, const char *cause)
{
    QVERIFY2(r.status == 503, qPrintable(QStringLiteral("%1 %2").arg(r.status).arg(QString::fromUtf8(r.body))));
    QCOMPARE(r.errorCode(), QStringLiteral("unavailable"));
    const QString message
        = r.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(QLatin1String(cause)), qPrintable(message));
}

QByteArray bigBody(int i)
{
    return QJsonDocument(
        TestServer::submitBody({{QStringLiteral("idempotency_key"), QStringLiteral("big-%1").arg(i)},
            {QStringLiteral("payload"),
                QJsonObject{{QStringLiteral("content"), QString(48 * 1024, QChar(char16_t(u'a' + i % 26)))}}}}))
        .toJson(QJsonDocument::Compact);
}

} // namespace

// Storage faults and clock jumps: a clear 503 with a JSON message while the fault lasts, no
// corruption, nothing acknowledged lost, and service back once the fault is gone.
class TestFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("c.db"));
        m_agent = ServerProcess::createToken(m_db, QStringLiteral("agent"), QStringLiteral("bot"));
        m_reviewer = ServerProcess::createToken(m_db, QStringLiteral("reviewer"), QStringLiteral("rita"));
        m_lead = ServerProcess::createToken(m_db, QStringLiteral("lead"), QStringLiteral("lena"));
        QVERIFY(!m_agent.isEmpty() && !m_reviewer.isEmpty() && !m_lead.isEmpty());
    }

    // The database reaches its size limit (SQLite's max_page_count, the stand-in for a full disk).
    void diskFull()
    {
        const qint64 size = QFileInfo(m_db).size();
        ServerProcess server;
        QVERIFY(server.start(
            {QStringLiteral("--db"), QStringLiteral("sqlite:%1?max_size=%2").arg(m_db).arg(size + 512 * 1024)}));
        HttpClient http(server.url());
        HttpResult last;
        int i = 0;
        for (; i < 200; ++i) {
            last = http.postRaw(QStringLiteral("/v1/actions"), bigBody(i), m_agent);
            if (last.status != 201)
                break;
            m_acked.insert(last.json().value(QLatin1String("id")).toString(), QStringLiteral("pending"));
        }
        QVERIFY2(i < 200 && i > 0, qPrintable(QString::number(i)));
        verifyUnavailable(last, "full");
        // The same request again: still a clean 503 (the failed batch was rolled back whole).
        verifyUnavailable(http.postRaw(QStringLiteral("/v1/actions"), bigBody(i), m_agent), "full");
        // Reads and health go on.
        QCOMPARE(http.get(QStringLiteral("/v1/actions/") + m_acked.firstKey(), m_agent).status, 200);
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);
        // Small writes may still fit or fail cleanly; never a 500.
        const HttpResult decided = http.post(QStringLiteral("/v1/actions/%1/decision").arg(m_acked.firstKey()),
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_reviewer);
        QVERIFY2(decided.status == 200 || decided.status == 503, decided.body.constData());
        if (decided.status == 200)
            m_acked[m_acked.firstKey()] = QStringLiteral("approved");
        server.process().terminate();
        QVERIFY(server.waitForExit(10000));
        verifyStoreIntact();

        // The fault goes away (no limit): the refused submit now succeeds, once.
        ServerProcess after;
        QVERIFY(after.start({QStringLiteral("--db"), m_db}));
        HttpClient again(after.url());
        const HttpResult retried = again.postRaw(QStringLiteral("/v1/actions"), bigBody(i), m_agent);
        QCOMPARE(retried.status, 201);
        m_acked.insert(retried.json().value(QLatin1String("id")).toString(), QStringLiteral("pending"));
        verifyAcknowledged(again);
        qInfo("FIGURES disk-full: %d submits of 48 KiB acknowledged before 503", i);
    }

    // Another process holds an exclusive transaction: writes wait the busy timeout, then 503;
    // once the lock is gone the same server process writes again.
    void databaseLockedByAnotherProcess()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--db"), QStringLiteral("sqlite:%1?busy_timeout_ms=300").arg(m_db)}));
        HttpClient http(server.url());
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);
        {
            SqliteFile locker(m_db, QStringLiteral("locker"));
            QVERIFY(locker.isOpen());
            QVERIFY(locker.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            const HttpResult refused = http.post(QStringLiteral("/v1/actions"), TestServer::submitBody(), m_agent);
            verifyUnavailable(refused, "locked");
            QVERIFY2(
                refused.elapsedMs >= 250 && refused.elapsedMs < 10000, qPrintable(QString::number(refused.elapsedMs)));
            const QString pendingId = firstPending();
            verifyUnavailable(http.post(QStringLiteral("/v1/actions/%1/decision").arg(pendingId),
                                  QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_reviewer),
                "locked");
            QVERIFY(locker.exec(QStringLiteral("ROLLBACK")));
            qInfo("FIGURES locked: 503 after %lld ms (busy timeout 300 ms)", refused.elapsedMs);
        }
        // Recovered without a restart.
        const HttpResult ok = http.post(QStringLiteral("/v1/actions"), TestServer::submitBody(), m_agent);
        QCOMPARE(ok.status, 201);
        m_acked.insert(ok.json().value(QLatin1String("id")).toString(), QStringLiteral("pending"));
        const QString pendingId = firstPending();
        const HttpResult decided = http.post(QStringLiteral("/v1/actions/%1/decision").arg(pendingId),
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                {QStringLiteral("reason"), QStringLiteral("no")}},
            m_reviewer);
        QCOMPARE(decided.status, 200);
        m_acked[pendingId] = QStringLiteral("rejected");
        verifyAcknowledged(http);
        server.process().terminate();
        QVERIFY(server.waitForExit(10000));
        verifyStoreIntact();
    }

    // Root ignores file permissions, so SQLite's read-only mode stands in for a read-only mount.
    void readOnlyDatabase()
    {
        const QByteArray before = digest(m_db);
        ServerProcess server;
        const bool started = server.start({QStringLiteral("--db"), QStringLiteral("sqlite:%1?mode=ro").arg(m_db)});
        qInfo(
            "FIGURES read-only: the server %s", started ? "starts, reads work, writes answer 503" : "refuses to start");
        if (!started) {
            // Refusing to start is acceptable only with a clear message and a failure exit.
            QVERIFY(server.waitForExit(10000));
            QVERIFY(server.process().exitCode() != 0);
            QVERIFY2(server.process().readAllStandardError().contains("read-only"), server.output().constData());
        } else {
            HttpClient http(server.url());
            QCOMPARE(http.get(QStringLiteral("/v1/actions/") + m_acked.firstKey(), m_agent).status, 200);
            verifyUnavailable(http.post(QStringLiteral("/v1/actions"), TestServer::submitBody(), m_agent), "read-only");
            verifyUnavailable(http.post(QStringLiteral("/v1/actions/%1/decision").arg(firstPending()),
                                  QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_reviewer),
                "read-only");
            verifyAcknowledged(http);
            server.process().terminate();
            QVERIFY(server.waitForExit(10000));
        }
        QCOMPARE(digest(m_db), before); // not one byte written
        // Writable again: service resumes.
        ServerProcess after;
        QVERIFY(after.start({QStringLiteral("--db"), m_db}));
        HttpClient http(after.url());
        QCOMPARE(http.post(QStringLiteral("/v1/actions"), TestServer::submitBody(), m_agent).status, 201);
        verifyAcknowledged(http);
    }

    // The clock jumps back and forth: leases, SLA escalation and expiry each happen once, at
    // the right time, and nothing decided or expired comes back.
    void clockJumps()
    {
        TestServer server;
        QVERIFY(server.start());
        const QByteArray agent = server.token(Role::Agent, QStringLiteral("bot"));
        const QByteArray rita = server.token(Role::Reviewer, QStringLiteral("rita"));
        const QByteArray rolf = server.token(Role::Reviewer, QStringLiteral("rolf"));
        ManualClock &clock = server.clock();
        const QDateTime t0 = clock.now();
        auto state = [&](const QString &id) {
            return server.http().get(QStringLiteral("/v1/actions/") + id, agent).json();
        };
        const QString claimed = server.submit(agent).json().value(QLatin1String("id")).toString();
        const QString decided = server.submit(agent).json().value(QLatin1String("id")).toString();
        const QString open = server.submit(agent).json().value(QLatin1String("id")).toString();
        QCOMPARE(server.http()
                     .post(QStringLiteral("/v1/actions/%1/claim").arg(claimed),
                         QJsonObject{{QStringLiteral("lease_s"), 600}}, rita)
                     .status,
            200);
        QCOMPARE(server.http()
                     .post(QStringLiteral("/v1/actions/%1/decision").arg(decided),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, rita)
                     .status,
            200);
        const QJsonObject decidedBefore = state(decided);

        // Two hours back: nothing lapses, escalates or expires; the claim holds.
        clock.set(t0.addSecs(-2 * 3600));
        SchedulerReport report;
        QVERIFY(server.runScheduler(&report));
        QCOMPARE(report.due, 0);
        QVERIFY(report.error.isEmpty());
        QCOMPARE(state(claimed).value(QLatin1String("claimed_by")).toString(), QStringLiteral("rita"));
        QCOMPARE(
            server.http().post(QStringLiteral("/v1/actions/%1/claim").arg(claimed), QJsonObject{}, rolf).status, 409);
        // An action submitted in the past-looking time is still placed sanely.
        const QJsonObject early = server.submit(agent).json();
        QVERIFY(QDateTime::fromString(early.value(QLatin1String("expires_at")).toString(), Qt::ISODateWithMs)
            > QDateTime::fromString(early.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs));

        // Forward past the lease (10 min after t0): released once.
        clock.set(t0.addSecs(11 * 60));
        QVERIFY(server.runScheduler(&report));
        QCOMPARE(report.leasesReleased, 1);
        QVERIFY(state(claimed).value(QLatin1String("claimed_by")).isNull());
        QVERIFY(server.runScheduler(&report));
        QCOMPARE(report.leasesReleased, 0);

        // Past the SLA (4 h): escalated once, and a jump back does not undo it or do it twice.
        clock.set(t0.addSecs(5 * 3600));
        QVERIFY(server.runScheduler(&report));
        QVERIFY(report.escalated >= 3);
        QVERIFY(state(open).value(QLatin1String("escalated")).toBool());
        clock.set(t0.addSecs(-3600));
        QVERIFY(server.runScheduler(&report));
        QCOMPARE(report.escalated, 0);
        clock.set(t0.addSecs(6 * 3600));
        QVERIFY(server.runScheduler(&report));
        QCOMPARE(report.escalated, 0);
        QVERIFY(state(open).value(QLatin1String("escalated")).toBool());

        // A day and more later: expired (rejected by the category) once; going back resurrects nothing.
        clock.set(t0.addDays(2));
        QVERIFY(server.runScheduler(&report));
        QVERIFY(report.expired >= 3);
        QCOMPARE(state(open).value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
        QCOMPARE(state(open).value(QLatin1String("decided_by")).toString(), QStringLiteral("expiry"));
        clock.set(t0.addDays(-1));
        QVERIFY(server.runScheduler(&report));
        QCOMPARE(report.due, 0);
        QCOMPARE(state(open).value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
        QCOMPARE(server.http()
                     .post(QStringLiteral("/v1/actions/%1/decision").arg(open),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, rita)
                     .status,
            409);
        // The reviewer's decision never moved.
        const QJsonObject decidedAfter = state(decided);
        for (const char *key : {"state", "decided_by", "decided_at", "final_payload", "version"})
            QCOMPARE(decidedAfter.value(QLatin1String(key)), decidedBefore.value(QLatin1String(key)));
        const HttpResult verify = server.http().get(QStringLiteral("/v1/audit/verify"), server.token(Role::Lead));
        QVERIFY2(verify.json().value(QLatin1String("ok")).toBool(), verify.body.constData());
    }

private:
    QString firstPending()
    {
        for (auto it = m_acked.cbegin(); it != m_acked.cend(); ++it) {
            if (it.value() == QLatin1String("pending"))
                return it.key();
        }
        return {};
    }

    void verifyAcknowledged(HttpClient &http)
    {
        for (auto it = m_acked.cbegin(); it != m_acked.cend(); ++it) {
            const HttpResult r = http.get(QStringLiteral("/v1/actions/") + it.key(), m_agent);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value(QLatin1String("state")).toString(), it.value());
        }
        const HttpResult verify = http.get(QStringLiteral("/v1/audit/verify"), m_lead);
        QVERIFY2(verify.json().value(QLatin1String("ok")).toBool(), verify.body.constData());
    }

    void verifyStoreIntact()
    {
        SqliteFile file(m_db);
        QVERIFY(file.isOpen());
        QCOMPARE(file.scalar(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    }

    QTemporaryDir m_dir;
    QString m_db;
    QByteArray m_agent, m_reviewer, m_lead;
    QMap<QString, QString> m_acked; // action id -> the state the clients were told
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
