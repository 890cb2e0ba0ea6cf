#include "agentdriver.h"
#include "testdata.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

// The Python integration examples: the standard-library helper examples/python/countersign.py
// against a real server, and the SDK sketches (openai-agents, langgraph), whose packages are
// not installed here, at least compile.
class TestPythonExamples : public QObject
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
        m_agent = std::make_unique<AgentDriver>(*m_server);
    }
    void cleanup()
    {
        m_agent.reset();
        m_server.reset();
    }

    void sketchesCompile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("openai-agents") << QStringLiteral("openai-agents/agent.py");
        QTest::newRow("langgraph") << QStringLiteral("langgraph/graph.py");
        QTest::newRow("helper") << QStringLiteral("python/countersign.py");
    }
    void sketchesCompile()
    {
        QFETCH(QString, file);
        QTemporaryDir dir;
        QProcess p;
        // The byte code goes to a temporary file, not next to the example.
        p.start(m_python,
            {QStringLiteral("-c"),
                QStringLiteral(
                    "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)"),
                QStringLiteral(COUNTERSIGN_EXAMPLES_DIR "/") + file, dir.filePath(QStringLiteral("out.pyc"))});
        QVERIFY(p.waitForFinished(20000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void helperAutoApproval()
    {
        QVERIFY(start(QStringLiteral("auto"), QStringLiteral("/dev/null")));
        QByteArray output;
        QCOMPARE(m_agent->finish(&output), 0);
        const QJsonObject out = QJsonDocument::fromJson(output).object();
        QCOMPARE(out.value(QLatin1String("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(out.value(QLatin1String("decided_by")).toString(), QStringLiteral("policy"));
    }

    void helperSendsTheOriginal()
    {
        QVERIFY(start(QStringLiteral("change"), QStringLiteral("/dev/null")));
        const QJsonObject pending = m_agent->waitForPending();
        const QJsonObject payload = pending.value(QLatin1String("payload")).toObject();
        QCOMPARE(payload.value(QLatin1String("original")).toString(), QStringLiteral("Regards,\nthe shop\n"));
        QCOMPARE(payload.value(QLatin1String("content")).toString(), QStringLiteral("Regards,\nAda's shop\n"));
        QCOMPARE(
            pending.value(QLatin1String("trace_url")).toString(), QStringLiteral("https://agents.example.com/runs/7"));
        QCOMPARE(m_agent
                     ->decide(idOf(pending),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
                             {QStringLiteral("payload"),
                                 QJsonObject{{QStringLiteral("content"), QStringLiteral("Regards,\nAda\n")}}}})
                     .status,
            200);
        QByteArray output;
        QCOMPARE(m_agent->finish(&output), 0);
        const QJsonObject out = QJsonDocument::fromJson(output).object();
        QCOMPARE(out.value(QLatin1String("content")).toString(), QStringLiteral("Regards,\nAda\n"));
        QCOMPARE(out.value(QLatin1String("original")).toString(), QStringLiteral("Regards,\nthe shop\n"));
        QCOMPARE(out.value(QLatin1String("final_original")).toString(), QStringLiteral("Regards,\nthe shop\n"));
    }

    void decoratedFunctionRunsWithTheEdit()
    {
        QTemporaryDir dir;
        const QString outbox = dir.filePath(QStringLiteral("outbox.txt"));
        QVERIFY(start(QStringLiteral("decorated"), outbox));
        const QJsonObject pending = m_agent->waitForPending();
        QCOMPARE(pending.value(QLatin1String("title")).toString(), QStringLiteral("Email: Hello Ada,"));
        QCOMPARE(
            pending.value(QLatin1String("trace_url")).toString(), QStringLiteral("https://agents.example.com/runs/8"));
        QCOMPARE(pending.value(QLatin1String("payload")).toObject().value(QLatin1String("language")).toString(),
            QStringLiteral("email"));
        QTRY_COMPARE(m_server->server().longPolls(), 1); // the agent waits in its long poll
        QCOMPARE(m_agent
                     ->decide(idOf(pending),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
                             {QStringLiteral("payload"),
                                 QJsonObject{
                                     {QStringLiteral("content"), QStringLiteral("Hello Ada,\nit ships tomorrow.")}}}})
                     .status,
            200);
        QCOMPARE(m_agent->finish(), 0);
        QFile sent(outbox);
        QVERIFY(sent.open(QIODevice::ReadOnly));
        QCOMPARE(sent.readAll(), QByteArray("ada@example.com\nHello Ada,\nit ships tomorrow."));
    }

    void decoratedFunctionDoesNotRunWhenRejected()
    {
        QTemporaryDir dir;
        const QString outbox = dir.filePath(QStringLiteral("outbox.txt"));
        QVERIFY(start(QStringLiteral("decorated"), outbox));
        const QJsonObject pending = m_agent->waitForPending();
        QCOMPARE(m_agent
                     ->decide(idOf(pending),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                             {QStringLiteral("reason"), QStringLiteral("wrong customer")}})
                     .status,
            200);
        QByteArray output;
        QCOMPARE(m_agent->finish(&output), 1);
        QCOMPARE(QJsonDocument::fromJson(output).object().value(QLatin1String("reason")).toString(),
            QStringLiteral("wrong customer"));
        QVERIFY(!QFile::exists(outbox));
    }

private:
    // The helper's check script in `mode`, as an agent with its own token.
    bool start(const QString &mode, const QString &outfile)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COUNTERSIGN_URL"), m_server->url().toString());
        env.insert(QStringLiteral("COUNTERSIGN_TOKEN"),
            QString::fromLatin1(m_server->token(Role::Agent, QStringLiteral("python-helper"))));
        env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        return m_agent->start(m_python,
            {dataPath(QStringLiteral("integrations/python/helper_check.py")),
                QStringLiteral(COUNTERSIGN_EXAMPLES_DIR "/python"), mode, outfile},
            env);
    }

    static QString idOf(const QJsonObject &action) { return action.value(QLatin1String("id")).toString(); }

    QString m_python;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<AgentDriver> m_agent;
};

QTEST_GUILESS_MAIN(TestPythonExamples)
#include "tst_pythonexamples.moc"
