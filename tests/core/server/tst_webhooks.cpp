// Issue 22 (part 1): signed, durable webhooks on a real loopback server with a manual clock,
// delivering to a real loopback receiver (WebhookReceiver). The same suite runs on SQLite
// (tst_webhooks) and on PostgreSQL (tst_webhooks_postgres, COUNTERSIGN_TEST_POSTGRES).
#include "backendtestserver.h"
#include "testserver.h"
#include "webhookreceiver.h"

#include "server/storeworker.h"
#include "server/webhookdispatcher.h"
#include "testresult.h"
#include "webhook/webhooksignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Countersign;
using namespace Countersign::Test;
using namespace std::chrono_literals;

namespace {

ServerConfig webhookConfig(bool allowPrivate = true)
{
    ServerConfig config = TestServer::defaultConfig();
    config.webhooks.allowPrivate = allowPrivate;
    config.webhooks.poll = 20ms;
    config.webhooks.retryBase = 1s; // with the manual clock: advance it, never sleep
    config.webhooks.retryCap = 4s;
    config.webhooks.giveUpAfter = 30s;
    config.webhooks.timeout = 5s;
    config.publicUrl = QUrl(QStringLiteral("https://countersign.example.com"));
    config.alerts.queueDepth = 3; // queue.alert: reached by a few submissions
    return config;
}

QJsonArray items(const HttpResult &r)
{
    return r.json().value(QLatin1String("items")).toArray();
}

} // namespace

class TestWebhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const auto reason = backendUnavailable())
            QSKIP(qPrintable(*reason));
    }

    void init()
    {
        m_server = startOnTestBackend(webhookConfig());
        QVERIFY(m_server);
        m_admin = m_server->token(Role::Admin, QStringLiteral("ada"));
        m_agent = m_server->token(Role::Agent, QStringLiteral("bot"));
        m_receiver = std::make_unique<WebhookReceiver>();
        QVERIFY(m_receiver->listen());
    }

    void cleanup()
    {
        m_receiver.reset();
        m_server.reset();
    }

    void deliversTheEventSignedWithTimestamp()
    {
        const QJsonObject hook = create(m_admin, {QStringLiteral("action.created")});
        const QString secret = hook.value(QLatin1String("secret")).toString();
        QVERIFY(secret.startsWith(QLatin1String("whsec_")));
        // The secret is shown once: never in a listing.
        const HttpResult listed = m_server->http().get(QStringLiteral("/v1/webhooks"), m_admin);
        QCOMPARE(listed.status, 200);
        QCOMPARE(items(listed).size(), 1);
        QVERIFY(!items(listed).at(0).toObject().contains(QLatin1String("secret")));

        const QString id = submit(m_agent);
        QTRY_COMPARE(m_receiver->requests().size(), 1);
        const WebhookReceiver::Request &r = m_receiver->requests().at(0);
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/hook"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("x-countersign-event"), QByteArray("action.created"));
        QVERIFY(!QUuid::fromString(QString::fromLatin1(r.header("x-countersign-delivery"))).isNull());
        const qint64 now = m_server->clock().now().toSecsSinceEpoch();
        QCOMPARE(r.header("x-countersign-timestamp"), QByteArray::number(now));
        QVERIFY(WebhookSignature::verify(
            secret.toUtf8(), r.header("x-countersign-timestamp"), r.body, r.header("x-countersign-signature"), now));
        // A changed body, another secret or a stale timestamp does not verify.
        QVERIFY(!WebhookSignature::verify(secret.toUtf8(), r.header("x-countersign-timestamp"),
            QByteArray(r.body).append(" "), r.header("x-countersign-signature"), now));
        QVERIFY(!WebhookSignature::verify(
            "whsec_other", r.header("x-countersign-timestamp"), r.body, r.header("x-countersign-signature"), now));
        QVERIFY(!WebhookSignature::verify(secret.toUtf8(), r.header("x-countersign-timestamp"), r.body,
            r.header("x-countersign-signature"), now + 3600));

        // The body is the event stream's message.
        const QJsonObject event = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(event.value(QLatin1String("type")).toString(), QStringLiteral("action.created"));
        QCOMPARE(event.value(QLatin1String("action_id")).toString(), id);
        const HttpResult events = m_server->http().get(QStringLiteral("/v1/events?since=0"), m_admin);
        QCOMPARE(events.status, 200);
        bool same = false;
        for (const QJsonValue &e : events.json().value(QLatin1String("events")).toArray())
            same = same || e.toObject() == event;
        QVERIFY2(same, r.body.constData());

        QTRY_COMPARE(
            deliveriesOf(hook).at(0).toObject().value(QLatin1String("status")).toString(), QStringLiteral("delivered"));
        const QJsonArray deliveries = deliveriesOf(hook);
        QCOMPARE(deliveries.size(), 1);
        const QJsonObject d = deliveries.at(0).toObject();
        QCOMPARE(d.value(QLatin1String("status")).toString(), QStringLiteral("delivered"));
        QCOMPARE(d.value(QLatin1String("attempts")).toInt(), 1);
        QCOMPARE(d.value(QLatin1String("id")).toString(), QString::fromLatin1(r.header("x-countersign-delivery")));
    }

    void retriesAfter500WithTheSameDeliveryId()
    {
        m_receiver->script({500, 503});
        const QJsonObject hook = create(m_admin, {QStringLiteral("action.created")});
        submit(m_agent);
        QTRY_COMPARE(m_receiver->requests().size(), 1);
        QTRY_COMPARE(deliveriesOf(hook).at(0).toObject().value(QLatin1String("attempts")).toInt(), 1);
        QJsonObject d = deliveriesOf(hook).at(0).toObject();
        QCOMPARE(d.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(d.value(QLatin1String("last_status")).toInt(), 500);
        QVERIFY(d.value(QLatin1String("next_attempt_at")).isString());
        // The retry is due later, 0.5 to 1 times the first delay (1 s) ahead...
        const QDateTime next
            = QDateTime::fromString(d.value(QLatin1String("next_attempt_at")).toString(), Qt::ISODateWithMs);
        const qint64 ahead = m_server->clock().now().msecsTo(next);
        QVERIFY2(ahead >= 500 && ahead <= 1000, qPrintable(QString::number(ahead)));
        QCOMPARE(m_receiver->requests().size(), 1);
        // ...and sent once it is.
        m_server->clock().advance(1000);
        QTRY_COMPARE(m_receiver->requests().size(), 2);
        // The second failure is recorded (its retry due 1 to 2 s after it) before time moves on.
        QTRY_COMPARE(deliveriesOf(hook).at(0).toObject().value(QLatin1String("attempts")).toInt(), 2);
        m_server->clock().advance(2000);
        QTRY_COMPARE(m_receiver->requests().size(), 3);
        QTRY_COMPARE(
            deliveriesOf(hook).at(0).toObject().value(QLatin1String("status")).toString(), QStringLiteral("delivered"));
        d = deliveriesOf(hook).at(0).toObject();
        QCOMPARE(d.value(QLatin1String("attempts")).toInt(), 3);
        const QByteArray first = m_receiver->requests().at(0).header("x-countersign-delivery");
        for (const auto &r : m_receiver->requests())
            QCOMPARE(r.header("x-countersign-delivery"), first);
    }

    void retriesAfterARefusedConnection()
    {
        const quint16 port = m_receiver->port();
        m_receiver->close(); // nothing listens there now: the connection is refused
        QSignalSpy attempts(m_server->server().webhookDispatcher(), &WebhookDispatcher::attempted);
        const QJsonObject hook = create(m_admin, {QStringLiteral("action.created")});
        submit(m_agent);
        QTRY_COMPARE(attempts.size(), 1);
        QCOMPARE(attempts.at(0).at(1).toInt(), 0); // no HTTP answer
        QVERIFY(!attempts.at(0).at(2).toString().isEmpty());
        QTRY_COMPARE(deliveriesOf(hook).at(0).toObject().value(QLatin1String("attempts")).toInt(), 1);
        const QJsonObject d = deliveriesOf(hook).at(0).toObject();
        QCOMPARE(d.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
        QVERIFY(!d.value(QLatin1String("last_error")).toString().isEmpty());

        QVERIFY(m_receiver->listen(port));
        m_server->clock().advance(1000);
        QTRY_COMPARE(m_receiver->requests().size(), 1);
        QCOMPARE(QString::fromLatin1(m_receiver->requests().at(0).header("x-countersign-delivery")),
            d.value(QLatin1String("id")).toString());
        QTRY_COMPARE(
            deliveriesOf(hook).at(0).toObject().value(QLatin1String("status")).toString(), QStringLiteral("delivered"));
    }

    void givesUpAfterTheDeadline()
    {
        m_receiver->script({}, 500);
        // Each attempt's outcome is recorded before the clock moves on.
        QSignalSpy attempts(m_server->server().webhookDispatcher(), &WebhookDispatcher::attempted);
        const QJsonObject hook = create(m_admin, {QStringLiteral("action.created")});
        submit(m_agent);
        QTRY_COMPARE(attempts.size(), 1);
        auto status = [&] {
            return deliveriesOf(hook).at(0).toObject().value(QLatin1String("status")).toString();
        };
        for (int i = 0; i < 20 && status() == QLatin1String("pending"); ++i) {
            const qsizetype seen = attempts.size();
            m_server->clock().advance(4000); // the longest delay (retryCap)
            QTRY_VERIFY(attempts.size() > seen);
        }
        QCOMPARE(status(), QStringLiteral("failed"));
        // 30 s of retries at most 4 s apart, and one past the deadline that gave up.
        const qsizetype sent = m_receiver->requests().size();
        QVERIFY2(sent >= 8 && sent <= 12, qPrintable(QString::number(sent)));
        const QJsonObject d = deliveriesOf(hook).at(0).toObject();
        QCOMPARE(d.value(QLatin1String("attempts")).toInt(), int(sent));
        QVERIFY(d.value(QLatin1String("next_attempt_at")).isNull());
        QCOMPARE(d.value(QLatin1String("last_status")).toInt(), 500);
    }

    void agentSubscriptionSeesOnlyItsOwnActions()
    {
        const QByteArray other = m_server->token(Role::Agent, QStringLiteral("other"));
        WebhookReceiver all;
        QVERIFY(all.listen());
        const QJsonObject mine
            = create(m_agent, {QStringLiteral("action.created"), QStringLiteral("action.decided")}, m_receiver->url());
        create(m_admin, {QStringLiteral("action.created")}, all.url());
        QCOMPARE(mine.value(QLatin1String("owner_agent")).toString(), QStringLiteral("bot"));

        const QString theirs = submit(other);
        const QString own = submit(m_agent);
        const QString theirsToo = submit(other);
        QTRY_COMPARE(all.requests().size(), 3); // the admin's sees every action...
        QTRY_COMPARE(m_receiver->requests().size(), 1); // ...the agent's only its own
        // The outbox rows were written with the events: the agent's subscription got one.
        QCOMPARE(deliveriesOf(mine).size(), 1);
        const QJsonObject event = QJsonDocument::fromJson(m_receiver->requests().at(0).body).object();
        QCOMPARE(event.value(QLatin1String("action_id")).toString(), own);
        Q_UNUSED(theirs);
        Q_UNUSED(theirsToo);

        // Another agent neither sees nor deletes it; a reviewer may not subscribe.
        const QString path = QStringLiteral("/v1/webhooks/") + mine.value(QLatin1String("id")).toString();
        QCOMPARE(m_server->http().get(path, other).status, 404);
        QCOMPARE(m_server->http().del(path, other).status, 404);
        QCOMPARE(items(m_server->http().get(QStringLiteral("/v1/webhooks"), other)).size(), 0);
        QCOMPARE(items(m_server->http().get(QStringLiteral("/v1/webhooks"), m_agent)).size(), 1);
        QCOMPARE(items(m_server->http().get(QStringLiteral("/v1/webhooks"), m_admin)).size(), 2);
        const QByteArray rita = m_server->token(Role::Reviewer, QStringLiteral("rita"));
        const HttpResult refused = m_server->http().post(QStringLiteral("/v1/webhooks"),
            QJsonObject{{QStringLiteral("url"), m_receiver->url()},
                {QStringLiteral("events"), QJsonArray{QStringLiteral("action.created")}}},
            rita);
        QCOMPARE(refused.status, 403);
        QCOMPARE(m_server->http().get(path, rita).status, 403);
        // The owner may.
        QCOMPARE(m_server->http().get(path, m_agent).status, 200);
        QCOMPARE(m_server->http().del(path, m_agent).status, 200);
        QCOMPARE(m_server->http().get(path, m_agent).status, 404);
    }

    void filtersByEventTypeAndCategory()
    {
        QJsonObject body{{QStringLiteral("url"), m_receiver->url()},
            {QStringLiteral("events"), QJsonArray{QStringLiteral("action.decided")}},
            {QStringLiteral("filter"),
                QJsonObject{{QStringLiteral("types"), QJsonArray{QStringLiteral("email.send_external")}}}}};
        QCOMPARE(m_server->http().post(QStringLiteral("/v1/webhooks"), body, m_admin).status, 201);
        const QString id = submit(m_agent);
        const QByteArray rita = m_server->token(Role::Reviewer, QStringLiteral("rita"));
        QCOMPARE(m_server->http().post(QStringLiteral("/v1/actions/%1/claim").arg(id), {}, rita).status, 200);
        QCOMPARE(m_server->http()
                     .post(QStringLiteral("/v1/actions/%1/decision").arg(id),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, rita)
                     .status,
            200);
        QTRY_COMPARE(m_receiver->requests().size(), 1); // the decision, not the creation or claim
        QCOMPARE(m_receiver->requests().at(0).header("x-countersign-event"), QByteArray("action.decided"));
        // A change that is refused writes no outbox row: it committed nothing.
        QCOMPARE(m_server->http()
                     .post(QStringLiteral("/v1/actions/%1/decision").arg(id),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                             {QStringLiteral("reason"), QStringLiteral("too late")}},
                         rita)
                     .status,
            409);
        const HttpResult listed = m_server->http().get(QStringLiteral("/v1/webhooks"), m_admin);
        QCOMPARE(deliveriesOf(items(listed).at(0).toObject()).size(), 1);
    }

    void testDeliveryAndChatFormats()
    {
        const QJsonObject slack
            = create(m_admin, {QStringLiteral("action.created")}, m_receiver->url(), QStringLiteral("slack"));
        const HttpResult queued = m_server->http().post(
            QStringLiteral("/v1/webhooks/%1/test").arg(slack.value(QLatin1String("id")).toString()), {}, m_admin);
        QCOMPARE(queued.status, 202);
        QTRY_COMPARE(m_receiver->requests().size(), 1);
        QCOMPARE(m_receiver->requests().at(0).header("x-countersign-event"), QByteArray("webhook.test"));
        QCOMPARE(QString::fromLatin1(m_receiver->requests().at(0).header("x-countersign-delivery")),
            queued.json().value(QLatin1String("id")).toString());

        const QString id = submit(m_agent);
        QTRY_COMPARE(m_receiver->requests().size(), 2);
        const WebhookReceiver::Request &r = m_receiver->requests().at(1);
        const QJsonObject message = QJsonDocument::fromJson(r.body).object();
        QVERIFY(message.value(QLatin1String("text"))
                .toString()
                .contains(QStringLiteral("https://countersign.example.com/open/") + id));
        QVERIFY(message.value(QLatin1String("blocks")).isArray());
        // The chat body is what is signed.
        QVERIFY(WebhookSignature::verify(slack.value(QLatin1String("secret")).toString().toUtf8(),
            r.header("x-countersign-timestamp"), r.body, r.header("x-countersign-signature"),
            m_server->clock().now().toSecsSinceEpoch()));
    }

    void requestIsValidatedNamingTheField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonArray created{QStringLiteral("action.created")};
        QTest::newRow("no url") << QJsonObject{{QStringLiteral("events"), created}} << QStringLiteral("url");
        QTest::newRow("ftp") << QJsonObject{{QStringLiteral("url"), QStringLiteral("ftp://example.com/x")},
            {QStringLiteral("events"), created}}
                             << QStringLiteral("url");
        QTest::newRow("no events") << QJsonObject{{QStringLiteral("url"), QStringLiteral("https://example.com/")}}
                                   << QStringLiteral("events");
        QTest::newRow("unknown event") << QJsonObject{{QStringLiteral("url"), QStringLiteral("https://example.com/")},
            {QStringLiteral("events"), QJsonArray{QStringLiteral("action.claimed")}}}
                                       << QStringLiteral("events[0]");
        QTest::newRow("format") << QJsonObject{{QStringLiteral("url"), QStringLiteral("https://example.com/")},
            {QStringLiteral("events"), created}, {QStringLiteral("format"), QStringLiteral("xml")}}
                                << QStringLiteral("format");
        QTest::newRow("filter") << QJsonObject{{QStringLiteral("url"), QStringLiteral("https://example.com/")},
            {QStringLiteral("events"), created},
            {QStringLiteral("filter"), QJsonObject{{QStringLiteral("types"), QJsonArray{1}}}}}
                                << QStringLiteral("filter.types[0]");
        QTest::newRow("secret") << QJsonObject{{QStringLiteral("url"), QStringLiteral("https://example.com/")},
            {QStringLiteral("events"), created}, {QStringLiteral("secret"), QStringLiteral("mine")}}
                                << QStringLiteral("secret");
    }

    void requestIsValidatedNamingTheField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const HttpResult r = m_server->http().post(QStringLiteral("/v1/webhooks"), body, m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), field);
    }

    void aLapsedClaimIsTakenOverAndTheOldHolderCannotRecord()
    {
        ServerConfig config = webhookConfig();
        config.webhooks.poll = std::chrono::hours(1); // the dispatcher stays out of the way
        m_server.reset();
        m_server = startOnTestBackend(config);
        QVERIFY(m_server);
        m_admin = m_server->token(Role::Admin, QStringLiteral("ada"));
        m_agent = m_server->token(Role::Agent, QStringLiteral("bot"));
        create(m_admin, {QStringLiteral("action.created")});
        submit(m_agent);
        StoreWorker *worker = m_server->server().storeWorker();
        auto claim = [worker] {
            return worker->call<QList<ClaimedDelivery>>([](Store &store) {
                return store.claimWebhookDeliveries(std::chrono::seconds(10), 10);
            });
        };
        auto finish = [worker](const ClaimedDelivery &c) {
            WebhookDelivery d = c.delivery;
            d.attempts += 1;
            d.status = DeliveryStatus::Delivered;
            d.lastStatus = 200;
            d.deliveredAt = d.createdAt;
            return worker->call<bool>([d, claim = c.claim](Store &store) {
                return store.finishWebhookDelivery(d, claim);
            });
        };
        const auto first = claim();
        CS_VERIFY_OK(first);
        QCOMPARE(first->size(), 1);
        QCOMPARE(first->at(0).webhook.secret.isEmpty(), false);
        // Held: nobody else gets it...
        const auto meanwhile = claim();
        CS_VERIFY_OK(meanwhile);
        QCOMPARE(meanwhile->size(), 0);
        // ...until its lease lapses (a sender that died): then another takes it over,
        m_server->clock().advance(10'000);
        const auto second = claim();
        CS_VERIFY_OK(second);
        QCOMPARE(second->size(), 1);
        QCOMPARE(second->at(0).delivery.id, first->at(0).delivery.id);
        QVERIFY(second->at(0).claim != first->at(0).claim);
        // and the first holder can no longer record an outcome; the second can, once.
        const auto late = finish(first->at(0));
        CS_VERIFY_OK(late);
        QVERIFY(!*late);
        const auto recorded = finish(second->at(0));
        CS_VERIFY_OK(recorded);
        QVERIFY(*recorded);
        const auto after = claim();
        CS_VERIFY_OK(after);
        QCOMPARE(after->size(), 0); // delivered: never claimed again
    }

    void privateAddressesAreRefusedUnlessAllowed()
    {
        m_server.reset();
        m_server = startOnTestBackend(webhookConfig(false));
        QVERIFY(m_server);
        const QByteArray admin = m_server->token(Role::Admin, QStringLiteral("ada"));
        for (const QString &url : {QStringLiteral("http://127.0.0.1:8080/hook"), QStringLiteral("http://localhost/"),
                 QStringLiteral("https://10.1.2.3/"), QStringLiteral("http://192.168.0.10/"),
                 QStringLiteral("http://169.254.169.254/latest/meta-data"), QStringLiteral("http://[::1]/"),
                 QStringLiteral("http://0.0.0.0/"), QStringLiteral("http://[::ffff:127.0.0.1]/"),
                 QStringLiteral("http://[fd00::1]/")}) {
            const HttpResult r = m_server->http().post(QStringLiteral("/v1/webhooks"),
                QJsonObject{{QStringLiteral("url"), url},
                    {QStringLiteral("events"), QJsonArray{QStringLiteral("action.created")}}},
                admin);
            QVERIFY2(r.status == 400, qPrintable(url));
            QCOMPARE(r.errorField(), QStringLiteral("url"));
        }
        // A public address literal needs no lookup and is accepted.
        const HttpResult ok = m_server->http().post(QStringLiteral("/v1/webhooks"),
            QJsonObject{{QStringLiteral("url"), QStringLiteral("https://93.184.216.34/hook")},
                {QStringLiteral("events"), QJsonArray{QStringLiteral("action.created")}}},
            admin);
        QCOMPARE(ok.status, 201);
    }

    void theAddressIsCheckedAgainBeforeEachAttempt()
    {
        // A subscription to the loopback receiver that got past the first check (made while
        // private receivers were allowed, or written behind the server's back).
        m_server.reset();
        m_server = startOnTestBackend(webhookConfig(false));
        QVERIFY(m_server);
        m_admin = m_server->token(Role::Admin, QStringLiteral("ada"));
        m_agent = m_server->token(Role::Agent, QStringLiteral("bot"));
        Webhook hook;
        hook.id = QStringLiteral("planted");
        hook.url = m_receiver->url();
        hook.events = {QStringLiteral("action.created")};
        hook.secret = QStringLiteral("whsec_planted");
        hook.ownerRole = QStringLiteral("admin");
        hook.createdAt = m_server->clock().now();
        hook.createdBy = QStringLiteral("ada");
        AuditEntry audit;
        audit.time = hook.createdAt;
        audit.actor = QStringLiteral("ada");
        audit.role = QStringLiteral("admin");
        audit.kind = QStringLiteral("webhook.created");
        audit.subject = hook.id;
        CS_VERIFY_OK(m_server->server().storeWorker()->call<bool>([hook, audit](Store &store) -> Result<bool> {
            if (auto created = store.createWebhook(hook, audit); !created)
                return fail(created.error());
            return true;
        }));
        QSignalSpy attempts(m_server->server().webhookDispatcher(), &WebhookDispatcher::attempted);
        submit(m_agent);
        QTRY_COMPARE(attempts.size(), 1);
        QCOMPARE(attempts.at(0).at(1).toInt(), 0);
        QVERIFY2(attempts.at(0).at(2).toString().contains(QLatin1String("--webhook-allow-private")),
            qPrintable(attempts.at(0).at(2).toString()));
        QVERIFY(m_receiver->requests().isEmpty()); // nothing reached it
        const QJsonObject d = deliveriesOf(QJsonObject{{QStringLiteral("id"), hook.id}}).at(0).toObject();
        QCOMPARE(d.value(QLatin1String("status")).toString(), QStringLiteral("pending")); // retried, and refused again
        QVERIFY(d.value(QLatin1String("last_error")).toString().startsWith(QLatin1String("url ")));
    }

    void queueAlertRaisedOnceAndClearedOnceToAdminsOnly()
    {
        const QJsonObject hook = create(m_admin, {QStringLiteral("queue.alert")});
        const QString secret = hook.value(QLatin1String("secret")).toString();
        QVERIFY(!secret.isEmpty());
        // An agent may not subscribe to the queue's state...
        WebhookReceiver agentReceiver;
        QVERIFY(agentReceiver.listen());
        const HttpResult refused = m_server->http().post(QStringLiteral("/v1/webhooks"),
            QJsonObject{{QStringLiteral("url"), agentReceiver.url()},
                {QStringLiteral("events"),
                    QJsonArray{QStringLiteral("action.created"), QStringLiteral("queue.alert")}}},
            m_agent);
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.body.contains("events"), refused.body.constData());
        // ...and its callback never sees it.
        const QJsonObject agentHook = create(m_agent, {QStringLiteral("action.created")}, agentReceiver.url());
        QVERIFY(!agentHook.isEmpty());

        QVERIFY(m_server->runScheduler()); // under the threshold: nothing
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            ids.append(submit(m_agent));
            QVERIFY(m_server->runScheduler());
        }
        for (int i = 0; i < 3; ++i) // staying over raises nothing more
            QVERIFY(m_server->runScheduler());
        QTRY_COMPARE(m_receiver->requests().size(), 1);
        const WebhookReceiver::Request raised = m_receiver->requests().at(0);
        QCOMPARE(raised.header("x-countersign-event"), QByteArray("queue.alert"));
        const qint64 now = m_server->clock().now().toSecsSinceEpoch();
        QVERIFY(WebhookSignature::verify(secret.toUtf8(), raised.header("x-countersign-timestamp"), raised.body,
            raised.header("x-countersign-signature"), now));
        QJsonObject body = QJsonDocument::fromJson(raised.body).object();
        QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("queue.alert"));
        QCOMPARE(body.value(QLatin1String("state")).toString(), QStringLiteral("raised"));
        QCOMPARE(body.value(QLatin1String("depth")).toInt(), 3);
        QVERIFY(body.value(QLatin1String("oldest_age_seconds")).isDouble());
        QCOMPARE(body.value(QLatin1String("thresholds")).toObject().value(QLatin1String("depth")).toInt(), 3);
        QVERIFY(body.value(QLatin1String("time")).isString());

        // Deciding one brings the queue back under: one all-clear.
        const QByteArray rita = m_server->token(Role::Reviewer, QStringLiteral("rita"));
        QCOMPARE(m_server->http().post(QStringLiteral("/v1/actions/%1/claim").arg(ids.at(0)), {}, rita).status, 200);
        QCOMPARE(m_server->http()
                     .post(QStringLiteral("/v1/actions/%1/decision").arg(ids.at(0)),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, rita)
                     .status,
            200);
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_server->runScheduler());
        QTRY_COMPARE(m_receiver->requests().size(), 2);
        const WebhookReceiver::Request cleared = m_receiver->requests().at(1);
        QCOMPARE(cleared.header("x-countersign-event"), QByteArray("queue.alert"));
        body = QJsonDocument::fromJson(cleared.body).object();
        QCOMPARE(body.value(QLatin1String("state")).toString(), QStringLiteral("cleared"));
        QCOMPARE(body.value(QLatin1String("depth")).toInt(), 2);
        QVERIFY(cleared.header("x-countersign-delivery") != raised.header("x-countersign-delivery"));

        // The agent's callback got its three creations and nothing of the queue's state.
        QTRY_COMPARE(agentReceiver.requests().size(), 3);
        for (const QJsonValue &d : deliveriesOf(agentHook))
            QCOMPARE(d.toObject().value(QLatin1String("event")).toString(), QStringLiteral("action.created"));
        QCOMPARE(deliveriesOf(agentHook).size(), 3);
        QCOMPARE(deliveriesOf(hook).size(), 2);
        QCOMPARE(m_receiver->requests().size(), 2);
    }

    void aBurstToAChatWebhookIsOneDigest()
    {
        const QJsonObject hook
            = create(m_admin, {QStringLiteral("action.created")}, m_receiver->url(), QStringLiteral("slack"));
        const QString secret = hook.value(QLatin1String("secret")).toString();
        WebhookReceiver jsonReceiver; // json webhooks never group
        QVERIFY(jsonReceiver.listen());
        const QJsonObject jsonHook = create(m_admin, {QStringLiteral("action.created")}, jsonReceiver.url());
        QVERIFY(!jsonHook.isEmpty());
        WebhookDispatcher *dispatcher = m_server->server().webhookDispatcher();
        // Held while the burst is committed, so it is due at once however fast the machine is.
        dispatcher->stop();
        for (int i = 0; i < 8; ++i)
            submit(m_agent);
        dispatcher->start();
        QTRY_COMPARE(jsonReceiver.requests().size(), 8);
        QTRY_COMPARE(m_receiver->requests().size(), 1);
        const WebhookReceiver::Request digest = m_receiver->requests().at(0);
        QCOMPARE(digest.header("x-countersign-event"), QByteArray("action.digest"));
        const qint64 now = m_server->clock().now().toSecsSinceEpoch();
        QVERIFY(WebhookSignature::verify(secret.toUtf8(), digest.header("x-countersign-timestamp"), digest.body,
            digest.header("x-countersign-signature"), now));
        const QString text = QJsonDocument::fromJson(digest.body).object().value(QLatin1String("text")).toString();
        QVERIFY2(text.startsWith(QLatin1String("8 actions wait for review: ")), qPrintable(text));
        // Every grouped delivery is delivered by the digest's attempt.
        QTRY_COMPARE(deliveriesOf(hook).size(), 8);
        QTRY_VERIFY([&] {
            for (const QJsonValue &d : deliveriesOf(hook)) {
                if (d.toObject().value(QLatin1String("status")).toString() != QLatin1String("delivered"))
                    return false;
            }
            return true;
        }());
        for (const QJsonValue &d : deliveriesOf(hook))
            QCOMPARE(d.toObject().value(QLatin1String("attempts")).toInt(), 1);

        // Two are single messages.
        dispatcher->stop();
        submit(m_agent);
        submit(m_agent);
        dispatcher->start();
        QTRY_COMPARE(m_receiver->requests().size(), 3);
        for (int i = 1; i < 3; ++i)
            QCOMPARE(m_receiver->requests().at(i).header("x-countersign-event"), QByteArray("action.created"));
        QTRY_COMPARE(jsonReceiver.requests().size(), 10);
        QCOMPARE(m_receiver->requests().size(), 3);
    }

