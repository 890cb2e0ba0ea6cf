#include "server/policyservice.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Countersign;
using namespace Countersign::Test;

// The scheduler against a real server and store, driven by a ManualClock and explicit passes:
// no sleeping. Categories of the demo policy: finance (SLA 1 h, expires after 8 h as
// "expired"), communications (24 h, rejected), notifications (2 h, approved: allowed).
class TestScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.alerts.queueDepth = 3;
        config.alerts.oldestAgeSeconds = 600;
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_agent = m_server->token(Role::Agent, QStringLiteral("bot"));
        m_lead = m_server->token(Role::Lead, QStringLiteral("lena"));
    }
    void cleanup() { m_server.reset(); }

    void slaEscalatesWithAnEvent()
    {
        QWebSocket events;
        QUrl url = m_server->url();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/v1/events"));
        url.setQuery(QStringLiteral("token=") + QString::fromLatin1(m_lead));
        QSignalSpy connected(&events, &QWebSocket::connected);
        QSignalSpy messages(&events, &QWebSocket::textMessageReceived);
        events.open(url);
        QVERIFY(connected.wait(5000));

        const QString id = submit(QStringLiteral("refund.issue"));
        SchedulerReport report;
        m_server->clock().advance(59 * 60 * 1000);
        QVERIFY(m_server->runScheduler(&report));
        QCOMPARE(report.escalated, 0);

        m_server->clock().advance(2 * 60 * 1000);
        QVERIFY(m_server->runScheduler(&report));
        QCOMPARE(report.escalated, 1);
        QCOMPARE(report.reassigned, 1);
        const QJsonObject a = action(id);
        QVERIFY(a.value(QLatin1String("escalated")).toBool());
        QCOMPARE(a.value(QLatin1String("assigned_to")).toString(), QStringLiteral("finance-lead"));
        QCOMPARE(a.value(QLatin1String("state")).toString(), QStringLiteral("pending"));

        QTRY_VERIFY_WITH_TIMEOUT(messages.size() >= 3, 5000); // created, escalated, reassigned
        QStringList types;
        for (const auto &m : std::as_const(messages))
            types.append(QJsonDocument::fromJson(m.first().toString().toUtf8())
                    .object()
                    .value(QLatin1String("type"))
                    .toString());
        QVERIFY(types.contains(QStringLiteral("action.escalated")));

        const QJsonObject stats = m_server->http().get(QStringLiteral("/v1/queue/stats"), m_lead).json();
        QCOMPARE(stats.value(QLatin1String("sla_breaches")).toInt(), 1);
        const QJsonObject finance = category(stats, QStringLiteral("finance"));
        QCOMPARE(finance.value(QLatin1String("escalated")).toInt(), 1);
        QCOMPARE(finance.value(QLatin1String("sla_breaches")).toInt(), 1);

        // Escalation happens once.
        QVERIFY(m_server->runScheduler(&report));
        QCOMPARE(report.escalated, 0);
    }

    void expiryAppliesEachCategorysOutcome()
    {
        const QString refund = submit(QStringLiteral("refund.issue")); // finance: expire after 8 h
        const QString email = submit(QStringLiteral("email.send_external")); // communications: reject after 24 h
        const QString status = submit(QStringLiteral("chat.post_status")); // notifications: approve after 2 h
        const QString shortLived = submit(QStringLiteral("email.send_external"), 600); // the agent's own expiry

        m_server->clock().advance(11 * 60 * 1000);
        SchedulerReport report;
        QVERIFY(m_server->runScheduler(&report));
        QCOMPARE(report.expired, 1);
        QCOMPARE(action(shortLived).value(QLatin1String("state")).toString(), QStringLiteral("rejected"));

        m_server->clock().advance(2 * 3600 * 1000);
        QVERIFY(m_server->runScheduler(&report));
        const QJsonObject approved = action(status);
        QCOMPARE(approved.value(QLatin1String("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(approved.value(QLatin1String("decided_by")).toString(), QStringLiteral("expiry"));
        QCOMPARE(approved.value(QLatin1String("final_payload")).toObject(),
            approved.value(QLatin1String("payload")).toObject());

        m_server->clock().advance(6 * 3600 * 1000);
        QVERIFY(m_server->runScheduler(&report));
        QCOMPARE(action(refund).value(QLatin1String("state")).toString(), QStringLiteral("expired"));
        QCOMPARE(action(email).value(QLatin1String("state")).toString(), QStringLiteral("pending"));

        m_server->clock().advance(16 * 3600 * 1000);
        QVERIFY(m_server->runScheduler(&report));
        const QJsonObject rejected = action(email);
        QCOMPARE(rejected.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
        QCOMPARE(rejected.value(QLatin1String("decided_by")).toString(), QStringLiteral("expiry"));
        QVERIFY(rejected.value(QLatin1String("final_payload")).isNull());

        QVERIFY(m_server->runScheduler(&report));
        QCOMPARE(report.due, 0);
    }

    void expiryNeverApprovesWithoutPermission()
    {
        // A policy whose notifications category expires with "expire" instead: nothing is approved.
        QByteArray document = m_server->server().policy()->current().document;
        document.replace("\"on_expiry\": \"approve\", \"allow_expiry_approval\": true", "\"on_expiry\": \"expire\"");
        QCOMPARE(
            m_server->http().put(QStringLiteral("/v1/policy"), document, m_server->token(Role::Admin)).status, 200);
        const QString status = submit(QStringLiteral("chat.post_status"));
        m_server->clock().advance(3 * 3600 * 1000);
        QVERIFY(m_server->runScheduler());
        QCOMPARE(action(status).value(QLatin1String("state")).toString(), QStringLiteral("expired"));
    }

    void alertsWhenTheQueueBacksUp()
    {
        QJsonObject stats = m_server->http().get(QStringLiteral("/v1/queue/stats"), m_lead).json();
        QVERIFY(!stats.value(QLatin1String("alerts")).toObject().value(QLatin1String("queue_depth")).toBool());
        for (int i = 0; i < 3; ++i)
            submit(QStringLiteral("email.send_external"));
        stats = m_server->http().get(QStringLiteral("/v1/queue/stats"), m_lead).json();
        QCOMPARE(stats.value(QLatin1String("total_depth")).toInt(), 3);
        QVERIFY(stats.value(QLatin1String("alerts")).toObject().value(QLatin1String("queue_depth")).toBool());
        QVERIFY(!stats.value(QLatin1String("alerts")).toObject().value(QLatin1String("oldest_age")).toBool());
        m_server->clock().advance(11 * 60 * 1000);
        stats = m_server->http().get(QStringLiteral("/v1/queue/stats"), m_lead).json();
        QCOMPARE(stats.value(QLatin1String("oldest_age_s")).toInt(), 660);
        QVERIFY(stats.value(QLatin1String("alerts")).toObject().value(QLatin1String("oldest_age")).toBool());
        const QByteArray metrics = m_server->http().get(QStringLiteral("/metrics")).body;
        QVERIFY(metrics.contains("countersign_queue_alert{kind=\"depth\"} 1"));
        QVERIFY(metrics.contains("countersign_queue_alert{kind=\"oldest_age\"} 1"));
        QVERIFY(metrics.contains("countersign_queue_depth{category=\"communications\"} 3"));
    }

    void claimsPerReviewer()
    {
        const QByteArray rita = m_server->token(Role::Reviewer, QStringLiteral("rita"));
        for (int i = 0; i < 2; ++i) {
            const QString id = submit(QStringLiteral("email.send_external"));
            QCOMPARE(m_server->http().post(QStringLiteral("/v1/actions/%1/claim").arg(id), {}, rita).status, 200);
        }
        const QJsonObject stats = m_server->http().get(QStringLiteral("/v1/queue/stats"), m_lead).json();
        QCOMPARE(stats.value(QLatin1String("claimed_by_reviewer")).toObject().value(QLatin1String("rita")).toInt(), 2);
        // Leases lapse: the scheduler returns both to the queue.
        m_server->clock().advance(301 * 1000);
        SchedulerReport report;
        QVERIFY(m_server->runScheduler(&report));
        QCOMPARE(report.leasesReleased, 2);
        QVERIFY(m_server->http()
                .get(QStringLiteral("/v1/queue/stats"), m_lead)
                .json()
                .value(QLatin1String("claimed_by_reviewer"))
                .toObject()
                .isEmpty());
    }

private:
    QString submit(const QString &type, int expiresIn = 0)
    {
        QJsonObject overrides{{QStringLiteral("type"), type}};
        if (expiresIn > 0)
            overrides.insert(QStringLiteral("expires_in_s"), expiresIn);
        const HttpResult r = m_server->submit(m_agent, overrides);
        if (r.status != 201)
            qWarning("submit failed: %s", r.body.constData());
        return r.json().value(QLatin1String("id")).toString();
    }
    QJsonObject action(const QString &id)
    {
        return m_server->http().get(QStringLiteral("/v1/actions/") + id, m_lead).json();
    }
    static QJsonObject category(const QJsonObject &stats, const QString &name)
    {
        for (const QJsonValue &v : stats.value(QLatin1String("categories")).toArray()) {
            if (v.toObject().value(QLatin1String("category")).toString() == name)
                return v.toObject();
        }
        return {};
    }

    std::unique_ptr<TestServer> m_server;
    QByteArray m_agent, m_lead;
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
