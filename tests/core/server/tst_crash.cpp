#include "httpclient.h"
#include "serverprocess.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

// What the clients themselves were told: the only ground truth a crash test may use.
struct ClientRecords {
    QHash<QString, QString> ackedSubmits; // idempotency key -> action id (201 or 200 seen)
    QHash<QString, int> sentKeys; // submitted (key -> which agent), answer maybe lost in a kill
    QHash<QString, QJsonObject> ackedDecisions; // action id -> the action the decision answer showed
    QSet<QString> sentDecisions; // decision sent, answer maybe lost
};

// The decision fields that must never change once acknowledged.
QJsonObject decisionFacts(const QJsonObject &action)
{
    QJsonObject o;
    for (const char *key : {"state", "decided_by", "decided_at", "reason", "final_payload", "modified"})
        o.insert(QLatin1String(key), action.value(QLatin1String(key)));
    return o;
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

// SIGKILL of the real countersign-server at random moments of a concurrent submit + decide load,
// many times over on one database file. After every restart the clients retry what they never
// heard back about; at the end their own records are checked against the server. The kill count
// is COUNTERSIGN_CRASH_KILLS (default 10; scripts/crash-soak.sh --kills N runs more).
class TestCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_kills = envInt("COUNTERSIGN_CRASH_KILLS", 10);
        m_seed = quint32(envInt("COUNTERSIGN_CRASH_SEED", int(QRandomGenerator::global()->bounded(1, 1 << 30))));
        qInfo("kills %d, seed %u (COUNTERSIGN_CRASH_SEED to replay)", m_kills, m_seed);
    }

    void killNineUnderLoadLosesNothingAcknowledged()
    {
        QRandomGenerator random(m_seed);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("c.db"));
        const QByteArray agents[2] = {ServerProcess::createToken(db, QStringLiteral("agent"), QStringLiteral("bot-a")),
            ServerProcess::createToken(db, QStringLiteral("agent"), QStringLiteral("bot-b"))};
        const QByteArray reviewers[2]
            = {ServerProcess::createToken(db, QStringLiteral("reviewer"), QStringLiteral("rita")),
                ServerProcess::createToken(db, QStringLiteral("reviewer"), QStringLiteral("rolf"))};
        const QByteArray lead = ServerProcess::createToken(db, QStringLiteral("lead"), QStringLiteral("lena"));
        QVERIFY(!agents[0].isEmpty() && !agents[1].isEmpty() && !reviewers[0].isEmpty() && !lead.isEmpty());
        const QStringList serverArguments{
            QStringLiteral("--db"), db, QStringLiteral("--rate"), QStringLiteral("100000")};

        ClientRecords records;
        int next = 0;
        int killsDone = 0;
        for (int round = 0; round < m_kills; ++round) {
            ServerProcess server;
            QVERIFY2(server.start(serverArguments), qPrintable(QStringLiteral("restart %1").arg(round)));
            retryUnanswered(server.url(), agents, records);

            std::vector<std::unique_ptr<HttpClient>> clients;
            for (int i = 0; i < 4; ++i)
                clients.push_back(std::make_unique<HttpClient>(server.url()));
            int inFlight = 0;
            bool killed = false;
            std::function<void(int)> launch = [&](int c) {
                if (killed)
                    return;
                HttpClient *client = clients[c].get();
                const QByteArray agent = agents[c % 2];
                const QString key = QStringLiteral("k-%1").arg(next++);
                records.sentKeys.insert(key, c % 2);
                const QByteArray body = QJsonDocument(
                    TestServer::submitBody({{QStringLiteral("idempotency_key"),
                        key}})).toJson(QJsonDocument::Compact);
                QNetworkReply *reply = client->start("POST", QStringLiteral("/v1/actions"), body, agent);
                ++inFlight;
                QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, key, c, client] {
                    --inFlight;
                    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    const QJsonObject a = QJsonDocument::fromJson(reply->readAll()).object();
                    reply->deleteLater();
                    if (status == 201 || status == 200) {
                        const QString id = a.value(QLatin1String("id")).toString();
                        records.ackedSubmits.insert(key, id);
                        // Every other acknowledged submit is decided at once, by one of two reviewers.
                        if (records.ackedSubmits.size() % 2 == 0 && !killed) {
                            const int which = int(random.bounded(3));
                            const QByteArray decision = which == 0 ? QByteArray("{\"outcome\":\"approve\"}")
                                : which == 1
                                ? QByteArray("{\"outcome\":\"reject\",\"reason\":\"crash test\"}")
                                : QByteArray("{\"outcome\":\"modify\",\"payload\":{\"content\":\"edited\"}}");
                            records.sentDecisions.insert(id);
                            QNetworkReply *d = client->start(
                                "POST", QStringLiteral("/v1/actions/%1/decision").arg(id), decision, reviewers[c % 2]);
                            ++inFlight;
                            QObject::connect(d, &QNetworkReply::finished, d, [&, d, id] {
                                --inFlight;
                                if (d->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                                    records.ackedDecisions.insert(id, QJsonDocument::fromJson(d->readAll()).object());
                                d->deleteLater();
                            });
                        }
                    }
                    launch(c);
                });
            };
            for (int c = 0; c < int(clients.size()); ++c) {
                for (int i = 0; i < 3; ++i)
                    launch(c);
            }
            // A random moment: early (during the first commits) to late (a busy queue).
            QTest::qWait(int(random.bounded(50, 600))); // deliberate: the kill lands at a random moment
            server.process().kill(); // SIGKILL
            killed = true;
            QVERIFY(server.waitForExit(5000));
            QTRY_COMPARE_WITH_TIMEOUT(inFlight, 0, 15000);
            ++killsDone;
        }
        QCOMPARE(killsDone, m_kills);

        ServerProcess server;
        QVERIFY(server.start(serverArguments));
        retryUnanswered(server.url(), agents, records);
        HttpClient http(server.url());

        // Every key that was acknowledged is there exactly once, and every key at most once.
        QHash<QString, int> perKey;
        QHash<QString, QJsonObject> byId;
        QString cursor;
        do {
            const QJsonObject page = http.get(QStringLiteral("/v1/actions?limit=1000&cursor=") + cursor, lead).json();
            for (const QJsonValue &v : page.value(QLatin1String("items")).toArray()) {
                const QJsonObject a = v.toObject();
                ++perKey[a.value(QLatin1String("idempotency_key")).toString()];
                byId.insert(a.value(QLatin1String("id")).toString(), a);
            }
            cursor = page.value(QLatin1String("next_cursor")).toString();
        } while (!cursor.isEmpty());
        for (auto it = perKey.cbegin(); it != perKey.cend(); ++it)
            QVERIFY2(
                it.value() == 1, qPrintable(QStringLiteral("key %1 stored %2 times").arg(it.key()).arg(it.value())));
        for (auto it = records.ackedSubmits.cbegin(); it != records.ackedSubmits.cend(); ++it) {
            QVERIFY2(byId.contains(it.value()), qPrintable(QStringLiteral("acked %1 lost").arg(it.key())));
            QCOMPARE(byId.value(it.value()).value(QLatin1String("idempotency_key")).toString(), it.key());
        }
        // Every acknowledged decision is there as acknowledged; nothing decided is pending again.
        for (auto it = records.ackedDecisions.cbegin(); it != records.ackedDecisions.cend(); ++it) {
            const QJsonObject stored = byId.value(it.key());
            QCOMPARE(decisionFacts(stored), decisionFacts(it.value()));
            QVERIFY(stored.value(QLatin1String("state")).toString() != QLatin1String("pending"));
            // And it stays so: a second decision is refused.
            const HttpResult again = http.post(QStringLiteral("/v1/actions/%1/decision").arg(it.key()),
                QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, reviewers[0]);
            QCOMPARE(again.status, 409);
        }
        // Actions never sent a decision are still pending (a kill decides nothing by itself).
        int pending = 0;
        for (auto it = byId.cbegin(); it != byId.cend(); ++it) {
            if (!records.sentDecisions.contains(it.key())) {
                QCOMPARE(it.value().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
                ++pending;
            }
        }
        const HttpResult verify = http.get(QStringLiteral("/v1/audit/verify"), lead);
        QCOMPARE(verify.status, 200);
        QVERIFY2(verify.json().value(QLatin1String("ok")).toBool(), verify.body.constData());

        server.process().terminate();
        QVERIFY(server.waitForExit(10000));
        QCOMPARE(integrityCheck(db), QStringLiteral("ok"));
        qInfo("FIGURES kills=%d acked_submits=%lld acked_decisions=%lld actions=%lld pending=%d", killsDone,
            qint64(records.ackedSubmits.size()), qint64(records.ackedDecisions.size()), qint64(byId.size()), pending);
    }

private:
    // A client that never heard back resends with the same idempotency key: it must get the
    // one action (200) or create it now (201), never a second one.
    static void retryUnanswered(const QUrl &url, const QByteArray (&agents)[2], ClientRecords &records)
    {
        HttpClient http(url);
        const QHash<QString, int> keys = records.sentKeys;
        for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
            const QString &key = it.key();
            if (records.ackedSubmits.contains(key))
                continue;
            const QByteArray &agent = agents[it.value()];
            const HttpResult r = http.post(QStringLiteral("/v1/actions"),
                TestServer::submitBody({{QStringLiteral("idempotency_key"), key}}), agent);
            if (r.status == 200 || r.status == 201)
                records.ackedSubmits.insert(key, r.json().value(QLatin1String("id")).toString());
            else
                qWarning("retry of %s: %d %s", qPrintable(key), r.status, r.body.constData());
        }
    }

    static QString integrityCheck(const QString &path)
    {
        QString result;
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            sql.setDatabaseName(path);
            if (sql.open()) {
                QSqlQuery q(sql);
                if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                    result = q.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        return result;
    }

    int m_kills = 10;
    quint32 m_seed = 1;
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
