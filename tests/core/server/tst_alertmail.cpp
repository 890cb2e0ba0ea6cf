#include "server/alertmailer.h"
#include "serverprocess.h"
#include "smtpsink.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

// Finance escalates to a name (left out of email) and an address; SLA 1 h.
QByteArray policy()
{
    const QJsonObject finance{{QStringLiteral("sla"), QStringLiteral("1h")},
        {QStringLiteral("expires_after"), QStringLiteral("8h")},
        {QStringLiteral("on_expiry"), QStringLiteral("reject")},
        {QStringLiteral("escalate_to"), QJsonArray{QStringLiteral("finance-lead"), QStringLiteral("cfo@example.com")}}};
    const QJsonObject refund{
        {QStringLiteral("category"), QStringLiteral("finance")}, {QStringLiteral("tier"), QStringLiteral("review")}};
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                             {QStringLiteral("categories"), QJsonObject{{QStringLiteral("finance"), finance}}},
                             {QStringLiteral("action_types"), QJsonObject{{QStringLiteral("refund.issue"), refund}}}})
        .toJson();
}

} // namespace

// Email alerts against an SMTP sink on loopback: the escalation reaches the category's address
// and the leads with the link to the item; a queue alert is sent once and once when it clears;
// a relay that refuses is retried, logged and counted; a hung relay never holds a request.
class TestAlertMail : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_sink = std::make_unique<SmtpSink>();
        QVERIFY(m_sink->listen());
    }
    void cleanup()
    {
        m_server.reset();
        m_sink.reset();
    }

    void escalationReachesTheSink()
    {
        startServer();
        const QString id = submit();
        m_server->clock().advance(61 * 60 * 1000);
        SchedulerReport report;
        QVERIFY(m_server->runScheduler(&report));
        QCOMPARE(report.escalated, 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 1, 10000);
        const SmtpSink::Message &m = m_sink->messages().first();
        QCOMPARE(m.from, QStringLiteral("countersign@example.com"));
        QCOMPARE(m.to, (QStringList{QStringLiteral("cfo@example.com"), QStringLiteral("lead@example.com")}));
        QCOMPARE(m.header("To"), QByteArray("cfo@example.com, lead@example.com"));
        QCOMPARE(m.header("Subject"), QByteArray("[Countersign] Past its SLA: Refund order 1234"));
        QVERIFY(!m.header("Date").isEmpty());
        QVERIFY(m.header("Message-ID").startsWith('<'));
        QCOMPARE(m.header("Content-Type"), QByteArray("text/plain; charset=UTF-8"));
        QVERIFY2(m.body().contains(QByteArray("Open it: https://review.example.com/cs/open/" + id.toLatin1() + "\r\n")),
            m.body().constData());
        QVERIFY(m.body().contains("Agent:       bot\r\n"));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_server->http().metric(R"(countersign_mail_messages_total{kind="escalation",outcome="sent"})"), 1, 5000);

        // Escalated once, mailed once.
        QVERIFY(m_server->runScheduler());
        const QString other = submit(); // a later message proves nothing else went out before it
        m_server->clock().advance(61 * 60 * 1000);
        QVERIFY(m_server->runScheduler());
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 2, 10000);
        QVERIFY(m_sink->messages().at(1).body().contains(QByteArray("/open/" + other.toLatin1())));
    }

    void queueAlertOnceAndOnceWhenCleared()
    {
        startServer([](ServerConfig &c) {
            c.alerts.queueDepth = 2;
        });
        submit();
        QVERIFY(m_server->runScheduler());
        const QString second = submit();
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_server->runScheduler());
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 1, 10000);
        const SmtpSink::Message alert = m_sink->messages().first();
        QCOMPARE(alert.to, QStringList{QStringLiteral("lead@example.com")});
        QVERIFY2(alert.header("Subject").startsWith("[Countersign] Queue alert: 2 pending"),
            alert.header("Subject").constData());

        QCOMPARE(m_server->http().post(QStringLiteral("/v1/actions/%1/withdraw").arg(second), {}, m_agent).status, 200);
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_server->runScheduler());
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 2, 10000);
        QVERIFY2(m_sink->messages().at(1).header("Subject").startsWith("[Countersign] Queue alert cleared: 1 pending"),
            m_sink->messages().at(1).header("Subject").constData());
        // Nothing more while the queue stays under: an escalation is the next message.
        for (int i = 0; i < 2; ++i)
            QVERIFY(m_server->runScheduler());
        m_server->clock().advance(61 * 60 * 1000);
        QVERIFY(m_server->runScheduler());
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 3, 10000);
        QVERIFY(m_sink->messages().at(2).header("Subject").startsWith("[Countersign] Past its SLA"));
    }

    void refusingRelayIsRetriedLoggedAndCounted()
    {
        m_sink->setMode(SmtpSink::Mode::Refuse);
        startServer();
        AlertMailer *mailer = m_server->server().mailer();
        QVERIFY(mailer);
        QSignalSpy failedAttempts(mailer, &AlertMailer::attemptFailed);
        QSignalSpy givenUp(mailer, &AlertMailer::givenUp);
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("escalation mail to .* attempt 1 of 3 failed")));
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("escalation mail to .* attempt 2 of 3 failed")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("escalation mail to .* given up: .*550")));
        submit();
        m_server->clock().advance(61 * 60 * 1000);
        QVERIFY(m_server->runScheduler());
        QVERIFY(givenUp.wait(15000));
        QCOMPARE(failedAttempts.size(), 3);
        QCOMPARE(m_sink->connections(), 3);
        QVERIFY(m_sink->refusals() >= 3);
        QVERIFY(m_sink->messages().isEmpty());
        QCOMPARE(m_server->http().metric(R"(countersign_mail_messages_total{kind="escalation",outcome="failed"})"), 1);
        QCOMPARE(m_server->http().metric(R"(countersign_mail_attempt_failures_total{kind="escalation"})"), 3);
    }

    void closedPortIsRetried()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        startServer([port](ServerConfig &c) {
            c.mail.smtpUrl = QUrl(QStringLiteral("smtp://127.0.0.1:%1").arg(port));
            c.mail.attempts = 2;
        });
        QSignalSpy failedAttempts(m_server->server().mailer(), &AlertMailer::attemptFailed);
        QSignalSpy givenUp(m_server->server().mailer(), &AlertMailer::givenUp);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("attempt 1 of 2 failed")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("given up")));
        submit();
        m_server->clock().advance(61 * 60 * 1000);
        QVERIFY(m_server->runScheduler());
        QVERIFY(givenUp.wait(15000));
        QCOMPARE(failedAttempts.size(), 2);
    }

    void hungRelayNeverHoldsARequest()
    {
        m_sink->setMode(SmtpSink::Mode::Hang);
        startServer([](ServerConfig &c) {
            c.mail.timeout = std::chrono::seconds(60);
        });
        submit();
        m_server->clock().advance(61 * 60 * 1000);
        QVERIFY(m_server->runScheduler());
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->connections(), 1, 10000);
        QCOMPARE(m_server->server().mailer()->pending(), 1);
        // The relay holds the conversation; requests and scheduler passes go on.
        const HttpResult stats = m_server->http().get(QStringLiteral("/v1/queue/stats"), m_lead);
        QCOMPARE(stats.status, 200);
        QVERIFY(stats.elapsedMs < 2000);
        QCOMPARE(submitStatus(), 201);
        QVERIFY(m_server->runScheduler());
        QCOMPARE(m_server->server().mailer()->pending(), 1);
        // Stopping cancels the conversation rather than waiting out its timeout.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("given up")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not sent: the server stopped")));
        QElapsedTimer stopping;
        stopping.start();
        m_server.reset();
        QVERIFY2(stopping.elapsed() < 10000, QByteArray::number(stopping.elapsed()).constData());
    }

    // The executable's options: a credentials file others may read is refused, as ssh refuses
    // such a key; options that need --smtp-url say so.
    void commandLineChecksTheMailOptions()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString credentials = dir.filePath(QStringLiteral("smtp"));
        QFile file(credentials);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("mailer\nsecret\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        const QStringList base{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
            dir.filePath(QStringLiteral("c.db")), QStringLiteral("--smtp-url"), m_sink->url().toString(),
            QStringLiteral("--smtp-from"), QStringLiteral("countersign@example.com")};
        auto run = [](const QStringList &arguments, QByteArray *errors) {
            QProcess p;
            p.start(ServerProcess::binary(), arguments);
            if (!p.waitForFinished(20000)) {
                p.kill();
                p.waitForFinished();
                return -1;
            }
            *errors = p.readAllStandardError();
            return p.exitCode();
        };
        QByteArray errors;
        QCOMPARE(run(base + QStringList{QStringLiteral("--smtp-credentials"), credentials}, &errors), 2);
        QVERIFY2(errors.contains("--smtp-credentials") && errors.contains("chmod 600"), errors.constData());

        QCOMPARE(run(base + QStringList{QStringLiteral("--alert-email"), QStringLiteral("lead")}, &errors), 2);
        QVERIFY2(errors.contains("--alert-email \"lead\" is not an email address"), errors.constData());

        QCOMPARE(run({QStringLiteral("--db"), dir.filePath(QStringLiteral("c.db")), QStringLiteral("--alert-email"),
                         QStringLiteral("lead@example.com")},
                     &errors),
            2);
        QVERIFY2(errors.contains("--alert-email needs --smtp-url"), errors.constData());
    }

