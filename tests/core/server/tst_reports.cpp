#include "routetestcase.h"

#include <QJsonArray>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

class TestReports : public RouteTestCase
{
    Q_OBJECT
    void setUpServer() override { m_lead = m_server->token(Role::Lead, QStringLiteral("lena")); }

private Q_SLOTS:
    void auditPagesAndVerifies()
    {
        for (int i = 0; i < 5; ++i) {
            const QString id = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
            m_server->http().post(QStringLiteral("/v1/actions/%1/decision").arg(id),
                QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_rita);
        }
        qint64 after = 0;
        QStringList kinds;
        int pages = 0;
        for (;;) {
            const HttpResult page
                = m_server->http().get(QStringLiteral("/v1/audit?after=%1&limit=4").arg(after), m_lead);
            QCOMPARE(page.status, 200);
            const QJsonArray items = page.json().value(QLatin1String("items")).toArray();
            if (items.isEmpty())
                break;
            ++pages;
            for (const QJsonValue &v : items) {
                QCOMPARE(v.toObject().value(QLatin1String("seq")).toInteger(), after + 1);
                after = v.toObject().value(QLatin1String("seq")).toInteger();
                kinds.append(v.toObject().value(QLatin1String("kind")).toString());
            }
            QCOMPARE(page.json().value(QLatin1String("next_after")).toInteger(), after);
        }
        QVERIFY(pages >= 3);
        QCOMPARE(kinds.count(QStringLiteral("action.created")), 5);
        QCOMPARE(kinds.count(QStringLiteral("action.decided")), 5);
        QVERIFY(kinds.contains(QStringLiteral("policy.updated")));
        QVERIFY(kinds.contains(QStringLiteral("token.created")));

        const HttpResult verify = m_server->http().get(QStringLiteral("/v1/audit/verify"), m_lead);
        QCOMPARE(verify.status, 200);
        QCOMPARE(verify.json().value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(verify.json().value(QLatin1String("entries")).toInteger(), after);

        QCOMPARE(
            m_server->http().get(QStringLiteral("/v1/audit?limit=0"), m_lead).errorField(), QStringLiteral("limit"));
        QCOMPARE(
            m_server->http().get(QStringLiteral("/v1/audit?after=x"), m_lead).errorField(), QStringLiteral("after"));
    }

    void metricsCountWhatHappened()
    {
        const QString a = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        const QString b = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("db.drop_table")}});
        m_server->clock().advance(90 * 1000);
        m_server->http().post(QStringLiteral("/v1/actions/%1/decision").arg(a),
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_rita);
        m_server->http().post(QStringLiteral("/v1/actions/%1/decision").arg(b),
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
                {QStringLiteral("payload"), QJsonObject{{QStringLiteral("content"), QStringLiteral("edited")}}}},
            m_rita);
        const HttpResult r = m_server->http().get(QStringLiteral("/metrics"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));
        const QByteArray text = r.body;
        QVERIFY(text.contains("countersign_decisions_total{outcome=\"approved\",by=\"reviewer\"} 1"));
        QVERIFY(text.contains("countersign_decisions_total{outcome=\"modified\",by=\"reviewer\"} 1"));
        QVERIFY(text.contains("countersign_decisions_total{outcome=\"rejected\",by=\"policy\"} 1"));
        QVERIFY(text.contains(
            "countersign_action_age_at_decision_seconds_bucket{le=\"60\"} 1")); // the prohibited one, at once
        QVERIFY(text.contains("countersign_action_age_at_decision_seconds_bucket{le=\"300\"} 3"));
        QVERIFY(
            text.contains("countersign_http_request_duration_seconds_bucket{route=\"submitAction\",le=\"+Inf\"} 3"));
        QVERIFY(text.contains("countersign_http_requests_total{route=\"decideAction\",status=\"200\"} 2"));
        QVERIFY(text.contains("countersign_queue_depth_total 0"));
        QVERIFY(text.contains("# TYPE countersign_http_request_duration_seconds histogram"));
    }

    void healthAndReadiness()
    {
        QCOMPARE(m_server->http().get(QStringLiteral("/healthz")).json().value(QLatin1String("status")).toString(),
            QStringLiteral("ok"));
        QCOMPARE(m_server->http().get(QStringLiteral("/readyz")).status, 200);
        // While shutting down the server is no longer ready and refuses new work with 503.
        QMetaObject::invokeMethod(&m_server->server(), &QueueServer::shutdown, Qt::QueuedConnection);
        QTRY_VERIFY(!m_server->server().isReady());
    }

private:
    QByteArray m_lead;
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
