#include "domain/manualclock.h"
#include "server/alertmailplanner.h"
#include "server/mailoptions.h"
#include "server/queuealertdecision.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

AlertMailPlanner::Settings settings(QStringList leads = {QStringLiteral("lead@example.com")})
{
    AlertThresholds thresholds;
    thresholds.queueDepth = 3;
    thresholds.oldestAgeSeconds = 600;
    return AlertMailPlanner::Settings{QStringLiteral("countersign@example.com"), std::move(leads),
        QUrl(QStringLiteral("https://review.example.com/cs/")), thresholds};
}

CommittedChange escalated(const QString &id, const QString &title = QStringLiteral("Refund order 1234"))
{
    Action a;
    a.id = id;
    a.type = QStringLiteral("refund.issue");
    a.category = QStringLiteral("finance");
    a.title = title;
    a.agent = QStringLiteral("billing-bot");
    a.confidence = 0.72;
    a.createdAt = QDateTime(QDate(2026, 1, 1), QTime(8, 0), QTimeZone::UTC);
    a.slaDueAt = a.createdAt.addSecs(3600);
    a.expiresAt = a.createdAt.addSecs(8 * 3600);
    a.escalated = true;
    return CommittedChange{7, QStringLiteral("action.escalated"), a.slaDueAt, a};
}

QueueStats stats(qint64 depth, qint64 oldest)
{
    QueueStats s;
    s.totalDepth = depth;
    s.oldestAgeSeconds = oldest;
    s.categories.append(QueueStats::Category{QStringLiteral("finance"), depth, oldest, 0, 0});
    return s;
}

AlertMailPlanner::EscalationContacts contacts(const QStringList &entries)
{
    return [entries](const Action &) {
        return entries;
    };
}

} // namespace