private:
    void startServer(const std::function<void(ServerConfig &)> &adjust = {})
    {
        ServerConfig config = TestServer::defaultConfig();
        config.policyDocument = policy();
        config.mail.smtpUrl = m_sink->url();
        config.mail.from = QStringLiteral("countersign@example.com");
        config.mail.leads = {QStringLiteral("lead@example.com")};
        config.publicUrl = QUrl(QStringLiteral("https://review.example.com/cs"));
        config.mail.attempts = 3;
        config.mail.firstRetry = std::chrono::milliseconds(20);
        config.mail.timeout = std::chrono::seconds(10);
        config.alerts.queueDepth = 1000;
        config.alerts.oldestAgeSeconds = 100 * 3600;
        if (adjust)
            adjust(config);
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_agent = m_server->token(Role::Agent, QStringLiteral("bot"));
        m_lead = m_server->token(Role::Lead, QStringLiteral("lena"));
    }

    QString submit()
    {
        const HttpResult r = m_server->submit(m_agent,
            {{QStringLiteral("type"), QStringLiteral("refund.issue")},
                {QStringLiteral("title"), QStringLiteral("Refund order 1234")}});
        if (r.status != 201)
            qWarning("submit failed: %s", r.body.constData());
        return r.json().value(QLatin1String("id")).toString();
    }
    int submitStatus()
    {
        return m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("refund.issue")}}).status;
    }

    std::unique_ptr<SmtpSink> m_sink;
    std::unique_ptr<TestServer> m_server;
    QByteArray m_agent;
    QByteArray m_lead;
};

QTEST_GUILESS_MAIN(TestAlertMail)
#include "tst_alertmail.moc"
