// core/webhook: who a subscription matches, when a failed delivery is retried and given up
// (with a manual clock), the signature scheme, and the slack and teams messages.
#include "domain/manualclock.h"
#include "webhook/webhook.h"
#include "webhook/webhookmessage.h"
#include "webhook/webhookretry.h"
#include "webhook/webhooksignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Countersign;
using namespace std::chrono_literals;

namespace {

Action action(const QString &agent, const QString &type = QStringLiteral("email.send_external"),
    const QString &category = QStringLiteral("external-comms"))
{
    Action a;
    a.id = QStringLiteral("0192f0c1-0000-7000-8000-000000000001");
    a.agent = agent;
    a.type = type;
    a.category = category;
    a.title = QStringLiteral("Send <the> quarterly & report");
    a.confidence = 0.8;
    a.slaDueAt = QDateTime(QDate(2026, 1, 1), QTime(10, 0), QTimeZone::UTC);
    return a;
}

QByteArray eventJson(const Action &a, const QString &type = QStringLiteral("action.created"))
{
    const QJsonObject e{{QStringLiteral("seq"), 7}, {QStringLiteral("type"), type}, {QStringLiteral("action_id"), a.id},
        {QStringLiteral("time"), QStringLiteral("2026-01-01T09:00:00.000Z")}, {QStringLiteral("action"), a.toJson()}};
    return QJsonDocument(e).toJson(QJsonDocument::Compact);
}

} // namespace

