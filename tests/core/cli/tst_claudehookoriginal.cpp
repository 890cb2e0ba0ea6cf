#include "cli/claudefilechange.h"
#include "hookprocess.h"
#include "hookserver.h"
#include "testdata.h"
#include "testreviewer.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;
using Countersign::Cli::ClaudeFileChange;

// What the reviewer sees of a Claude Code tool call that changes a file: the proposal as
// payload content beside the text it replaces as payload original, and a reviewer's modify
// mapped back into the right field of updatedInput. `countersign-cli hook claude-code` fed
// PreToolUse inputs as Claude Code documents them, against a real server with the shipped
// example policy; the files the hook reads live in a temporary working directory.
class TestClaudeHookOriginal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_server = startWithClaudeCodePolicy();
        QVERIFY(m_server);
        m_reviewer = std::make_unique<TestReviewer>(*m_server, m_server->token(Role::Reviewer, QStringLiteral("rita")));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_tokenFile = m_dir->filePath(QStringLiteral("agent-token"));
        QVERIFY(writeHookTokenFile(*m_server, m_tokenFile));
        m_cwd = m_dir->filePath(QStringLiteral("shop"));
        QVERIFY(QDir().mkpath(m_cwd + QStringLiteral("/config")));
        QVERIFY(QDir().mkpath(m_cwd + QStringLiteral("/analysis")));
    }
    void cleanup()
    {
        m_reviewer.reset();
        m_server.reset();
        m_dir.reset();
    }

    void editShowsOldAndNewString()
    {
        HookProcess hook;
        QVERIFY(
            hook.start(arguments(), fixture(QStringLiteral("edit-main-cpp.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        QCOMPARE(pending.value(QLatin1String("title")).toString(), QStringLiteral("Edit src/main.cpp"));
        const QJsonObject payload = pending.value(QLatin1String("payload")).toObject();
        QCOMPARE(payload.value(QLatin1String("original")).toString(), QStringLiteral("    return run(argc, argv);\n"));
        QCOMPARE(payload.value(QLatin1String("content")).toString(),
            QStringLiteral("    const int status = run(argc, argv);\n    flushLogs();\n    return status;\n"));
        QCOMPARE(payload.value(QLatin1String("language")).toString(), QStringLiteral("c++"));

        const QString edited = QStringLiteral("    return run(argc, argv) == 0 ? 0 : 2;\n");
        QCOMPARE(m_reviewer->decide(idOf(pending), modify(edited)), 200);
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("allow"));
        const QJsonObject input = hook.answer().value(QLatin1String("updatedInput")).toObject();
        QCOMPARE(input.value(QLatin1String("new_string")).toString(), edited);
        QCOMPARE(input.value(QLatin1String("old_string")).toString(), QStringLiteral("    return run(argc, argv);\n"));
    }

    void multiEditShowsEveryEditAsItsOwnSection()
    {
        HookProcess hook;
        QVERIFY(
            hook.start(arguments(), fixture(QStringLiteral("multiedit-retry.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        QCOMPARE(pending.value(QLatin1String("title")).toString(), QStringLiteral("Edit src/retry.cpp"));
        const QJsonObject payload = pending.value(QLatin1String("payload")).toObject();
        const QString first = ClaudeFileChange::sectionMarker(0, 2, false);
        const QString second = ClaudeFileChange::sectionMarker(1, 2, true);
        QCOMPARE(first, QStringLiteral("\u2500\u2500\u2500\u2500 edit 1 of 2 \u2500\u2500\u2500\u2500"));
        QCOMPARE(second, QStringLiteral("\u2500\u2500\u2500\u2500 edit 2 of 2, replace all \u2500\u2500\u2500\u2500"));
        QCOMPARE(payload.value(QLatin1String("content")).toString(),
            first + QStringLiteral("\nint attempts = 5;\n") + second + QStringLiteral("\nsleep(backoff(attempt));"));
        QCOMPARE(payload.value(QLatin1String("original")).toString(),
            first + QStringLiteral("\nint attempts = 3;\n") + second + QStringLiteral("\nsleep(1);"));
        QCOMPARE(payload.value(QLatin1String("language")).toString(), QStringLiteral("c++"));

        // The reviewer changes the second edit only, and makes it two lines.
        const QString edited = first + QStringLiteral("\nint attempts = 5;\n") + second
            + QStringLiteral("\nsleep(backoff(attempt));\nlog(attempt);\n");
        QCOMPARE(m_reviewer->decide(idOf(pending), modify(edited)), 200);
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("allow"));
        const QJsonObject input = hook.answer().value(QLatin1String("updatedInput")).toObject();
        QCOMPARE(input.value(QLatin1String("file_path")).toString(),
            QStringLiteral("/home/ada/projects/shop/src/retry.cpp"));
        const QJsonArray edits = input.value(QLatin1String("edits")).toArray();
        QCOMPARE(edits.size(), 2);
        QCOMPARE(edits.at(0).toObject(),
            (QJsonObject{{QStringLiteral("old_string"), QStringLiteral("int attempts = 3;")},
                {QStringLiteral("new_string"), QStringLiteral("int attempts = 5;")}}));
        QCOMPARE(edits.at(1).toObject(),
            (QJsonObject{{QStringLiteral("old_string"), QStringLiteral("sleep(1);")},
                {QStringLiteral("new_string"), QStringLiteral("sleep(backoff(attempt));\nlog(attempt);\n")},
                {QStringLiteral("replace_all"), true}}));
    }

    // An edit that no longer says which text belongs to which edit is not guessed at.
    void multiEditWithoutItsMarkersIsDenied()
    {
        HookProcess hook;
        QVERIFY(
            hook.start(arguments(), fixture(QStringLiteral("multiedit-retry.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        QCOMPARE(m_reviewer->decide(idOf(pending), modify(QStringLiteral("int attempts = 5;\nsleep(2);\n"))), 200);
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("deny"));
        const QString reason = hook.answer().value(QLatin1String("permissionDecisionReason")).toString();
        QVERIFY2(reason.contains(QLatin1String("edit markers")) && reason.contains(QLatin1String("rita")),
            qPrintable(reason));
    }

    void writeShowsTheCurrentFile()
    {
        const QByteArray current = "retries: 3\nbackoff_s: [1, 2, 4]\ntimeout_s: 30\n";
        writeFile(QStringLiteral("config/retry.yaml"), current);
        HookProcess hook;
        QVERIFY(hook.start(
            arguments(), fixture(QStringLiteral("write-config-existing.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        QCOMPARE(pending.value(QLatin1String("title")).toString(), QStringLiteral("Write config/retry.yaml"));
        const QJsonObject payload = pending.value(QLatin1String("payload")).toObject();
        QCOMPARE(payload.value(QLatin1String("original")).toString(), QString::fromUtf8(current));
        QCOMPARE(payload.value(QLatin1String("content")).toString(),
            QStringLiteral("retries: 5\nbackoff_s: [1, 2, 4, 8, 16]\ntimeout_s: 30\n"));
        QCOMPARE(payload.value(QLatin1String("language")).toString(), QStringLiteral("yaml"));
        QVERIFY(!pending.value(QLatin1String("context")).toObject().contains(QLatin1String("original_note")));

        const QString edited = QStringLiteral("retries: 4\nbackoff_s: [1, 2, 4, 8]\ntimeout_s: 30\n");
        QCOMPARE(m_reviewer->decide(idOf(pending), modify(edited)), 200);
        QCOMPARE(hook.finish(), 0);
        const QJsonObject input = hook.answer().value(QLatin1String("updatedInput")).toObject();
        QCOMPARE(input.value(QLatin1String("content")).toString(), edited);
        QCOMPARE(input.value(QLatin1String("file_path")).toString(), m_cwd + QStringLiteral("/config/retry.yaml"));
    }

    void writeOfANewFileHasAnEmptyOriginal()
    {
        HookProcess hook;
        QVERIFY(hook.start(
            arguments(), fixture(QStringLiteral("write-config-existing.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        const QJsonObject payload = pending.value(QLatin1String("payload")).toObject();
        QVERIFY(payload.contains(QLatin1String("original")));
        QCOMPARE(payload.value(QLatin1String("original")).toString(), QString());
        const QString note
            = pending.value(QLatin1String("context")).toObject().value(QLatin1String("original_note")).toString();
        QVERIFY2(note.startsWith(QLatin1String("new file")), qPrintable(note));
        QCOMPARE(m_reviewer->decide(idOf(pending), QStringLiteral("approve")), 200);
        QCOMPARE(hook.finish(), 0);
        QVERIFY(!hook.answer().contains(QLatin1String("updatedInput")));
    }

    // Past the cap the current text is left out (not cut: half a file would be a wrong diff).
    void writeOverALargeFileLeavesTheOriginalOut()
    {
        writeFile(QStringLiteral("config/retry.yaml"), QByteArray(ClaudeFileChange::MaxOriginalBytes + 1, 'x'));
        HookProcess hook;
        QVERIFY(hook.start(
            arguments(), fixture(QStringLiteral("write-config-existing.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        QVERIFY(!pending.value(QLatin1String("payload")).toObject().contains(QLatin1String("original")));
        const QString note
            = pending.value(QLatin1String("context")).toObject().value(QLatin1String("original_note")).toString();
        QVERIFY2(note.contains(QLatin1String("larger than")), qPrintable(note));
        QCOMPARE(m_reviewer->decide(idOf(pending), QStringLiteral("reject")), 200);
        QCOMPARE(hook.finish(), 0);
    }

    void notebookEditShowsTheCell()
    {
        QFile notebook(dataPath(QStringLiteral("integrations/claude-code/orders.ipynb")));
        QVERIFY(notebook.open(QIODevice::ReadOnly));
        writeFile(QStringLiteral("analysis/orders.ipynb"), notebook.readAll());
        HookProcess hook;
        QVERIFY(hook.start(
            arguments(), fixture(QStringLiteral("notebookedit-orders.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        QCOMPARE(
            pending.value(QLatin1String("title")).toString(), QStringLiteral("Edit notebook analysis/orders.ipynb"));
        const QJsonObject payload = pending.value(QLatin1String("payload")).toObject();
        QCOMPARE(payload.value(QLatin1String("original")).toString(),
            QStringLiteral("orders.groupby('day').size().plot()\nplt.show()"));
        QCOMPARE(payload.value(QLatin1String("content")).toString(),
            QStringLiteral("daily = orders.groupby('day').size()\ndaily.plot(title='Orders per day')"));
        QCOMPARE(payload.value(QLatin1String("language")).toString(), QStringLiteral("python"));

        const QString edited = QStringLiteral("orders.groupby('day').size().plot(title='Orders per day')");
        QCOMPARE(m_reviewer->decide(idOf(pending), modify(edited)), 200);
        QCOMPARE(hook.finish(), 0);
        const QJsonObject input = hook.answer().value(QLatin1String("updatedInput")).toObject();
        QCOMPARE(input.value(QLatin1String("new_source")).toString(), edited);
        QCOMPARE(input.value(QLatin1String("cell_id")).toString(), QStringLiteral("a1b2c3"));
        QCOMPARE(input.value(QLatin1String("edit_mode")).toString(), QStringLiteral("replace"));
    }

    void notebookEditOfAnUnreadableNotebookHasAnEmptyOriginal()
    {
        HookProcess hook;
        QVERIFY(hook.start(
            arguments(), fixture(QStringLiteral("notebookedit-cell.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        const QJsonObject payload = pending.value(QLatin1String("payload")).toObject();
        QCOMPARE(
            payload.value(QLatin1String("content")).toString(), QStringLiteral("orders.groupby('day').size().plot()"));
        QVERIFY(payload.contains(QLatin1String("original")));
        QCOMPARE(payload.value(QLatin1String("original")).toString(), QString());
        QVERIFY(!pending.value(QLatin1String("context"))
                .toObject()
                .value(QLatin1String("original_note"))
                .toString()
                .isEmpty());
        QCOMPARE(m_reviewer->decide(idOf(pending), QStringLiteral("reject")), 200);
        QCOMPARE(hook.finish(), 0);
    }

private:
    QByteArray fixture(const QString &name) const
    {
        QByteArray input = readData(QStringLiteral("integrations/claude-code/") + name);
        input.replace("TRANSCRIPT", dataPath(QStringLiteral("integrations/claude-code/transcript.jsonl")).toUtf8());
        input.replace("CWD", m_cwd.toUtf8());
        return input;
    }

    void writeFile(const QString &relative, const QByteArray &bytes) const
    {
        QFile f(m_cwd + u'/' + relative);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }

    QStringList arguments() const
    {
        return QStringList{QStringLiteral("hook"), QStringLiteral("claude-code"), QStringLiteral("--server"),
            m_server->url().toString(), QStringLiteral("--token-file"), m_tokenFile};
    }

    QJsonObject waitForPending(const HookProcess &hook)
    {
        return m_reviewer->waitForPending([&hook] {
            return hook.isRunning();
        });
    }

    static QString idOf(const QJsonObject &action) { return action.value(QLatin1String("id")).toString(); }

    static QJsonObject modify(const QString &content)
    {
        return QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
            {QStringLiteral("payload"), QJsonObject{{QStringLiteral("content"), content}}}};
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestReviewer> m_reviewer;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_tokenFile;
    QString m_cwd;
};

QTEST_GUILESS_MAIN(TestClaudeHookOriginal)
#include "tst_claudehookoriginal.moc"
