#include "routetestcase.h"
#include "server/policyservice.h"
#include "testserver.h"

#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

class TestReviewRoutes : public RouteTestCase
{
    Q_OBJECT
    void setUpServer() override
    {
        m_sam = m_server->token(Role::Reviewer, QStringLiteral("sam"));
        m_lead = m_server->token(Role::Lead, QStringLiteral("lena"));
        m_id = submitPending();
        QVERIFY(!m_id.isEmpty());
    }

private Q_SLOTS:
    void claimAndRelease()
    {
        HttpClient &http = m_server->http();
        const HttpResult claimed = http.post(path("claim"), {}, m_rita);
        QCOMPARE(claimed.status, 200);
        QCOMPARE(claimed.json().value(QLatin1String("claimed_by")).toString(), QStringLiteral("rita"));
        QCOMPARE(claimed.json().value(QLatin1String("lease_expires_at")).toString(),
            QStringLiteral("2026-01-01T09:05:00.000Z")); // the default lease, 300 s on the manual clock

        const HttpResult taken = http.post(path("claim"), {}, m_sam);
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.errorCode(), QStringLiteral("conflict"));
        QCOMPARE(http.del(path("claim"), m_sam).status, 409); // not sam's to release

        const HttpResult renewed = http.post(path("claim"), QJsonObject{{QStringLiteral("lease_s"), 60}}, m_rita);
        QCOMPARE(renewed.status, 200);
        QCOMPARE(renewed.json().value(QLatin1String("lease_expires_at")).toString(),
            QStringLiteral("2026-01-01T09:01:00.000Z"));

