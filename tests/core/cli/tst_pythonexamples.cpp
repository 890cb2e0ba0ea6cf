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
        m_reviewer = m_server->token(Role::Reviewer, QStringLiteral("rita"));
    }
    void cleanup() { m_server.reset(); }

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
        QProcess p;
        QVERIFY(start(p, QStringLiteral("auto"), QStringLiteral("/dev/null")));
        QCOMPARE(finish(p), 0);
        const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(out.value(QLatin1String("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(out.value(QLatin1String("decided_by")).toString(), QStringLiteral("policy"));
    }

    void decoratedFunctionRunsWithTheEdit()
    {
        QTemporaryDir dir;
        const QString outbox = dir.filePath(QStringLiteral("outbox.txt"));
        QProcess p;
        QVERIFY(start(p, QStringLiteral("decorated"), outbox));
        const QJsonObject pending = waitForPending(p);
        QCOMPARE(pending.value(QLatin1String("title")).toString(), QStringLiteral("Email: Hello Ada,"));
        QCOMPARE(pending.value(QLatin1String("payload")).toObject().value(QLatin1String("language")).toString(),
            QStringLiteral("email"));
        QTest::qWait(200);
        QCOMPARE(
            decide(pending,
                QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
                    {QStringLiteral("payload"),
                        QJsonObject{{QStringLiteral("content"), QStringLiteral("Hello Ada,\nit ships tomorrow.")}}}}),
            200);
        QCOMPARE(finish(p), 0);
        QFile sent(outbox);
        QVERIFY(sent.open(QIODevice::ReadOnly));
        QCOMPARE(sent.readAll(), QByteArray("ada@example.com\nHello Ada,\nit ships tomorrow."));
    }

    void decoratedFunctionDoesNotRunWhenRejected()
    {
        QTemporaryDir dir;
        const QString outbox = dir.filePath(QStringLiteral("outbox.txt"));
        QProcess p;
        QVERIFY(start(p, QStringLiteral("decorated"), outbox));
        const QJsonObject pending = waitForPending(p);
        QCOMPARE(decide(pending,
                     QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                         {QStringLiteral("reason"), QStringLiteral("wrong customer")}}),
            200);
        QCOMPARE(finish(p), 1);
        QCOMPARE(QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QLatin1String("reason")).toString(),
            QStringLiteral("wrong customer"));
        QVERIFY(!QFile::exists(outbox));
    }

private:
    bool start(QProcess &p, const QString &mode, const QString &outfile)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COUNTERSIGN_URL"), m_server->url().toString());
        env.insert(QStringLiteral("COUNTERSIGN_TOKEN"),
            QString::fromLatin1(m_server->token(Role::Agent, QStringLiteral("python-helper"))));
        env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        p.start(m_python,
            {dataPath(QStringLiteral("integrations/python/helper_check.py")),
                QStringLiteral(COUNTERSIGN_EXAMPLES_DIR "/python"), mode, outfile});
        return p.waitForStarted(5000);
    }

    static int finish(QProcess &p)
    {
        for (int i = 0; i < 2000 && p.state() != QProcess::NotRunning; ++i)
            QTest::qWait(10); // the in-process server answers meanwhile
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(2000);
            return -1;
        }
        const QByteArray errors = p.readAllStandardError();
        if (!errors.isEmpty())
            qInfo("python stderr: %s", errors.constData());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    QJsonObject waitForPending(const QProcess &p)
    {
        for (int i = 0; i < 500; ++i) {
            const QJsonArray items = m_server->http()
                                         .get(QStringLiteral("/v1/actions?state=pending"), m_reviewer)
                                         .json()
                                         .value(QLatin1String("items"))
                                         .toArray();
            if (!items.isEmpty())
                return items.first().toObject();
            if (p.state() == QProcess::NotRunning)
                break;
            QTest::qWait(20);
        }
        return {};
    }

    int decide(const QJsonObject &action, const QJsonObject &decision)
    {
        return m_server->http()
            .post(QStringLiteral("/v1/actions/%1/decision").arg(action.value(QLatin1String("id")).toString()), decision,
                m_reviewer)
            .status;
    }

    QString m_python;
    std::unique_ptr<TestServer> m_server;
    QByteArray m_reviewer;
};

QTEST_GUILESS_MAIN(TestPythonExamples)
#include "tst_pythonexamples.moc"