class TestWebhook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void adminSubscriptionMatchesByEventAndFilter()
    {
        Webhook w;
        w.ownerRole = QStringLiteral("admin");
        w.events = {QStringLiteral("action.created")};
        QVERIFY(w.matches(QStringLiteral("action.created"), action(QStringLiteral("a"))));
        QVERIFY(w.matches(QStringLiteral("action.created"), action(QStringLiteral("b"))));
        QVERIFY(!w.matches(QStringLiteral("action.decided"), action(QStringLiteral("a"))));
        QVERIFY(!w.matches(QStringLiteral("action.claimed"), action(QStringLiteral("a"))));
        w.types = {QStringLiteral("db.migrate")};
        QVERIFY(!w.matches(QStringLiteral("action.created"), action(QStringLiteral("a"))));
        QVERIFY(w.matches(QStringLiteral("action.created"), action(QStringLiteral("a"), QStringLiteral("db.migrate"))));
        w.types.clear();
        w.categories = {QStringLiteral("finance")};
        QVERIFY(!w.matches(QStringLiteral("action.created"), action(QStringLiteral("a"))));
        QVERIFY(w.matches(QStringLiteral("action.created"),
            action(QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("finance"))));
    }

    void agentSubscriptionNeverMatchesAnotherAgent()
    {
        Webhook w;
        w.ownerRole = QStringLiteral("agent");
        w.ownerAgent = QStringLiteral("bot");
        w.events = Webhook::subscribableEvents();
        for (const QString &event : Webhook::subscribableEvents()) {
            QVERIFY(w.matches(event, action(QStringLiteral("bot"))));
            QVERIFY(!w.matches(event, action(QStringLiteral("other"))));
            QVERIFY(!w.matches(event, action(QString())));
        }
        // The queue's state is never an agent's business, whatever it subscribed to.
        QVERIFY(!w.matchesQueueAlert());
        w.ownerRole = QStringLiteral("admin");
        w.ownerAgent.clear();
        QVERIFY(w.matchesQueueAlert());
        w.events = {QStringLiteral("action.created")};
        QVERIFY(!w.matchesQueueAlert());
    }

    void backoffDoublesUpToTheCapWithJitter()
    {
        ManualClock clock;
        const WebhookRetry retry(clock, WebhookRetry::Schedule{5s, 60s, 24h});
        QCOMPARE(retry.delay(1), 5s);
        QCOMPARE(retry.delay(2), 10s);
        QCOMPARE(retry.delay(3), 20s);
        QCOMPARE(retry.delay(4), 40s);
        QCOMPARE(retry.delay(5), 60s);
        QCOMPARE(retry.delay(1000), 60s); // no overflow
        const QDateTime created = clock.now();
        // Equal jitter: between half and all of the delay.
        QCOMPARE(retry.afterFailure(1, created, 0.0).at, created.addMSecs(2500));
        QCOMPARE(retry.afterFailure(1, created, 0.999999).at, created.addMSecs(4999));
        QCOMPARE(retry.afterFailure(3, created, 0.5).at, created.addMSecs(15000));
        QVERIFY(!retry.afterFailure(3, created, 0.5).giveUp);
    }

    void givesUpAfterTheDeadlineAndNeverRetriesPastIt()
    {
        ManualClock clock;
        const WebhookRetry retry(clock, WebhookRetry::Schedule{5s, 3600s, 24h});
        const QDateTime created = clock.now();
        clock.advance(24 * 3600'000 - 1000); // one second before the deadline
        const auto last = retry.afterFailure(40, created, 1.0);
        QVERIFY(!last.giveUp);
        QCOMPARE(last.at, created.addMSecs(24 * 3600'000)); // the last retry falls on the deadline
        clock.advance(1000);
        const auto done = retry.afterFailure(41, created, 0.3);
        QVERIFY(done.giveUp);
        QVERIFY(!done.at.isValid());
    }

    void signatureCoversTimestampAndBody()
    {
        const QByteArray secret("whsec_test");
        const QByteArray body(R"({"type":"action.created"})");
        const QByteArray signature = WebhookSignature::sign(secret, 1767258000, body);
        // The documented scheme, computed independently.
        QByteArray material("1767258000.");
        material.append(body);
        QByteArray expected("sha256=");
        expected.append(QMessageAuthenticationCode::hash(material, secret, QCryptographicHash::Sha256).toHex());
        QCOMPARE(signature, expected);
        QVERIFY(WebhookSignature::verify(secret, "1767258000", body, signature, 1767258000 + 299));
        QVERIFY(!WebhookSignature::verify(secret, "1767258000", body, signature, 1767258000 + 301)); // replayed later
        QVERIFY(!WebhookSignature::verify(secret, "1767258001", body, signature, 1767258000)); // new timestamp
        QVERIFY(!WebhookSignature::verify(secret, "1767258000", QByteArray(body).append("x"), signature, 1767258000));
        QVERIFY(!WebhookSignature::verify("other", "1767258000", body, signature, 1767258000));
        QVERIFY(!WebhookSignature::verify(secret, "soon", body, signature, 1767258000));
    }

    void slackMessageNamesTheActionAndLinksIt()
    {
        const QJsonObject message
            = WebhookMessage::slack(QJsonDocument::fromJson(eventJson(action(QStringLiteral("bot")))).object(),
                QUrl(QStringLiteral("https://cs.example.com/base/")));
        const QString text = message.value(QLatin1String("text")).toString();
        QVERIFY2(text.contains(QLatin1String("Needs review")), qPrintable(text));
        // Slack's control characters are escaped.
        QVERIFY2(text.contains(QLatin1String("Send &lt;the&gt; quarterly &amp; report")), qPrintable(text));
        QVERIFY(text.contains(
            QLatin1String("<https://cs.example.com/base/open/0192f0c1-0000-7000-8000-000000000001|Open>")));
        const QByteArray blocks = QJsonDocument(message.value(QLatin1String("blocks")).toArray()).toJson();
        for (const char *fact : {"email.send_external", "bot", "0.80", "2026-01-01T10:00:00.000Z",
                 "https://cs.example.com/base/open/0192f0c1-0000-7000-8000-000000000001"})
            QVERIFY2(blocks.contains(fact), fact);
    }

    void teamsCardNamesTheActionAndLinksIt()
    {
        const QJsonObject card = WebhookMessage::teams(
            QJsonDocument::fromJson(eventJson(action(QStringLiteral("bot")), QStringLiteral("action.escalated")))
                .object(),
            QUrl(QStringLiteral("https://cs.example.com")));
        QCOMPARE(card.value(QLatin1String("@type")).toString(), QStringLiteral("MessageCard"));
        QVERIFY(card.value(QLatin1String("title")).toString().startsWith(QLatin1String("Escalated")));
        QVERIFY(card.value(QLatin1String("title")).toString().contains(QLatin1String("Send <the> quarterly")));
        const QByteArray all = QJsonDocument(card).toJson();
        for (const char *fact : {"\"Type\"", "email.send_external", "\"Agent\"", "bot", "\"Confidence\"", "0.80",
                 "\"Due\"", "2026-01-01T10:00:00.000Z", "OpenUri",
                 "https://cs.example.com/open/0192f0c1-0000-7000-8000-000000000001"})
            QVERIFY2(all.contains(fact), fact);
    }

    void jsonFormatSendsTheEventAsItIs()
    {
        const QByteArray e = eventJson(action(QStringLiteral("bot")));
        QCOMPARE(WebhookMessage::body(WebhookFormat::Json, e, QUrl()), e);
        const QJsonObject slack
            = QJsonDocument::fromJson(WebhookMessage::body(WebhookFormat::Slack, e, QUrl(QStringLiteral("https://x"))))
                  .object();
        QVERIFY(slack.contains(QLatin1String("blocks")));
        // A test delivery has no action: a message without facts or link.
        const QByteArray test(R"({"type":"webhook.test","webhook_id":"w1","time":"2026-01-01T09:00:00.000Z"})");
        const QJsonObject t
            = WebhookMessage::slack(QJsonDocument::fromJson(test).object(), QUrl(QStringLiteral("https://x")));
        QCOMPARE(t.value(QLatin1String("text")).toString(), QStringLiteral("Test delivery"));
    }

    void formatNamesRoundTrip()
    {
        for (WebhookFormat f : {WebhookFormat::Json, WebhookFormat::Slack, WebhookFormat::Teams})
            QCOMPARE(webhookFormatFromName(webhookFormatName(f)), f);
        QVERIFY(!webhookFormatFromName(QStringLiteral("xml")));
    }
};

QTEST_GUILESS_MAIN(TestWebhook)
#include "tst_webhook.moc"
