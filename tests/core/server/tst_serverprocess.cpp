#include "httpclient.h"
#include "serverprocess.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

// The countersign-server executable: its command line, --demo, graceful SIGTERM and a SIGKILL in
// the middle of a write load.
class TestServerProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenCreate()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("c.db"));
        QByteArray output;
        QCOMPARE(ServerProcess::runToEnd({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"),
                                             QStringLiteral("reviewer"), QStringLiteral("--name"),
                                             QStringLiteral("rita"), QStringLiteral("--db"), db},
                     &output),
            0);
        const QByteArray token = output.trimmed().split('\n').last();
        QVERIFY(token.startsWith("cs_"));
        QVERIFY(!token.contains(' '));
        // Only the hash is stored.
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(token));

        QCOMPARE(
            ServerProcess::runToEnd({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"),
                QStringLiteral("root"), QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--db"), db}),
            2);
        QCOMPARE(
            ServerProcess::runToEnd({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--db"), db}),
            2);

        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--db"), db}));
        HttpClient http(server.url());
        QCOMPARE(http.get(QStringLiteral("/v1/actions"), token).status, 200);
        // A token created while the server runs works at once.
        const QByteArray late = ServerProcess::createToken(db, QStringLiteral("agent"), QStringLiteral("late-bot"));
        QCOMPARE(http.post(QStringLiteral("/v1/actions"), TestServer::submitBody(), late).status, 201);
    }

    void badArguments()
    {
        QCOMPARE(ServerProcess::runToEnd({QStringLiteral("--listen"), QStringLiteral("nowhere")}), 2);
        QCOMPARE(ServerProcess::runToEnd({QStringLiteral("--policy"), QStringLiteral("/no/such/policy.json")}), 2);
        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("policy.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"version\": \"one\"}");
        bad.close();
        QCOMPARE(
            ServerProcess::runToEnd({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                dir.filePath(QStringLiteral("c.db")), QStringLiteral("--policy"), bad.fileName()}),
            1);
    }

    void demo()
    {
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--db"), dir.filePath(QStringLiteral("c.db")), QStringLiteral("--demo"),
            QStringLiteral("--demo-interval"), QStringLiteral("1")}));
        QFile file(dir.filePath(QStringLiteral("demo-tokens.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject demo = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(demo.value(QLatin1String("server")).toString(), server.url().toString());
        const QJsonObject tokens = demo.value(QLatin1String("tokens")).toObject();
        QCOMPARE(tokens.keys(),
            (QStringList{
                QStringLiteral("admin"), QStringLiteral("agent"), QStringLiteral("lead"), QStringLiteral("reviewer")}));
        QVERIFY(server.output().contains(tokens.value(QLatin1String("reviewer")).toString().toLatin1()));

        HttpClient http(server.url());
        const QByteArray reviewer = tokens.value(QLatin1String("reviewer")).toString().toLatin1();
        QJsonArray items;
        for (int i = 0; i < 100 && items.size() < 40; ++i) {
            QTest::qWait(50);
            items = http.get(QStringLiteral("/v1/actions?limit=1000"), reviewer)
                        .json()
                        .value(QLatin1String("items"))
                        .toArray();
        }
        QVERIFY2(items.size() >= 40, qPrintable(QString::number(items.size())));
        QSet<QString> types, states;
        for (const QJsonValue &v : std::as_const(items)) {
            types.insert(v.toObject().value(QLatin1String("type")).toString());
            states.insert(v.toObject().value(QLatin1String("state")).toString());
        }
        QVERIFY(types.size() >= 6);
        QVERIFY(states.contains(QStringLiteral("pending")));
        // The stream goes on.
        QTRY_VERIFY_WITH_TIMEOUT(http.get(QStringLiteral("/v1/actions?limit=1000"), reviewer)
                                     .json()
                                     .value(QLatin1String("items"))
                                     .toArray()
                                     .size()
                > items.size(),
            5000);
        // Every role's token works.
        QCOMPARE(http.get(QStringLiteral("/v1/queue/stats"), tokens.value(QLatin1String("lead")).toString().toLatin1())
                     .status,
            200);
        QCOMPARE(
            http.get(QStringLiteral("/v1/tokens"), tokens.value(QLatin1String("admin")).toString().toLatin1()).status,
            200);
        QCOMPARE(
            http.get(QStringLiteral("/v1/actions"), tokens.value(QLatin1String("agent")).toString().toLatin1()).status,
            200);
    }

    void sigtermDrainsInFlightRequests()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("c.db"));
        const QByteArray agent = ServerProcess::createToken(db, QStringLiteral("agent"), QStringLiteral("bot"));
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--db"), db}));
        HttpClient http(server.url());
        const QString id = http.post(QStringLiteral("/v1/actions"), TestServer::submitBody(), agent)
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
        QVERIFY(!id.isEmpty());
        QNetworkReply *waiting = http.start("GET", QStringLiteral("/v1/actions/%1?wait=30").arg(id), {}, agent);
        QTest::qWait(300);
        server.process().terminate(); // SIGTERM
        const HttpResult answer = HttpClient::wait(waiting, 10000);
        QCOMPARE(answer.status, 200); // answered with the action as it stands, not dropped
        QCOMPARE(answer.json().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        QVERIFY(answer.elapsedMs < 5000);
        QVERIFY(server.waitForExit(10000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
    }

    // SIGKILL in the middle of a write load, then a restart on the same file: every acknowledged
    // submit and decision is there exactly once, SQLite is intact, the audit chain verifies.
    void killNineLosesNothingAcknowledged()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("c.db"));
        const QByteArray agent = ServerProcess::createToken(db, QStringLiteral("agent"), QStringLiteral("bot"));
        const QByteArray reviewer = ServerProcess::createToken(db, QStringLiteral("reviewer"), QStringLiteral("rita"));
        const QByteArray lead = ServerProcess::createToken(db, QStringLiteral("lead"), QStringLiteral("lena"));
        QVERIFY(!agent.isEmpty() && !reviewer.isEmpty() && !lead.isEmpty());

        ServerProcess first;
        QVERIFY(first.start({QStringLiteral("--db"), db, QStringLiteral("--rate"), QStringLiteral("100000")}));
        QHash<QString, QString> ackedSubmits; // idempotency key -> id
        QSet<QString> ackedApprovals;
        QSet<QString> sentApprovals; // sent, answer maybe lost in the kill: either outcome is fine
        {
            std::vector<std::unique_ptr<HttpClient>> clients;
            for (int i = 0; i < 3; ++i)
                clients.push_back(std::make_unique<HttpClient>(first.url()));
            int next = 0;
            int inFlight = 0;
            bool killed = false;
            std::function<void(HttpClient *)> launch = [&](HttpClient *client) {
                if (killed)
                    return;
                const QString key = QStringLiteral("k-%1").arg(next++);
                const QByteArray body = QJsonDocument(
                    TestServer::submitBody({{QStringLiteral("idempotency_key"),
                        key}})).toJson(QJsonDocument::Compact);
                QNetworkReply *reply = client->start("POST", QStringLiteral("/v1/actions"), body, agent);
                ++inFlight;
                QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, key, client] {
                    --inFlight;
                    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    const QJsonObject a = QJsonDocument::fromJson(reply->readAll()).object();
                    reply->deleteLater();
                    if (status == 201) {
                        const QString id = a.value(QLatin1String("id")).toString();
                        ackedSubmits.insert(key, id);
                        if (ackedSubmits.size() % 3 == 0) {
                            sentApprovals.insert(id);
                            QNetworkReply *decision
                                = client->start("POST", QStringLiteral("/v1/actions/%1/decision").arg(id),
                                    "{\"outcome\":\"approve\"}", reviewer);
                            ++inFlight;
                            QObject::connect(decision, &QNetworkReply::finished, decision, [&, decision, id] {
                                --inFlight;
                                if (decision->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                                    ackedApprovals.insert(id);
                                decision->deleteLater();
                            });
                        }
                    }
                    launch(client);
                });
            };
            for (auto &c : clients) {
                for (int i = 0; i < 4; ++i)
                    launch(c.get());
            }
            QTRY_VERIFY_WITH_TIMEOUT(ackedSubmits.size() >= 300, 30000);
            first.process().kill(); // SIGKILL, mid-load
            killed = true;
            QVERIFY(first.waitForExit(5000));
            QTRY_COMPARE_WITH_TIMEOUT(inFlight, 0, 10000);
        }
        QVERIFY(!ackedApprovals.isEmpty());

        ServerProcess second;
        QVERIFY(second.start({QStringLiteral("--db"), db, QStringLiteral("--rate"), QStringLiteral("100000")}));
        HttpClient http(second.url());
        // Each acknowledged submit is there, with its acknowledged decision.
        for (auto it = ackedSubmits.cbegin(); it != ackedSubmits.cend(); ++it) {
            const HttpResult r = http.get(QStringLiteral("/v1/actions/") + it.value(), agent);
            QCOMPARE(r.status, 200);
            const QString state = r.json().value(QLatin1String("state")).toString();
            if (ackedApprovals.contains(it.value()))
                QCOMPARE(state, QStringLiteral("approved"));
            else if (!sentApprovals.contains(it.value()))
                QCOMPARE(state, QStringLiteral("pending"));
        }
        // ...exactly once: every key maps to one action.
        QHash<QString, int> perKey;
        QString cursor;
        int total = 0;
        do {
            const QJsonObject page = http.get(QStringLiteral("/v1/actions?limit=1000&cursor=") + cursor, agent).json();
            for (const QJsonValue &v : page.value(QLatin1String("items")).toArray()) {
                ++perKey[v.toObject().value(QLatin1String("idempotency_key")).toString()];
                ++total;
            }
            cursor = page.value(QLatin1String("next_cursor")).toString();
        } while (!cursor.isEmpty());
        for (auto it = ackedSubmits.cbegin(); it != ackedSubmits.cend(); ++it)
            QCOMPARE(perKey.value(it.key()), 1);
        QVERIFY(total >= ackedSubmits.size());
        for (auto it = perKey.cbegin(); it != perKey.cend(); ++it)
            QCOMPARE(it.value(), 1);
        // Replaying an acknowledged submit finds it instead of making another.
        const QString someKey = ackedSubmits.cbegin().key();
        const HttpResult replay = http.post(QStringLiteral("/v1/actions"),
            TestServer::submitBody({{QStringLiteral("idempotency_key"), someKey}}), agent);
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.json().value(QLatin1String("id")).toString(), ackedSubmits.value(someKey));

        const HttpResult verify = http.get(QStringLiteral("/v1/audit/verify"), lead);
        QCOMPARE(verify.status, 200);
        QVERIFY2(verify.json().value(QLatin1String("ok")).toBool(), verify.body.constData());

        second.process().terminate();
        QVERIFY(second.waitForExit(10000));
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        qInfo("acknowledged before SIGKILL: %lld submits, %lld approvals; %d actions after restart",
            qint64(ackedSubmits.size()), qint64(ackedApprovals.size()), total);
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