        const HttpResult released = http.del(path("claim"), m_rita);
        QCOMPARE(released.status, 200);
        QVERIFY(released.json().value(QLatin1String("claimed_by")).isNull());
        QCOMPARE(http.post(path("claim"), {}, m_sam).status, 200);
        // A lead may release anyone's claim.
        QCOMPARE(http.del(path("claim"), m_lead).status, 200);
    }

    void claimValidation()
    {
        HttpClient &http = m_server->http();
        QCOMPARE(http.post(path("claim"), QJsonObject{{QStringLiteral("lease_s"), 1}}, m_rita).errorField(),
            QStringLiteral("lease_s"));
        QCOMPARE(
            http.post(path("claim"), QJsonObject{{QStringLiteral("owner"), QStringLiteral("x")}}, m_rita).errorField(),
            QStringLiteral("owner"));
        QCOMPARE(http.post(QStringLiteral("/v1/actions/missing/claim"), {}, m_rita).status, 404);
        QCOMPARE(http.post(path("claim"), {}, m_agent).status, 403);
    }

    void expiredLeaseReturnsTheActionToTheQueue()
    {
        HttpClient &http = m_server->http();
        QCOMPARE(http.post(path("claim"), {}, m_rita).status, 200);
        m_server->clock().advance(301 * 1000);
        // Once the lease has lapsed another reviewer may take it even before the scheduler runs...
        QCOMPARE(http.post(path("claim"), {}, m_sam).status, 200);
        m_server->clock().advance(301 * 1000);
        // ...and the scheduler clears lapsed claims.
        SchedulerReport report;
        QVERIFY(m_server->runScheduler(&report));
        QCOMPARE(report.leasesReleased, 1);
        QVERIFY(
            http.get(QStringLiteral("/v1/actions/") + m_id, m_rita).json().value(QLatin1String("claimed_by")).isNull());
    }

    void approve()
    {
        const HttpResult r = decide(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_rita);
        QCOMPARE(r.status, 200);
        const QJsonObject a = r.json();
        QCOMPARE(a.value(QLatin1String("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(a.value(QLatin1String("decided_by")).toString(), QStringLiteral("rita"));
        QCOMPARE(a.value(QLatin1String("final_payload")).toObject(), a.value(QLatin1String("payload")).toObject());
        QVERIFY(!a.value(QLatin1String("modified")).toBool());
        // Already decided.
        const HttpResult again = decide(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                                            {QStringLiteral("reason"), QStringLiteral("no")}},
            m_sam);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.errorCode(), QStringLiteral("conflict"));
    }

    void modifyKeepsTheEdit()
    {
        const QJsonObject edited{{QStringLiteral("content"), QStringLiteral("Hello,\n\nyour parcel ships tomorrow.\n")},
            {QStringLiteral("language"), QStringLiteral("email")}};
        const HttpResult r = decide(
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")}, {QStringLiteral("payload"), edited}},
            m_rita);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("final_payload")).toObject(), edited);
        QVERIFY(r.json().value(QLatin1String("modified")).toBool());
        // The agent reads the same.
        const QJsonObject seen = m_server->http().get(QStringLiteral("/v1/actions/") + m_id, m_agent).json();
        QCOMPARE(seen.value(QLatin1String("final_payload")).toObject(), edited);
    }

    void rejectReturnsTheReason()
    {
        const HttpResult r = decide(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                                        {QStringLiteral("reason"), QStringLiteral("wrong customer")}},
            m_rita);
        QCOMPARE(r.status, 200);
        const QJsonObject seen = m_server->http().get(QStringLiteral("/v1/actions/") + m_id, m_agent).json();
        QCOMPARE(seen.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
        QCOMPARE(seen.value(QLatin1String("reason")).toString(), QStringLiteral("wrong customer"));
    }

    void decisionErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("modify without payload")
            << QByteArray("{\"outcome\":\"modify\"}") << 400 << QStringLiteral("payload");
        QTest::newRow("reject without reason")
            << QByteArray("{\"outcome\":\"reject\"}") << 400 << QStringLiteral("reason");
        QTest::newRow("unknown outcome") << QByteArray("{\"outcome\":\"maybe\"}") << 400 << QStringLiteral("outcome");
        QTest::newRow("reviewer is the server's")
            << QByteArray("{\"outcome\":\"approve\",\"reviewer\":\"x\"}") << 400 << QStringLiteral("reviewer");
        QTest::newRow("version not a number")
            << QByteArray("{\"outcome\":\"approve\",\"version\":\"1\"}") << 400 << QStringLiteral("version");
        QTest::newRow("stale version") << QByteArray("{\"outcome\":\"approve\",\"version\":7}") << 409 << QString();
        QTest::newRow("not json") << QByteArray("approve") << 400 << QStringLiteral("body");
    }
    void decisionErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const HttpResult r = m_server->http().postRaw(path("decision"), body, m_rita);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorField(), field);
        // Nothing was decided.
        QCOMPARE(m_server->http()
                     .get(QStringLiteral("/v1/actions/") + m_id, m_rita)
                     .json()
                     .value(QLatin1String("state"))
                     .toString(),
            QStringLiteral("pending"));
    }

    void versionMustMatch()
    {
        const qint64 version = m_server->http()
                                   .get(QStringLiteral("/v1/actions/") + m_id, m_rita)
                                   .json()
                                   .value(QLatin1String("version"))
                                   .toInteger();
        QCOMPARE(m_server->http().post(path("claim"), {}, m_rita).status, 200); // moves the version on
        const HttpResult stale = decide(
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}, {QStringLiteral("version"), version}},
            m_rita);
        QCOMPARE(stale.status, 409);
        const HttpResult current = decide(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")},
                                              {QStringLiteral("version"), version + 1}},
            m_rita);
        QCOMPARE(current.status, 200);
    }

    void anotherReviewersClaimBlocksTheDecision()
    {
        QCOMPARE(m_server->http().post(path("claim"), {}, m_rita).status, 200);
        QCOMPARE(decide(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_sam).status, 409);
        QCOMPARE(decide(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_rita).status, 200);
    }

    void prohibitedCanNeverBeApproved()
    {
        // Prohibited on arrival: rejected by policy, and approving it is a policy violation.
        const QString id = m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("db.drop_table")}})
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
        for (const char *outcome : {"approve", "modify"}) {
            const HttpResult refused = m_server->http().post(QStringLiteral("/v1/actions/%1/decision").arg(id),
                QJsonObject{{QStringLiteral("outcome"), QLatin1String(outcome)},
                    {QStringLiteral("payload"), QJsonObject{{QStringLiteral("content"), QStringLiteral("x")}}}},
                m_rita);
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.errorCode(), QStringLiteral("policy_violation"));
        }
        // Made prohibited while pending (a stricter policy): the same.
        QByteArray doc = m_server->server().policy()->current().document;
        doc.replace("\"email.send_external\": {\"category\": \"communications\", \"tier\": \"review\"}",
            "\"email.send_external\": {\"category\": \"communications\", \"tier\": \"prohibited\"}");
        QCOMPARE(m_server->http().put(QStringLiteral("/v1/policy"), doc, m_server->token(Role::Admin)).status, 200);
        const HttpResult r = decide(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_rita);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("policy_violation"));
        const QJsonObject a = m_server->http().get(QStringLiteral("/v1/actions/") + m_id, m_rita).json();
        QCOMPARE(a.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
        QCOMPARE(a.value(QLatin1String("decided_by")).toString(), QStringLiteral("policy"));
    }

    void reassign()
    {
        HttpClient &http = m_server->http();
        QCOMPARE(http.post(path("reassign"), QJsonObject{{QStringLiteral("reviewer"), QStringLiteral("sam")}}, m_rita)
                     .status,
            403);
        QCOMPARE(http.post(path("claim"), {}, m_rita).status, 200);
        const HttpResult r
            = http.post(path("reassign"), QJsonObject{{QStringLiteral("reviewer"), QStringLiteral("sam")}}, m_lead);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("assigned_to")).toString(), QStringLiteral("sam"));
        QVERIFY(r.json().value(QLatin1String("claimed_by")).isNull());
        QCOMPARE(http.post(path("reassign"), QJsonObject(), m_lead).errorField(), QStringLiteral("reviewer"));
    }

private:
    QString path(const char *what) const { return QStringLiteral("/v1/actions/%1/%2").arg(m_id, QLatin1String(what)); }
    HttpResult decide(const QJsonObject &body, const QByteArray &token)
    {
        return m_server->http().post(path("decision"), body, token);
    }

    QByteArray m_sam, m_lead;
    QString m_id;
};

QTEST_GUILESS_MAIN(TestReviewRoutes)
#include "tst_reviewroutes.moc"
