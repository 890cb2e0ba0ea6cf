// core/webhook: who a subscription matches, when a failed delivery is retried and given up
// (with a manual clock), the signature scheme, and the slack and teams messages.
#include "domain/manualclock.h"
#include "webhook/webhook.h"
#include "webhook/webhookdigest.h"
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

ClaimedDelivery claimed(const QString &hookId, WebhookFormat format, int n, const QDateTime &created,
    const QString &type = QStringLiteral("action.created"))
{
    Action a = action(QStringLiteral("bot"));
    a.id = QStringLiteral("id-%1").arg(n);
    a.title = QStringLiteral("Title %1").arg(n);
    ClaimedDelivery c;
    c.webhook.id = hookId;
    c.webhook.format = format;
    c.delivery.id = QStringLiteral("d-%1").arg(n);
    c.delivery.webhookId = hookId;
    c.delivery.eventType = type;
    c.delivery.body = eventJson(a, type);
    c.delivery.createdAt = created;
    c.claim = QStringLiteral("claim");
    return c;
}

QStringList idsOf(const QList<ClaimedDelivery> &group)
{
    QStringList ids;
    for (const ClaimedDelivery &c : group)
        ids.append(c.delivery.id);
    return ids;
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

    void digestGroupsMoreThanThresholdChatDeliveriesOfOneWebhook()
    {
        ManualClock clock;
        const WebhookDigest digest(WebhookDigest::Settings{5, 60s, 10}, clock);
        const QDateTime now = clock.now();
        QList<ClaimedDelivery> batch;
        for (int i = 0; i < 6; ++i) // six to a slack webhook: one digest
            batch.append(claimed(QStringLiteral("slack"), WebhookFormat::Slack, i, now.addSecs(-i)));
        for (int i = 10; i < 16; ++i) // json never groups
            batch.append(claimed(QStringLiteral("json"), WebhookFormat::Json, i, now));
        for (int i = 20; i < 25; ++i) // five is not more than five
            batch.append(claimed(QStringLiteral("teams"), WebhookFormat::Teams, i, now));
        const QList<QList<ClaimedDelivery>> groups = digest.group(batch);
        QCOMPARE(groups.size(), 1 + 6 + 5);
        QCOMPARE(idsOf(groups.at(0)),
            (QStringList{QStringLiteral("d-0"), QStringLiteral("d-1"), QStringLiteral("d-2"), QStringLiteral("d-3"),
                QStringLiteral("d-4"), QStringLiteral("d-5")}));
        for (qsizetype i = 1; i < groups.size(); ++i)
            QCOMPARE(groups.at(i).size(), 1);

        // Older than the window, or retried: each keeps its own message.
        QList<ClaimedDelivery> old;
        for (int i = 0; i < 8; ++i) {
            old.append(claimed(QStringLiteral("slack"), WebhookFormat::Slack, i, now.addSecs(i < 4 ? -61 : 0)));
            if (i == 7)
                old.last().delivery.attempts = 1;
        }
        QCOMPARE(digest.group(old).size(), 8);
        // A threshold of 0 never groups.
        const WebhookDigest off(WebhookDigest::Settings{0, 60s, 10}, clock);
        QCOMPARE(off.group(batch).size(), batch.size());
    }

    void digestNamesTenTitlesAndHowManyMore()
    {
        ManualClock clock;
        const WebhookDigest digest(WebhookDigest::Settings{5, 60s, 10}, clock);
        QList<ClaimedDelivery> group;
        for (int i = 0; i < 13; ++i)
            group.append(claimed(QStringLiteral("slack"), WebhookFormat::Slack, i, clock.now()));
        const QUrl base(QStringLiteral("https://cs.example.com"));
        const QJsonObject slack = QJsonDocument::fromJson(digest.body(group, base)).object();
        const QString text = slack.value(QLatin1String("text")).toString();
        QVERIFY2(text.startsWith(QLatin1String("13 actions wait for review: Title 0, Title 1")), qPrintable(text));
        QVERIFY2(text.endsWith(QLatin1String("Title 9, and 3 more")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("Title 10")));
        const QString blocks = QString::fromUtf8(
            QJsonDocument(slack.value(QLatin1String("blocks")).toArray()).toJson(QJsonDocument::Compact));
        QVERIFY2(blocks.contains(QLatin1String("<https://cs.example.com/open/id-0|Title 0>")), qPrintable(blocks));
        QVERIFY(blocks.contains(QLatin1String("and 3 more")));

        for (ClaimedDelivery &c : group)
            c.webhook.format = WebhookFormat::Teams;
        group.resize(7);
        const QJsonObject card = QJsonDocument::fromJson(digest.body(group, base)).object();
        QCOMPARE(card.value(QLatin1String("title")).toString(), QStringLiteral("7 actions wait for review"));
        QVERIFY(card.value(QLatin1String("text"))
                .toString()
                .contains(QLatin1String("[Title 6](https://cs.example.com/open/id-6)")));
        QVERIFY(!card.value(QLatin1String("text")).toString().contains(QLatin1String("more")));
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
