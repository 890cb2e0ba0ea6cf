#include "routetestcase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

class TestActionRoutes : public RouteTestCase
{
    Q_OBJECT
private Q_SLOTS:
    void submitPlacesTheActionByPolicy_data()
    {
        QTest::addColumn<QJsonObject>("overrides");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("tier");
        QTest::addColumn<QString>("decidedBy");
        QTest::newRow("review") << QJsonObject() << QStringLiteral("pending") << QStringLiteral("review") << QString();
        QTest::newRow("auto") << QJsonObject{{QStringLiteral("type"), QStringLiteral("email.send_internal")}}
                              << QStringLiteral("approved") << QStringLiteral("auto") << QStringLiteral("policy");
        QTest::newRow("prohibited") << QJsonObject{{QStringLiteral("type"), QStringLiteral("db.drop_table")}}
                                    << QStringLiteral("rejected") << QStringLiteral("prohibited")
                                    << QStringLiteral("policy");
        QTest::newRow("rule makes it stricter")
            << QJsonObject{{QStringLiteral("type"), QStringLiteral("refund.issue")},
                   {QStringLiteral("context"), QJsonObject{{QStringLiteral("amount"), 9000}}}}
            << QStringLiteral("rejected") << QStringLiteral("prohibited") << QStringLiteral("policy");
        QTest::newRow("low confidence") << QJsonObject{{QStringLiteral("type"), QStringLiteral("email.send_internal")},
            {QStringLiteral("confidence"), 0.3}}
                                        << QStringLiteral("pending") << QStringLiteral("review") << QString();
    }
    void submitPlacesTheActionByPolicy()
    {
        QFETCH(QJsonObject, overrides);
        QFETCH(QString, state);
        QFETCH(QString, tier);
        QFETCH(QString, decidedBy);
        const HttpResult r = m_server->submit(m_agent, overrides);
        QCOMPARE(r.status, 201);
        const QJsonObject a = r.json();
        QCOMPARE(a.value(QLatin1String("state")).toString(), state);
        QCOMPARE(a.value(QLatin1String("tier")).toString(), tier);
        QCOMPARE(a.value(QLatin1String("decided_by")).toString(), decidedBy);
        QCOMPARE(a.value(QLatin1String("agent")).toString(), QStringLiteral("bot"));
        QVERIFY(!a.value(QLatin1String("id")).toString().isEmpty());
        if (state == QLatin1String("rejected"))
            QVERIFY(!a.value(QLatin1String("reason")).toString().isEmpty());
        // Durable before the answer: reading it back gives the same record.
        const HttpResult back
            = m_server->http().get(QStringLiteral("/v1/actions/") + a.value(QLatin1String("id")).toString(), m_agent);
        QCOMPARE(back.status, 200);
        QCOMPARE(back.json(), a);
    }

