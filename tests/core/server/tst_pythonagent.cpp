#include "agentdriver.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

// examples/agent.py (standard library only) against a real server: it submits, waits for the
// countersignature without polling, and applies the payload a reviewer approved - edited or not.
class TestPythonAgent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (m_python.isEmpty())
            QSKIP("python3 is not installed");
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_agent = m_server->token(Role::Agent, QStringLiteral("python-bot"));
    }
    void cleanup() { m_server.reset(); }

    void appliesTheModifiedPayload()
    {
        QTemporaryDir dir;
        const QString outbox = dir.filePath(QStringLiteral("outbox.txt"));
        AgentDriver driver(*m_server);
        QVERIFY(driver.start(m_python, agentArguments(outbox)));
        const QJsonObject pending = driver.waitForPending();
        QCOMPARE(pending.value(QLatin1String("agent")).toString(), QStringLiteral("python-bot"));
        QCOMPARE(
            pending.value(QLatin1String("trace_url")).toString(), QStringLiteral("https://agents.example.com/runs/9"));
        QCOMPARE(pending.value(QLatin1String("payload")).toObject().value(QLatin1String("content")).toString(),
            QStringLiteral("Hello Ada, your parcel ships today."));
        QVERIFY(!pending.value(QLatin1String("idempotency_key")).toString().isEmpty());
        QTRY_COMPARE(m_server->server().longPolls(), 1); // the agent waits in its long poll
        QCOMPARE(driver
                     .decide(pending.value(QLatin1String("id")).toString(),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
                             {QStringLiteral("payload"),
                                 QJsonObject{{QStringLiteral("content"),
                                     QStringLiteral("Hello Ada, your parcel ships tomorrow.")}}}})
                     .status,
            200);
        QCOMPARE(driver.finish(), 0);
        QFile applied(outbox);
        QVERIFY(applied.open(QIODevice::ReadOnly));
        QCOMPARE(applied.readAll(), QByteArray("Hello Ada, your parcel ships tomorrow."));
    }

    void rejectionAppliesNothing()
    {
        QTemporaryDir dir;
        const QString outbox = dir.filePath(QStringLiteral("outbox.txt"));
        AgentDriver driver(*m_server);
        QVERIFY(driver.start(m_python, agentArguments(outbox)));
        const QJsonObject pending = driver.waitForPending();
        QCOMPARE(driver
                     .decide(pending.value(QLatin1String("id")).toString(),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                             {QStringLiteral("reason"), QStringLiteral("wrong tone")}})
                     .status,
            200);
        QCOMPARE(driver.finish(), 1);
        QVERIFY(!QFile::exists(outbox));
    }

    void refusedRequestsAreErrors()
    {
        AgentDriver driver(*m_server);
        QStringList args = agentArguments({});
        args << QStringLiteral("--confidence") << QStringLiteral("7");
        QVERIFY(driver.start(m_python, args));
        QCOMPARE(driver.finish(), 3);
    }

private:
    QStringList agentArguments(const QString &outbox) const
    {
        QStringList a{QStringLiteral(COUNTERSIGN_EXAMPLES_DIR "/agent.py"), QStringLiteral("--server"),
            m_server->url().toString(), QStringLiteral("--token"), QString::fromLatin1(m_agent),
            QStringLiteral("--type"), QStringLiteral("email.send_external"), QStringLiteral("--title"),
            QStringLiteral("Reply to Ada"), QStringLiteral("--content"),
            QStringLiteral("Hello Ada, your parcel ships today."), QStringLiteral("--language"),
            QStringLiteral("email"), QStringLiteral("--context"), QStringLiteral("{\"ticket\": \"SUP-2\"}"),
            QStringLiteral("--trace-url"), QStringLiteral("https://agents.example.com/runs/9")};
        if (!outbox.isEmpty())
            a << QStringLiteral("--apply-to") << outbox;
        return a;
    }

    QString m_python;
    std::unique_ptr<TestServer> m_server;
    QByteArray m_agent;
};

QTEST_GUILESS_MAIN(TestPythonAgent)
#include "tst_pythonagent.moc"