private:
    QJsonObject create(
        const QByteArray &token, const QStringList &events, const QString &url = {}, const QString &format = {})
    {
        QJsonObject body{{QStringLiteral("url"), url.isEmpty() ? m_receiver->url() : url},
            {QStringLiteral("events"), QJsonArray::fromStringList(events)}};
        if (!format.isEmpty())
            body.insert(QStringLiteral("format"), format);
        const HttpResult r = m_server->http().post(QStringLiteral("/v1/webhooks"), body, token);
        if (r.status != 201)
            qWarning("creating a webhook: %d %s", r.status, r.body.constData());
        return r.status == 201 ? r.json() : QJsonObject();
    }

    QString submit(const QByteArray &agent)
    {
        const HttpResult r = m_server->submit(agent);
        if (r.status != 201)
            qWarning("submitting: %d %s", r.status, r.body.constData());
        return r.json().value(QLatin1String("id")).toString();
    }

    QJsonArray deliveriesOf(const QJsonObject &hook)
    {
        return items(m_server->http().get(
            QStringLiteral("/v1/webhooks/%1/deliveries").arg(hook.value(QLatin1String("id")).toString()), m_admin));
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<WebhookReceiver> m_receiver;
    QByteArray m_admin;
    QByteArray m_agent;
};

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