// What email the server sends, without SMTP: recipients, content, and a queue alert that is
// sent when the queue crosses a threshold and when it comes back, not on every pass.
class TestAlertMailPlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void escalationGoesToAddressesAmongContactsAndTheLeads()
    {
        ManualClock clock;
        const AlertMailPlanner planner(settings(), clock);
        const QList<MailMessage> mails = planner.forChanges({escalated(QStringLiteral("a-1"))},
            contacts({QStringLiteral("finance-lead"), QStringLiteral("CFO@example.com"),
                QStringLiteral("lead@example.com")}));
        QCOMPARE(mails.size(), 1);
        const MailMessage &m = mails.first();
        QCOMPARE(m.kind, QStringLiteral("escalation"));
        // A name that is not an address is left out; the lead is there once.
        QCOMPARE(m.to, (QStringList{QStringLiteral("CFO@example.com"), QStringLiteral("lead@example.com")}));
        QCOMPARE(m.from, QStringLiteral("countersign@example.com"));
        QCOMPARE(m.date, clock.now());
        QVERIFY(m.messageId.endsWith(QLatin1String("@example.com")));
        QCOMPARE(m.subject, QStringLiteral("[Countersign] Past its SLA: Refund order 1234"));
        QVERIFY(m.body.contains(QLatin1String("Type:        refund.issue")));
        QVERIFY(m.body.contains(QLatin1String("Agent:       billing-bot")));
        QVERIFY(m.body.contains(QLatin1String("Confidence:  72%")));
        QVERIFY(m.body.contains(QLatin1String("SLA due:     2026-01-01 09:00 UTC")));
        QVERIFY(m.body.contains(QLatin1String("Open it: https://review.example.com/cs/open/a-1\n")));
        QVERIFY(m.body.contains(QLatin1String("countersign://open?")));
    }

    void otherChangesAndNoRecipientsSendNothing()
    {
        ManualClock clock;
        const AlertMailPlanner planner(settings({}), clock);
        CommittedChange created = escalated(QStringLiteral("a-2"));
        created.type = QStringLiteral("action.created");
        QVERIFY(planner.forChanges({created}, contacts({QStringLiteral("x@example.com")})).isEmpty());
        // No address among the contacts and no leads: nobody to write to.
        QVERIFY(planner.forChanges({escalated(QStringLiteral("a-3"))}, contacts({QStringLiteral("finance-lead")}))
                .isEmpty());
    }

    void queueAlertOnceAndOnceWhenCleared()
    {
        ManualClock clock;
        AlertMailPlanner planner(settings(), clock);
        QVERIFY(!planner.forQueue(stats(2, 100)));
        const auto alert = planner.forQueue(stats(3, 100));
        QVERIFY(alert);
        QCOMPARE(alert->kind, QStringLiteral("queue.alert"));
        QCOMPARE(alert->to, QStringList{QStringLiteral("lead@example.com")});
        QVERIFY(alert->subject.startsWith(QLatin1String("[Countersign] Queue alert: 3 pending")));
        QVERIFY(alert->body.contains(QLatin1String("Pending:     3 (alert at 3) - over")));
        // Still over, by depth and now by age too: nothing new.
        QVERIFY(!planner.forQueue(stats(5, 100)));
        QVERIFY(!planner.forQueue(stats(5, 900)));
        QVERIFY(!planner.forQueue(stats(1, 900)));
        const auto cleared = planner.forQueue(stats(1, 30));
        QVERIFY(cleared);
        QCOMPARE(cleared->kind, QStringLiteral("queue.cleared"));
        QVERIFY(!planner.forQueue(stats(0, 0)));
        QVERIFY(!planner.alerting());
    }

    void queueAlertDecisionReportsEachChangeOnce()
    {
        const AlertThresholds t{3, 600};
        QueueAlertDecision known(t, false);
        QCOMPARE(known.update(stats(2, 10)), std::nullopt); // under, as it was
        QCOMPARE(known.update(stats(3, 10)), std::optional<bool>(true)); // depth reached
        QCOMPARE(known.update(stats(5, 10)), std::nullopt);
        QCOMPARE(known.update(stats(1, 600)), std::nullopt); // the age keeps it raised
        QCOMPARE(known.update(stats(1, 10)), std::optional<bool>(false));
        QCOMPARE(known.update(stats(0, 0)), std::nullopt);
        QVERIFY(!known.alerting());
        // Unknown at first (a server that just started): the first look reports either state.
        QueueAlertDecision unknown(t, std::nullopt);
        QCOMPARE(unknown.update(stats(0, 0)), std::optional<bool>(false));
        QCOMPARE(unknown.update(stats(0, 0)), std::nullopt);
        // A threshold of 0 is off.
        QueueAlertDecision off(AlertThresholds{0, 0}, false);
        QCOMPARE(off.update(stats(1000, 100000)), std::nullopt);

        const QDateTime t0(QDate(2026, 1, 1), QTime(8, 0), QTimeZone::UTC);
        const QJsonObject body = QueueAlertDecision::eventBody(true, stats(4, 70), t, t0);
        QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("queue.alert"));
        QCOMPARE(body.value(QLatin1String("state")).toString(), QStringLiteral("raised"));
        QCOMPARE(body.value(QLatin1String("depth")).toInt(), 4);
        QCOMPARE(body.value(QLatin1String("oldest_age_seconds")).toInt(), 70);
        QCOMPARE(body.value(QLatin1String("thresholds")).toObject().value(QLatin1String("depth")).toInt(), 3);
        QCOMPARE(
            body.value(QLatin1String("thresholds")).toObject().value(QLatin1String("oldest_age_seconds")).toInt(), 600);
        QCOMPARE(body.value(QLatin1String("time")).toString(), QStringLiteral("2026-01-01T08:00:00.000Z"));
    }

    void messageHasRfc5322Headers()
    {
        MailMessage m;
        m.from = QStringLiteral("countersign@example.com");
        m.to = {QStringLiteral("a@example.com"), QStringLiteral("b@example.com")};
        m.subject = QStringLiteral("Plain subject");
        m.body = QStringLiteral("line one\nline two\n");
        m.date = QDateTime(QDate(2026, 12, 5), QTime(3, 28, 33), QTimeZone::UTC);
        m.messageId = QStringLiteral("x.escalation@example.com");
        const QByteArray text = m.toRfc5322();
        QVERIFY(text.startsWith("Date: Sat, 05 Dec 2026 03:28:33 +0000\r\n"));
        QVERIFY(text.contains("\r\nMessage-ID: <x.escalation@example.com>\r\n"));
        QVERIFY(text.contains("\r\nFrom: countersign@example.com\r\n"));
        QVERIFY(text.contains("\r\nTo: a@example.com, b@example.com\r\n"));
        QVERIFY(text.contains("\r\nSubject: Plain subject\r\n"));
        QVERIFY(text.contains("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
        QVERIFY(text.endsWith("\r\n\r\nline one\r\nline two\r\n"));
    }

    void anUnsetDateIsTheEpoch()
    {
        QCOMPARE(MailMessage::dateHeader(QDateTime()), QByteArray("Thu, 01 Jan 1970 00:00:00 +0000"));
    }

    void nonAsciiIsEncoded()
    {
        MailMessage m;
        m.subject = QStringLiteral("Rückerstattung für Bestellung 1234 – prüfen 🙂 ") + QString(40, u'ä');
        m.body = QStringLiteral("Grüße\n");
        const QByteArray subject = MailMessage::encodeHeader(m.subject);
        // Encoded words of at most 75 characters, which decode back to the subject.
        QByteArray decoded;
        for (const QByteArray &word : subject.split(' ')) {
            const QByteArray w = word.trimmed();
            QVERIFY(w.size() <= 75);
            QVERIFY(w.startsWith("=?UTF-8?B?") && w.endsWith("?="));
            decoded += QByteArray::fromBase64(w.mid(10, w.size() - 12));
        }
        QCOMPARE(QString::fromUtf8(decoded), m.subject);
        const QByteArray text = m.toRfc5322();
        QVERIFY(text.contains("Content-Transfer-Encoding: base64\r\n"));
        const QByteArray body = text.mid(text.indexOf("\r\n\r\n") + 4);
        QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(body)), QStringLiteral("Grüße\r\n"));
    }

    void options()
    {
        QVERIFY(MailOptions::parseSmtpUrl(QStringLiteral("smtp://mail.example.com:587")));
        QVERIFY(MailOptions::parseSmtpUrl(QStringLiteral("smtps://mail.example.com")));
        QCOMPARE(MailOptions::parseSmtpUrl(QStringLiteral("http://mail.example.com")).error().field,
            QStringLiteral("smtp-url"));
        QVERIFY(!MailOptions::parseSmtpUrl(QStringLiteral("smtp://user:pw@mail.example.com")));
        QCOMPARE(*MailOptions::parseAddresses(QStringLiteral("alert-email"), QStringLiteral("a@x.org, b@y.org")),
            (QStringList{QStringLiteral("a@x.org"), QStringLiteral("b@y.org")}));
        const auto bad = MailOptions::parseAddresses(QStringLiteral("alert-email"), QStringLiteral("a@x.org,lead"));
        QCOMPARE(bad.error().field, QStringLiteral("alert-email"));
        QVERIFY(bad.error().message.contains(QLatin1String("\"lead\"")));
        QVERIFY(!MailOptions::parseAddresses(QStringLiteral("alert-email"), QStringLiteral("jürgen@example.com")));
        QVERIFY(!MailOptions::parseAddresses(QStringLiteral("alert-email"), QStringLiteral("Lead <lead@example.com>")));
        QVERIFY(MailOptions::parsePublicUrl(QStringLiteral("https://review.example.com/cs")));
        QVERIFY(!MailOptions::parsePublicUrl(QStringLiteral("ftp://review.example.com")));
    }

    void credentialsFileMustBePrivate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("smtp"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("mailer\nsecret pass\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        const auto refused = MailOptions::readCredentials(path);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("smtp-credentials"));
        QVERIFY(refused.error().message.contains(QLatin1String("chmod 600")));

        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        const auto credentials = MailOptions::readCredentials(path);
        QVERIFY(credentials);
        QCOMPARE(credentials->user, QStringLiteral("mailer"));
        QCOMPARE(credentials->password, QStringLiteral("secret pass"));
        QVERIFY(!MailOptions::readCredentials(dir.filePath(QStringLiteral("missing"))));
    }
};

QTEST_GUILESS_MAIN(TestAlertMailPlanner)
#include "tst_alertmailplanner.moc"
