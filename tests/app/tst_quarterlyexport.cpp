#include "testserver.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Countersign;
using namespace Countersign::Test;

// `countersign --quarterly-review` as a scheduled job runs it: the real executable, no display,
// against a real server on loopback.
class TestQuarterlyExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;
    QString m_quarter;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Nothing to draw on: the program must pick the offscreen platform itself.
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(COUNTERSIGN_APP_BINARY), arguments);
        // The server answers from this thread: wait with the event loop running.
        if (!finished.wait(60000))
            process.kill();
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QString tokenFile(Role role, const QString &name)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".token"));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(m_server->token(role, name));
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        const QByteArray agent = m_server->token(Role::Agent, QStringLiteral("bot"));
        const QByteArray reviewer = m_server->token(Role::Reviewer, QStringLiteral("rita"));
        for (int i = 0; i < 4; ++i) {
            const QString id = m_server->submit(agent).json().value(QLatin1String("id")).toString();
            QCOMPARE(m_server->http()
                         .post(QStringLiteral("/v1/actions/%1/decision").arg(id),
                             QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, reviewer)
                         .status,
                200);
        }
        const QDate today = m_server->clock().now().toTimeZone(QTimeZone::UTC).date();
        m_quarter = QStringLiteral("%1Q%2").arg(today.year()).arg((today.month() - 1) / 3 + 1);
    }

    void writesPdfWithoutADisplay()
    {
        const QString output = m_dir.filePath(QStringLiteral("review.pdf"));
        const Run r = run({QStringLiteral("--quarterly-review"), m_quarter, QStringLiteral("--server"),
            m_server->url().toString(), QStringLiteral("--token-file"), tokenFile(Role::Lead, QStringLiteral("lena")),
            QStringLiteral("--output"), output});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile pdf(output);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    }

    void writesCsv()
    {
        const QString output = m_dir.filePath(QStringLiteral("review.txt"));
        const Run r
            = run({QStringLiteral("--quarterly-review"), m_quarter, QStringLiteral("--format"), QStringLiteral("csv"),
                QStringLiteral("--server"), m_server->url().toString(), QStringLiteral("--token-file"),
                tokenFile(Role::Lead, QStringLiteral("lena")), QStringLiteral("--output"), output});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile csv(output);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray text = csv.readAll();
        QVERIFY(text.startsWith("Quarterly review: Q"));
        QVERIFY(text.contains("category,Submitted,"));
        QVERIFY(text.contains("communications,4,")); // the four decided emails
    }

    void failsClearly()
    {
        // A reviewer's token: the server refuses, the job fails and writes nothing.
        const QString output = m_dir.filePath(QStringLiteral("refused.pdf"));
        Run r = run({QStringLiteral("--quarterly-review"), m_quarter, QStringLiteral("--server"),
            m_server->url().toString(), QStringLiteral("--token-file"),
            tokenFile(Role::Reviewer, QStringLiteral("rob")), QStringLiteral("--output"), output});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not written"));
        QVERIFY(!QFile::exists(output));
        // A wrong quarter is a usage error.
        r = run({QStringLiteral("--quarterly-review"), QStringLiteral("2026Q5"), QStringLiteral("--server"),
            m_server->url().toString(), QStringLiteral("--token-file"), tokenFile(Role::Lead, QStringLiteral("lena")),
            QStringLiteral("--output"), output});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("2026Q4"));
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(TestQuarterlyExport)
#include "tst_quarterlyexport.moc"
