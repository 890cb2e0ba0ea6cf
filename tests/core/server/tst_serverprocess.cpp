#include "httpclient.h"
#include "rawhttpclient.h"
#include "server/serverprogram.h"
#include "serverprocess.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

// The countersign-server executable: its command line, --demo and graceful SIGTERM (SIGKILL under
// load has its own test, tst_crash).
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

        // Its WebSocket upgrade is not held while the database is asked (the upgrade verifier
        // answers at once): the first try is told to retry in a second, the retry goes through.
        const QByteArray lateReviewer
            = ServerProcess::createToken(db, QStringLiteral("reviewer"), QStringLiteral("late-rita"));
        const auto upgrade = [&](const QByteArray &bearer, QByteArray *head = nullptr) {
            RawHttpClient raw;
            if (!raw.connectTo(quint16(server.url().port())))
                return 0;
            raw.send("GET /v1/events HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                     "Authorization: Bearer "
                + bearer + "\r\n\r\n");
            return raw.response(5000, nullptr, head);
        };
        QByteArray head;
        QCOMPARE(upgrade(lateReviewer, &head), 503);
        QVERIFY2(head.toLower().contains("retry-after: 1"), head.constData());
        QTRY_COMPARE(upgrade(lateReviewer), 101);
        // Not shaped like a token: refused without a lookup.
        QCOMPARE(upgrade("cs_short"), 401);
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

    // A store URL is no path: the server once ran mkpath on it and left a folder named
    // "postgresql:" (holding "user@host:port") in the working directory.
    void storeUrlCreatesNoDirectory()
    {
        QCOMPARE(ServerProgram::databaseDirectory(QStringLiteral("postgresql://cs@127.0.0.1:1/none")), QString());
        QCOMPARE(ServerProgram::databaseDirectory(QStringLiteral("postgres://cs@host/db")), QString());
        QCOMPARE(
            ServerProgram::databaseDirectory(QStringLiteral("sqlite:/srv/cs/c.db?mode=ro")), QStringLiteral("/srv/cs"));
        QCOMPARE(ServerProgram::databaseDirectory(QStringLiteral("/srv/cs/c.db")), QStringLiteral("/srv/cs"));

        QTemporaryDir work;
        const QString url = QStringLiteral("postgresql://cs@127.0.0.1:1/none"); // nothing listens on port 1
        for (const QStringList &arguments :
            {QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), url},
                QStringList{QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"),
                    QStringLiteral("agent"), QStringLiteral("--name"), QStringLiteral("bot"), QStringLiteral("--db"),
                    url}}) {
            QProcess p;
            p.setWorkingDirectory(work.path());
            p.start(ServerProcess::binary(), arguments);
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitCode(), 1); // the database is not there; that is all that went wrong
            QCOMPARE(QDir(work.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
        }
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
        (void)QTest::qWaitFor(
            [&] {
                items = http.get(QStringLiteral("/v1/actions?limit=1000"), reviewer)
                            .json()
                            .value(QLatin1String("items"))
                            .toArray();
                return items.size() >= 40;
            },
            5000);
        QVERIFY2(items.size() >= 40, qPrintable(QString::number(items.size())));
        QSet<QString> types, states;
        for (const QJsonValue &v : std::as_const(items)) {
            types.insert(v.toObject().value(QLatin1String("type")).toString());
            states.insert(v.toObject().value(QLatin1String("state")).toString());
        }
        QVERIFY(types.size() >= 6);
        // A fresh database starts with the demo's history: the oldest actions are weeks old and
        // decided; the live feed adds pending ones.
        const QDateTime oldest = QDateTime::fromString(
            items.first().toObject().value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs);
        QVERIFY(oldest.isValid());
        QVERIFY(oldest < QDateTime::currentDateTimeUtc().addDays(-60));
        QTRY_VERIFY_WITH_TIMEOUT(server.output().contains("demo history: "), 5000);
        const auto pending = [&http, &reviewer] {
            return http.get(QStringLiteral("/v1/actions?state=pending&limit=1000"), reviewer)
                .json()
                .value(QLatin1String("items"))
                .toArray()
                .size();
        };
        const qsizetype waiting = pending();
        QVERIFY(waiting > 0);
        // The stream goes on.
        QTRY_VERIFY_WITH_TIMEOUT(pending() > waiting, 15000);
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
        QTRY_COMPARE_WITH_TIMEOUT(http.metric("countersign_long_poll_waiters"), 1, 5000); // it waits
        server.process().terminate(); // SIGTERM
        const HttpResult answer = HttpClient::wait(waiting, 10000);
        QCOMPARE(answer.status, 200); // answered with the action as it stands, not dropped
        QCOMPARE(answer.json().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        QVERIFY(answer.elapsedMs < 5000);
        QVERIFY(server.waitForExit(10000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
    }
    // SIGKILL under load: tst_crash.
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