    void idempotentReplays()
    {
        const QJsonObject key{{QStringLiteral("idempotency_key"), QStringLiteral("order-77")}};
        const HttpResult first = m_server->submit(m_agent, key);
        QCOMPARE(first.status, 201);
        const HttpResult again = m_server->submit(m_agent, key);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QLatin1String("id")), first.json().value(QLatin1String("id")));
        QJsonObject different = key;
        different.insert(QStringLiteral("title"), QStringLiteral("Another title"));
        const HttpResult reused = m_server->submit(m_agent, different);
        QCOMPARE(reused.status, 409);
        QCOMPARE(reused.errorCode(), QStringLiteral("conflict"));
        QCOMPARE(reused.errorField(), QStringLiteral("idempotency_key"));
        // Another agent's keys are its own.
        const HttpResult other = m_server->submit(m_server->token(Role::Agent, QStringLiteral("other-bot")), key);
        QCOMPARE(other.status, 201);
        const HttpResult list = m_server->http().get(QStringLiteral("/v1/actions"), m_agent);
        QCOMPARE(list.json().value(QLatin1String("items")).toArray().size(), 1);
    }

    void concurrentReplaysMakeOneAction()
    {
        const QByteArray body
            = QJsonDocument(TestServer::submitBody({{QStringLiteral("idempotency_key"), QStringLiteral("same")}}))
                  .toJson(QJsonDocument::Compact);
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 8; ++i)
            replies.append(m_server->http().start("POST", QStringLiteral("/v1/actions"), body, m_agent));
        QSet<QString> ids;
        int created = 0;
        for (QNetworkReply *reply : replies) {
            const HttpResult r = HttpClient::wait(reply);
            QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
            created += r.status == 201 ? 1 : 0;
            ids.insert(r.json().value(QLatin1String("id")).toString());
        }
        QCOMPARE(created, 1);
        QCOMPARE(ids.size(), 1);
    }

    void invalidSubmitsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("malformed") << QByteArray("{\"type\": ") << QStringLiteral("body");
        QTest::newRow("bad utf-8") << QByteArray("{\"type\":\"a\xff\"}") << QStringLiteral("body");
        QTest::newRow("wrong type") << QByteArray(
            "{\"type\":\"x.y\",\"title\":\"t\",\"payload\":{\"content\":\"c\"},\"confidence\":\"high\"}")
                                    << QStringLiteral("confidence");
        QTest::newRow("huge number") << QByteArray(
            "{\"type\":\"x.y\",\"title\":\"t\",\"payload\":{\"content\":\"c\"},\"confidence\":1e308}")
                                     << QStringLiteral("confidence");
        QTest::newRow("server-owned") << QByteArray(
            "{\"type\":\"x.y\",\"title\":\"t\",\"payload\":{\"content\":\"c\"},\"decided_by\":\"me\"}")
                                      << QStringLiteral("decided_by");
        QTest::newRow("unknown") << QByteArray(
            "{\"type\":\"x.y\",\"title\":\"t\",\"payload\":{\"content\":\"c\"},\"urgent\":true}")
                                 << QStringLiteral("urgent");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("body");
    }
    void invalidSubmitsNameTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult r = m_server->http().postRaw(QStringLiteral("/v1/actions"), body, m_agent);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_argument"));
        QCOMPARE(r.errorField(), field);
    }

    void getUnknownAndOthersActions()
    {
        QCOMPARE(m_server->http().get(QStringLiteral("/v1/actions/nope"), m_agent).status, 404);
        const QString id = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        const QByteArray other = m_server->token(Role::Agent, QStringLiteral("other-bot"));
        const HttpResult hidden = m_server->http().get(QStringLiteral("/v1/actions/") + id, other);
        QCOMPARE(hidden.status, 404);
        QCOMPARE(hidden.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(m_server->http().get(QStringLiteral("/v1/actions/") + id, m_rita).status, 200);
    }

    void listFiltersSortsAndPages()
    {
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            m_server->clock().advance(1000);
            ids.append(m_server->submit(m_agent, {{QStringLiteral("confidence"), 0.9 - i * 0.1}})
                    .json()
                    .value(QLatin1String("id"))
                    .toString());
        }
        m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("refund.issue")}});
        m_server->submit(m_server->token(Role::Agent, QStringLiteral("other-bot")));

        // Agents see only their own; reviewers see all.
        QCOMPARE(m_server->http()
                     .get(QStringLiteral("/v1/actions?state=pending&limit=100"), m_agent)
                     .json()
                     .value(QLatin1String("items"))
                     .toArray()
                     .size(),
            6);
        QCOMPARE(m_server->http()
                     .get(QStringLiteral("/v1/actions?state=pending&limit=100"), m_rita)
                     .json()
                     .value(QLatin1String("items"))
                     .toArray()
                     .size(),
            7);
        QCOMPARE(m_server->http()
                     .get(QStringLiteral("/v1/actions?category=finance"), m_rita)
                     .json()
                     .value(QLatin1String("items"))
                     .toArray()
                     .size(),
            1);
        QCOMPARE(m_server->http()
                     .get(QStringLiteral("/v1/actions?type=refund.issue"), m_rita)
                     .json()
                     .value(QLatin1String("items"))
                     .toArray()
                     .size(),
            1);

        // Lowest confidence first, two per page, following next_cursor.
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            const HttpResult page = m_server->http().get(
                QStringLiteral("/v1/actions?type=email.send_external&sort=confidence&limit=2&cursor=") + cursor,
                m_agent);
            QCOMPARE(page.status, 200);
            for (const QJsonValue &v : page.json().value(QLatin1String("items")).toArray())
                seen.append(v.toObject().value(QLatin1String("id")).toString());
            cursor = page.json().value(QLatin1String("next_cursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QStringList expected = ids;
        std::reverse(expected.begin(), expected.end());
        QCOMPARE(seen, expected);
    }

    void listRefusesBadParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("state") << QStringLiteral("state=done") << QStringLiteral("state");
        QTest::newRow("sort") << QStringLiteral("sort=random") << QStringLiteral("sort");
        QTest::newRow("limit zero") << QStringLiteral("limit=0") << QStringLiteral("limit");
        QTest::newRow("limit huge") << QStringLiteral("limit=100000") << QStringLiteral("limit");
        QTest::newRow("limit text") << QStringLiteral("limit=ten") << QStringLiteral("limit");
    }
    void listRefusesBadParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpResult r = m_server->http().get(QStringLiteral("/v1/actions?") + query, m_rita);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), field);
    }

    void withdraw()
    {
        const QString id = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        const QByteArray other = m_server->token(Role::Agent, QStringLiteral("other-bot"));
        QCOMPARE(m_server->http().post(QStringLiteral("/v1/actions/%1/withdraw").arg(id), {}, other).status, 404);
        QCOMPARE(m_server->http().post(QStringLiteral("/v1/actions/%1/withdraw").arg(id), {}, m_rita).status, 403);
        const HttpResult r = m_server->http().post(QStringLiteral("/v1/actions/%1/withdraw").arg(id), {}, m_agent);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("withdrawn"));
        const HttpResult again = m_server->http().post(QStringLiteral("/v1/actions/%1/withdraw").arg(id), {}, m_agent);
        QCOMPARE(again.status, 409);
    }
};

QTEST_GUILESS_MAIN(TestActionRoutes)
#include "tst_actionroutes.moc"
