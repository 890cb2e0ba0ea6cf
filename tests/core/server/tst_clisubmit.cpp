#include "agentdriver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

// `countersign-cli submit` against a real server: exit codes 0 approved, 1 rejected,
// 2 withdrawn/expired, 3 error, 4 pending without --wait.
class TestCliSubmit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_agent = m_server->token(Role::Agent, QStringLiteral("cli-bot"));
        QVERIFY(m_dir.isValid());
        QFile payload(m_dir.filePath(QStringLiteral("mail.txt")));
        QVERIFY(payload.open(QIODevice::WriteOnly));
        payload.write("Hello Ada,\n\nyour parcel ships today.\n");
        QFile context(m_dir.filePath(QStringLiteral("context.json")));
        QVERIFY(context.open(QIODevice::WriteOnly));
        context.write("{\"ticket\": \"SUP-1\", \"recipient\": \"ada@example.com\"}");
    }
    void cleanup() { m_server.reset(); }

    void waitsForAModifiedApproval()
    {
        AgentDriver driver(*m_server);
        QVERIFY(driver.start(
            QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments(QStringLiteral("email.send_external"), true)));
        const QJsonObject pending = driver.waitForPending();
        QCOMPARE(pending.value(QLatin1String("title")).toString(), QStringLiteral("Reply to Ada"));
        QCOMPARE(pending.value(QLatin1String("context")).toObject().value(QLatin1String("ticket")).toString(),
            QStringLiteral("SUP-1"));
        QCOMPARE(pending.value(QLatin1String("confidence")).toDouble(), 0.8);
        QCOMPARE(pending.value(QLatin1String("payload")).toObject().value(QLatin1String("language")).toString(),
            QStringLiteral("email"));
        QCOMPARE(driver
                     .decide(pending.value(QLatin1String("id")).toString(),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
                             {QStringLiteral("payload"),
                                 QJsonObject{{QStringLiteral("content"), QStringLiteral("Hello Ada, edited.")}}}})
                     .status,
            200);
        QByteArray output;
        QCOMPARE(driver.finish(&output), 0);
        const QJsonObject final = QJsonDocument::fromJson(output).object();
        QCOMPARE(final.value(QLatin1String("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(final.value(QLatin1String("final_payload")).toObject().value(QLatin1String("content")).toString(),
            QStringLiteral("Hello Ada, edited."));
    }

    // --original-file: the text the change replaces, for the reviewer's diff; a modify keeps it.
    void originalFileIsSent()
    {
        QFile original(m_dir.filePath(QStringLiteral("mail-before.txt")));
        QVERIFY(original.open(QIODevice::WriteOnly));
        original.write("Hello Ada,\n\nyour parcel ships tomorrow.\n");
        original.close();
        AgentDriver driver(*m_server);
        QVERIFY(driver.start(QStringLiteral(COUNTERSIGN_CLI_BINARY),
            arguments(QStringLiteral("email.send_external"), true)
                + QStringList{QStringLiteral("--original-file"), original.fileName()}));
        const QJsonObject pending = driver.waitForPending();
        const QJsonObject payload = pending.value(QLatin1String("payload")).toObject();
        QCOMPARE(payload.value(QLatin1String("original")).toString(),
            QStringLiteral("Hello Ada,\n\nyour parcel ships tomorrow.\n"));
        QCOMPARE(payload.value(QLatin1String("content")).toString(),
            QStringLiteral("Hello Ada,\n\nyour parcel ships today.\n"));
        QCOMPARE(driver
                     .decide(pending.value(QLatin1String("id")).toString(),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
                             {QStringLiteral("payload"),
                                 QJsonObject{{QStringLiteral("content"), QStringLiteral("Hello Ada, edited.")}}}})
                     .status,
            200);
        QByteArray output;
        QCOMPARE(driver.finish(&output), 0);
        const QJsonObject final
            = QJsonDocument::fromJson(output).object().value(QLatin1String("final_payload")).toObject();
        QCOMPARE(final.value(QLatin1String("content")).toString(), QStringLiteral("Hello Ada, edited."));
        QCOMPARE(final.value(QLatin1String("original")).toString(),
            QStringLiteral("Hello Ada,\n\nyour parcel ships tomorrow.\n"));

        // Without the option there is no original at all; with a file that is not there, an error.
        AgentDriver without(*m_server);
        QVERIFY(without.start(
            QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments(QStringLiteral("email.send_internal"), false)));
        QByteArray plain;
        QCOMPARE(without.finish(&plain), 0);
        QVERIFY(!QJsonDocument::fromJson(plain)
                .object()
                .value(QLatin1String("payload"))
                .toObject()
                .contains(QLatin1String("original")));
        AgentDriver missing(*m_server);
        QVERIFY(missing.start(QStringLiteral(COUNTERSIGN_CLI_BINARY),
            arguments(QStringLiteral("email.send_internal"), false)
                + QStringList{QStringLiteral("--original-file"), m_dir.filePath(QStringLiteral("nowhere.txt"))}));
        QCOMPARE(missing.finish(), 3);
    }

    void rejectionExitsOne()
    {
        AgentDriver driver(*m_server);
        QVERIFY(driver.start(
            QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments(QStringLiteral("email.send_external"), true)));
        const QJsonObject pending = driver.waitForPending();
        QCOMPARE(driver
                     .decide(pending.value(QLatin1String("id")).toString(),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                             {QStringLiteral("reason"), QStringLiteral("tone")}})
                     .status,
            200);
        QByteArray output;
        QCOMPARE(driver.finish(&output), 1);
        QCOMPARE(
            QJsonDocument::fromJson(output).object().value(QLatin1String("reason")).toString(), QStringLiteral("tone"));
    }

    void withdrawnExitsTwo()
    {
        AgentDriver driver(*m_server);
        QVERIFY(driver.start(
            QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments(QStringLiteral("email.send_external"), true)));
        const QJsonObject pending = driver.waitForPending();
        QCOMPARE(m_server->http()
                     .post(QStringLiteral("/v1/actions/%1/withdraw").arg(pending.value(QLatin1String("id")).toString()),
                         {}, m_agent)
                     .status,
            200);
        QCOMPARE(driver.finish(), 2);
    }

    void withoutWait()
    {
        AgentDriver automatic(*m_server);
        QVERIFY(automatic.start(
            QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments(QStringLiteral("email.send_internal"), false)));
        QCOMPARE(automatic.finish(), 0); // approved by policy at once
        AgentDriver pending(*m_server);
        QVERIFY(pending.start(
            QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments(QStringLiteral("email.send_external"), false)));
        QCOMPARE(pending.finish(), 4);
        AgentDriver prohibited(*m_server);
        QVERIFY(prohibited.start(
            QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments(QStringLiteral("db.drop_table"), false)));
        QCOMPARE(prohibited.finish(), 1);
    }

    // --trace-url: the agent's run, checked by the CLI before anything is sent.
    void traceUrlIsSent()
    {
        const QString trace = QStringLiteral("https://agents.example.com/runs/42?step=3");
        AgentDriver driver(*m_server);
        QVERIFY(driver.start(QStringLiteral(COUNTERSIGN_CLI_BINARY),
            arguments(QStringLiteral("email.send_external"), false)
                + QStringList{QStringLiteral("--trace-url"), trace}));
        QByteArray output;
        QCOMPARE(driver.finish(&output), 4);
        const QJsonObject action = QJsonDocument::fromJson(output).object();
        QCOMPARE(action.value(QLatin1String("trace_url")).toString(), trace);
        const QJsonObject stored
            = m_server->http()
                  .get(QStringLiteral("/v1/actions/") + action.value(QLatin1String("id")).toString(),
                      m_server->token(Role::Lead, QStringLiteral("lena")))
                  .json();
        QCOMPARE(stored.value(QLatin1String("trace_url")).toString(), trace);

        AgentDriver bad(*m_server);
        QVERIFY(bad.start(QStringLiteral(COUNTERSIGN_CLI_BINARY),
            arguments(QStringLiteral("email.send_external"), false)
                + QStringList{QStringLiteral("--trace-url"), QStringLiteral("javascript:alert(1)")}));
        QCOMPARE(bad.finish(), 3);
        QVERIFY2(bad.errors().contains("--trace-url must be a URL such as"), bad.errors().constData());
        // Refused before sending: only the first action reached the server.
        const QJsonObject page
            = m_server->http()
                  .get(QStringLiteral("/v1/actions?state=pending"), m_server->token(Role::Lead, QStringLiteral("lena")))
                  .json();
        QCOMPARE(page.value(QLatin1String("items")).toArray().size(), 1);
    }

    void tokenFromTheEnvironmentAndErrors()
    {
        QStringList args = arguments(QStringLiteral("email.send_internal"), false);
        const qsizetype at = args.indexOf(QStringLiteral("--token"));
        args.remove(at, 2);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COUNTERSIGN_TOKEN"), QString::fromLatin1(m_agent));
        AgentDriver fromEnv(*m_server);
        QVERIFY(fromEnv.start(QStringLiteral(COUNTERSIGN_CLI_BINARY), args, env));
        QCOMPARE(fromEnv.finish(), 0);

        env.insert(QStringLiteral("COUNTERSIGN_TOKEN"), QStringLiteral("cs_wrong"));
        AgentDriver wrong(*m_server);
        QVERIFY(wrong.start(QStringLiteral(COUNTERSIGN_CLI_BINARY), args, env));
        QCOMPARE(wrong.finish(), 3);

        AgentDriver missing(*m_server);
        QVERIFY(missing.start(QStringLiteral(COUNTERSIGN_CLI_BINARY),
            {QStringLiteral("submit"), QStringLiteral("--type"), QStringLiteral("x.y")}));
        QCOMPARE(missing.finish(), 3);
    }

private:
    QStringList arguments(const QString &type, bool wait) const
    {
        QStringList a{QStringLiteral("submit"), QStringLiteral("--server"), m_server->url().toString(),
            QStringLiteral("--token"), QString::fromLatin1(m_agent), QStringLiteral("--type"), type,
            QStringLiteral("--title"), QStringLiteral("Reply to Ada"), QStringLiteral("--payload-file"),
            m_dir.filePath(QStringLiteral("mail.txt")), QStringLiteral("--language"), QStringLiteral("email"),
            QStringLiteral("--context-file"), m_dir.filePath(QStringLiteral("context.json")),
            QStringLiteral("--confidence"), QStringLiteral("0.8")};
        if (wait)
            a.append(QStringLiteral("--wait"));
        return a;
    }

    std::unique_ptr<TestServer> m_server;
    QByteArray m_agent;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliSubmit)
#include "tst_clisubmit.moc"
