// Issue 22 (part 1): two server instances on one PostgreSQL database send the webhook outbox
// together; each attempt goes out once (rows are claimed with FOR UPDATE SKIP LOCKED and a
// lease), first attempts and retries alike, whichever instance committed the event; and a
// queue.alert that both instances see is raised once (the stored state changes once).
#include "postgrestestserver.h"
#include "server/queuealertwatcher.h"
#include "server/storeworker.h"
#include "server/webhookdispatcher.h"
#include "testresult.h"
#include "testserver.h"
#include "webhookreceiver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Countersign;
using namespace Countersign::Test;
using namespace std::chrono_literals;

class TestWebhookClusterPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const auto why = PostgresTestServer::unavailableReason())
            QSKIP(qPrintable(*why));
    }

    void eachAttemptIsSentOnceByOneInstance()
    {
        auto url = PostgresTestServer::createDatabase();
        CS_VERIFY_OK(url);
        ServerConfig config = TestServer::defaultConfig();
        config.storeLocation = *url;
        config.webhooks.allowPrivate = true;
        config.webhooks.poll = 5ms; // both instances claim all the time
        config.webhooks.maxInFlight = 4; // small claims, so the two interleave
        config.webhooks.retryBase = 1s;
        config.webhooks.retryCap = 1s;
        TestServer a(config);
        TestServer b(config);
        QVERIFY(a.start());
        QVERIFY(b.start());
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        constexpr int Actions = 40;
        constexpr int Failing = 10;
        receiver.script(QList<int>(Failing, 500)); // the first ten answers fail: ten retries

        const QByteArray admin = a.token(Role::Admin, QStringLiteral("ada"));
        const HttpResult hook = a.http().post(QStringLiteral("/v1/webhooks"),
            QJsonObject{{QStringLiteral("url"), receiver.url()},
                {QStringLiteral("events"), QJsonArray{QStringLiteral("action.created")}}},
            admin);
        QCOMPARE(hook.status, 201);
        // B reads the subscriptions again, as its token-refresh tick does.
        CS_VERIFY_OK(b.server().storeWorker()->call<bool>([](Store &store) -> Result<bool> {
            if (auto reloaded = store.reloadWebhooks(); !reloaded)
                return fail(reloaded.error());
            return true;
        }));

        QSignalSpy sentByA(a.server().webhookDispatcher(), &WebhookDispatcher::attempted);
        QSignalSpy sentByB(b.server().webhookDispatcher(), &WebhookDispatcher::attempted);
        const QByteArray agentA = a.token(Role::Agent, QStringLiteral("bot"));
        const QByteArray agentB = b.token(Role::Agent, QStringLiteral("bot"));
        for (int i = 0; i < Actions; ++i) {
            TestServer &via = i % 2 == 0 ? a : b;
            QCOMPARE(via.submit(i % 2 == 0 ? agentA : agentB).status, 201);
        }
        QTRY_COMPARE_WITH_TIMEOUT(sentByA.size() + sentByB.size(), Actions, 20000);
        // The failed ones are retried once their retry is due on the instance that claims them.
        a.clock().advance(1000);
        b.clock().advance(1000);
        QTRY_COMPARE_WITH_TIMEOUT(sentByA.size() + sentByB.size(), Actions + Failing, 20000);
        QCOMPARE(receiver.requests().size(), Actions + Failing);

        // Every delivery was sent once, or twice when its first answer was a 500; the store
        // counts the same attempts.
        QHash<QByteArray, int> perDelivery;
        for (const WebhookReceiver::Request &r : receiver.requests())
            ++perDelivery[r.header("x-countersign-delivery")];
        QCOMPARE(perDelivery.size(), qsizetype(Actions));
        int twice = 0;
        for (auto it = perDelivery.cbegin(); it != perDelivery.cend(); ++it) {
            QVERIFY(it.value() == 1 || it.value() == 2);
            twice += it.value() == 2;
        }
        QCOMPARE(twice, Failing);
        const QJsonArray deliveries = a.http()
                                          .get(QStringLiteral("/v1/webhooks/%1/deliveries?limit=500")
                                                   .arg(hook.json().value(QLatin1String("id")).toString()),
                                              admin)
                                          .json()
                                          .value(QLatin1String("items"))
                                          .toArray();
        QCOMPARE(deliveries.size(), Actions);
        for (const QJsonValue &v : deliveries) {
            const QJsonObject d = v.toObject();
            QCOMPARE(d.value(QLatin1String("status")).toString(), QStringLiteral("delivered"));
            QCOMPARE(d.value(QLatin1String("attempts")).toInt(),
                perDelivery.value(d.value(QLatin1String("id")).toString().toLatin1()));
        }
        qInfo("FIGURES attempts_by_a=%lld attempts_by_b=%lld", qint64(sentByA.size()), qint64(sentByB.size()));
    }

    void aQueueAlertBothInstancesSeeIsRaisedOnce()
    {
        auto url = PostgresTestServer::createDatabase();
        CS_VERIFY_OK(url);
        ServerConfig config = TestServer::defaultConfig();
        config.storeLocation = *url;
        config.webhooks.allowPrivate = true;
        config.webhooks.poll = 5ms;
        config.alerts.queueDepth = 2;
        TestServer a(config);
        TestServer b(config);
        QVERIFY(a.start());
        QVERIFY(b.start());
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        const QByteArray admin = a.token(Role::Admin, QStringLiteral("ada"));
        const HttpResult hook = a.http().post(QStringLiteral("/v1/webhooks"),
            QJsonObject{{QStringLiteral("url"), receiver.url()},
                {QStringLiteral("events"), QJsonArray{QStringLiteral("queue.alert")}}},
            admin);
        QCOMPARE(hook.status, 201);
        const QByteArray agent = a.token(Role::Agent, QStringLiteral("bot"));
        QCOMPARE(a.submit(agent).status, 201);
        QCOMPARE(a.submit(agent).status, 201);

        QSignalSpy recordedByA(a.server().queueAlertWatcher(), &QueueAlertWatcher::recorded);
        QSignalSpy recordedByB(b.server().queueAlertWatcher(), &QueueAlertWatcher::recorded);
        // Both look at once (their store threads race on the state row), then pass after pass.
        a.server().queueAlertWatcher()->checkQueue();
        b.server().queueAlertWatcher()->checkQueue();
        QTRY_COMPARE_WITH_TIMEOUT(recordedByA.size() + recordedByB.size(), 1, 10000);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(a.runScheduler());
            QVERIFY(b.runScheduler());
        }
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 10000);
        QCOMPARE(receiver.requests().at(0).header("x-countersign-event"), QByteArray("queue.alert"));
        QCOMPARE(QJsonDocument::fromJson(receiver.requests().at(0).body).object().value(QLatin1String("state")),
            QJsonValue(QStringLiteral("raised")));
        QCOMPARE(recordedByA.size() + recordedByB.size(), 1);
        const QJsonArray deliveries = a.http()
                                          .get(QStringLiteral("/v1/webhooks/%1/deliveries")
                                                   .arg(hook.json().value(QLatin1String("id")).toString()),
                                              admin)
                                          .json()
                                          .value(QLatin1String("items"))
                                          .toArray();
        QCOMPARE(deliveries.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWebhookClusterPostgres)
#include "tst_webhookcluster_postgres.moc"
