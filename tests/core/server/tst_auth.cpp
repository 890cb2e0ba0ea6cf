#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

class TestAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void missingAndUnknownTokens()
    {
        TestServer server;
        QVERIFY(server.start());
        const HttpResult none = server.http().get(QStringLiteral("/v1/actions"));
        QCOMPARE(none.status, 401);
        QCOMPARE(none.errorCode(), QStringLiteral("unauthorized"));
        QCOMPARE(none.header("WWW-Authenticate"), QByteArray("Bearer"));
        const HttpResult unknown = server.http().get(QStringLiteral("/v1/actions"), "cs_not-a-token");
        QCOMPARE(unknown.status, 401);
        // The query parameter is for WebSockets only.
        const QByteArray reviewer = server.token(Role::Reviewer);
        QCOMPARE(server.http().get(QStringLiteral("/v1/actions?token=") + QString::fromLatin1(reviewer)).status, 401);
        QCOMPARE(server.http().get(QStringLiteral("/v1/actions"), reviewer).status, 200);
        const HttpResult me = server.http().get(QStringLiteral("/v1/me"), reviewer);
        QCOMPARE(me.json().value(QLatin1String("name")).toString(), QStringLiteral("reviewer-1"));
        QCOMPARE(me.json().value(QLatin1String("role")).toString(), QStringLiteral("reviewer"));
        // Public endpoints need nothing.
        QCOMPARE(server.http().get(QStringLiteral("/healthz")).status, 200);
    }

    void rolesAreChecked_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        const QByteArray submit = "{\"type\":\"x.y\",\"title\":\"t\",\"payload\":{\"content\":\"c\"}}";
        QTest::newRow("reviewer submits")
            << int(Role::Reviewer) << QByteArray("POST") << QStringLiteral("/v1/actions") << submit << 403;
        QTest::newRow("admin submits") << int(Role::Admin) << QByteArray("POST") << QStringLiteral("/v1/actions")
                                       << submit << 403;
        QTest::newRow("agent submits") << int(Role::Agent) << QByteArray("POST") << QStringLiteral("/v1/actions")
                                       << submit << 201;
        QTest::newRow("agent claims") << int(Role::Agent) << QByteArray("POST") << QStringLiteral("/v1/actions/x/claim")
                                      << QByteArray() << 403;
        QTest::newRow("agent stats") << int(Role::Agent) << QByteArray("GET") << QStringLiteral("/v1/queue/stats")
                                     << QByteArray() << 403;
        QTest::newRow("reviewer stats") << int(Role::Reviewer) << QByteArray("GET") << QStringLiteral("/v1/queue/stats")
                                        << QByteArray() << 403;
        QTest::newRow("lead stats") << int(Role::Lead) << QByteArray("GET") << QStringLiteral("/v1/queue/stats")
                                    << QByteArray() << 200;
        QTest::newRow("reviewer audit") << int(Role::Reviewer) << QByteArray("GET") << QStringLiteral("/v1/audit")
                                        << QByteArray() << 403;
        QTest::newRow("lead audit") << int(Role::Lead) << QByteArray("GET") << QStringLiteral("/v1/audit/verify")
                                    << QByteArray() << 200;
        QTest::newRow("reviewer reassigns")
            << int(Role::Reviewer) << QByteArray("POST") << QStringLiteral("/v1/actions/x/reassign")
            << QByteArray("{\"reviewer\":\"a\"}") << 403;
        QTest::newRow("lead puts policy")
            << int(Role::Lead) << QByteArray("PUT") << QStringLiteral("/v1/policy") << QByteArray("{}") << 403;
        QTest::newRow("lead lists tokens")
            << int(Role::Lead) << QByteArray("GET") << QStringLiteral("/v1/tokens") << QByteArray() << 403;
        QTest::newRow("admin lists tokens")
            << int(Role::Admin) << QByteArray("GET") << QStringLiteral("/v1/tokens") << QByteArray() << 200;
        QTest::newRow("admin stats") << int(Role::Admin) << QByteArray("GET") << QStringLiteral("/v1/queue/stats")
                                     << QByteArray() << 200;
    }
    void rolesAreChecked()
    {
        QFETCH(int, role);
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        TestServer server;
        QVERIFY(server.start());
        const HttpResult r = server.http().send(verb, path, body, server.token(Role(role)));
        QCOMPARE(r.status, status);
        if (status == 403)
            QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
    }

    void rateLimitPerToken()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.ratePerSecond = 0.01; // effectively no refill during the test
        config.limits.rateBurst = 3;
        TestServer server(config);
        QVERIFY(server.start());
        const QByteArray a = server.token(Role::Reviewer, QStringLiteral("a"));
        const QByteArray b = server.token(Role::Reviewer, QStringLiteral("b"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(server.http().get(QStringLiteral("/v1/actions"), a).status, 200);
        const HttpResult limited = server.http().get(QStringLiteral("/v1/actions"), a);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
        QVERIFY(limited.header("Retry-After").toInt() >= 1);
        QCOMPARE(server.http().get(QStringLiteral("/v1/actions"), b).status, 200); // per token
    }

    // Wrong tokens from one address: 20 get 401, then 429 with Retry-After until the bucket
    // refills (20 a minute, on the injected clock); a valid token from the same address works
    // throughout.
    void failedAuthenticationBacksOff()
    {
        TestServer server;
        QVERIFY(server.start());
        const QByteArray valid = server.token(Role::Agent, QStringLiteral("bot"));
        auto wrong = [&server](int i) {
            return server.http().get(QStringLiteral("/v1/actions"), "cs_wrong-" + QByteArray::number(i));
        };
        for (int i = 0; i < 20; ++i)
            QCOMPARE(wrong(i).status, 401);
        const HttpResult limited = wrong(20);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
        QCOMPARE(limited.header("Retry-After"), QByteArray("3"));
        QCOMPARE(wrong(0).status, 429); // a token refused before, too
        QCOMPARE(server.http().get(QStringLiteral("/v1/actions"), "cs_" + QByteArray(43, 'A')).status, 429);
        // Known tokens are not held back.
        QCOMPARE(server.submit(valid).status, 201);
        QCOMPARE(server.http().get(QStringLiteral("/v1/actions"), valid).status, 200);
        // Sending no token is no failed attempt: still a plain 401.
        QCOMPARE(server.http().get(QStringLiteral("/v1/actions")).status, 401);
        // Three seconds later one more try is allowed, then the address waits again.
        server.clock().advance(3000);
        QCOMPARE(wrong(21).status, 401);
        QCOMPARE(wrong(22).status, 429);
        // A revoked token counts as a failure like an unknown one.
        server.clock().advance(60'000);
        const QByteArray admin = server.token(Role::Admin);
        const QByteArray doomed = server.token(Role::Agent, QStringLiteral("doomed"));
        QCOMPARE(server.http().del(QStringLiteral("/v1/tokens/doomed"), admin).status, 200);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(server.submit(doomed).status, 401);
        QCOMPARE(server.submit(doomed).status, 429);
        QCOMPARE(server.submit(valid).status, 201);
    }

    void tokensThroughTheApi()
    {
        TestServer server;
        QVERIFY(server.start());
        const QByteArray admin = server.token(Role::Admin);
        const HttpResult created = server.http().post(QStringLiteral("/v1/tokens"),
            QJsonObject{
                {QStringLiteral("name"), QStringLiteral("new-bot")}, {QStringLiteral("role"), QStringLiteral("agent")}},
            admin);
        QCOMPARE(created.status, 201);
        const QByteArray token = created.json().value(QLatin1String("token")).toString().toLatin1();
        QVERIFY(token.startsWith("cs_"));
        QCOMPARE(server.submit(token).status, 201);

        const HttpResult list = server.http().get(QStringLiteral("/v1/tokens"), admin);
        QCOMPARE(list.status, 200);
        QVERIFY(!list.body.contains(token)); // never the token itself
        QVERIFY(list.body.contains("new-bot"));

        QCOMPARE(server.http().del(QStringLiteral("/v1/tokens/new-bot"), admin).status, 200);
        QCOMPARE(server.submit(token).status, 401);
        QCOMPARE(server.http().del(QStringLiteral("/v1/tokens/new-bot"), admin).status, 404);

        QCOMPARE(server.http()
                     .post(QStringLiteral("/v1/tokens"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                             {QStringLiteral("role"), QStringLiteral("root")}},
                         admin)
                     .errorField(),
            QStringLiteral("role"));
        QCOMPARE(server.http()
                     .post(QStringLiteral("/v1/tokens"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("bad name")},
                             {QStringLiteral("role"), QStringLiteral("agent")}},
                         admin)
                     .errorField(),
            QStringLiteral("name"));

        // Token changes are audited.
        const HttpResult audit = server.http().get(QStringLiteral("/v1/audit?limit=1000"), admin);
        QStringList kinds;
        for (const QJsonValue &v : audit.json().value(QLatin1String("items")).toArray())
            kinds.append(v.toObject().value(QLatin1String("kind")).toString());
        QVERIFY(kinds.contains(QStringLiteral("token.created")));
        QVERIFY(kinds.contains(QStringLiteral("token.revoked")));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
