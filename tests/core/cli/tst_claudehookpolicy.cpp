#include "hookprocess.h"
#include "hookserver.h"
#include "testdata.h"
#include "testreviewer.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

// What policies see of a Claude Code tool call: `countersign-cli hook claude-code` against a
// real server running the shipped example policy (examples/claude-code/policy.json, the one
// docs/integrations/claude-code.md tells users to load), end to end.
class TestClaudeHookPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_server = startWithClaudeCodePolicy();
        QVERIFY(m_server);
        m_reviewer = std::make_unique<TestReviewer>(*m_server, m_server->token(Role::Reviewer, QStringLiteral("rita")));
        QVERIFY(m_dir.isValid());
        m_tokenFile = m_dir.filePath(QStringLiteral("agent-token"));
        QVERIFY(writeHookTokenFile(*m_server, m_tokenFile));
    }
    void cleanup()
    {
        m_reviewer.reset();
        m_server.reset();
    }

    // The shipped policy (the one docs/integrations/claude-code.md tells users to load) judges
    // WebFetch by its URL and Bash by its command: its rules see the whole tool input.
    void shippedPolicyJudgesTheToolInput_data()
    {
        QTest::addColumn<QString>("fixtureName");
        QTest::addColumn<QString>("expected"); // allow (at once), review (waits for a reviewer), deny (at once)
        QTest::addColumn<QString>("because");
        QTest::newRow("cloud metadata") << QStringLiteral("webfetch-metadata.json") << QStringLiteral("review")
                                        << QStringLiteral("not HTTPS");
        QTest::newRow("localhost admin over https") << QStringLiteral("webfetch-localhost-admin.json")
                                                    << QStringLiteral("review") << QStringLiteral("internal addresses");
        QTest::newRow("plain http") << QStringLiteral("webfetch-plain-http.json") << QStringLiteral("review")
                                    << QStringLiteral("not HTTPS");
        QTest::newRow("public https page")
            << QStringLiteral("webfetch-docs.json") << QStringLiteral("allow") << QStringLiteral("approved by policy");
        QTest::newRow("rm -rf") << QStringLiteral("bash-rm-rf.json") << QStringLiteral("deny")
                                << QStringLiteral("destructive shell commands");
        QTest::newRow("curl cloud metadata") << QStringLiteral("bash-curl-metadata.json") << QStringLiteral("deny")
                                             << QStringLiteral("cloud instance credentials");
        QTest::newRow("private key in a write")
            << QStringLiteral("write-private-key.json") << QStringLiteral("deny") << QStringLiteral("secrets or keys");
    }
    void shippedPolicyJudgesTheToolInput()
    {
        QFETCH(QString, fixtureName);
        QFETCH(QString, expected);
        QFETCH(QString, because);
        HookProcess hook;
        QVERIFY(hook.start(arguments(), fixture(fixtureName), HookProcess::cleanEnvironment()));
        if (expected == QLatin1String("review")) {
            const QJsonObject pending = m_reviewer->waitForPending([&hook] {
                return hook.isRunning();
            });
            QCOMPARE(pending.value(QLatin1String("tier")).toString(), QStringLiteral("review"));
            const QString tierReason = pending.value(QLatin1String("tier_reason")).toString();
            QVERIFY2(tierReason.contains(because), qPrintable(tierReason));
            QVERIFY(hook.isRunning()); // waiting for the reviewer, not allowed
            QCOMPARE(m_reviewer->decide(pending.value(QLatin1String("id")).toString(),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                             {QStringLiteral("reason"), QStringLiteral("no internal fetches")}}),
                200);
            QCOMPARE(hook.finish(), 0);
            QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("deny"));
            return;
        }
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), expected);
        const QString reason = hook.answer().value(QLatin1String("permissionDecisionReason")).toString();
        QVERIFY2(reason.contains(because), qPrintable(reason));
        QVERIFY2(hook.elapsedMs() < 5000, qPrintable(QString::number(hook.elapsedMs())));
        QVERIFY(m_reviewer->pendingActions().isEmpty());
    }

    void contextHoldsTheWholeToolInput_data()
    {
        QTest::addColumn<QString>("fixtureName");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("title");
        QTest::newRow("Bash") << QStringLiteral("bash-git-push.json") << QStringLiteral("claude_code.bash")
                              << QStringLiteral("Run: git push origin feature/checkout-retry");
        QTest::newRow("Edit") << QStringLiteral("edit-main-cpp.json") << QStringLiteral("claude_code.edit")
                              << QStringLiteral("Edit src/main.cpp");
        QTest::newRow("Write") << QStringLiteral("write-readme.json") << QStringLiteral("claude_code.write")
                               << QStringLiteral("Write docs/retry.md");
        QTest::newRow("MultiEdit") << QStringLiteral("multiedit-retry.json") << QStringLiteral("claude_code.multiedit")
                                   << QStringLiteral("Edit src/retry.cpp");
        QTest::newRow("NotebookEdit") << QStringLiteral("notebookedit-cell.json")
                                      << QStringLiteral("claude_code.notebookedit")
                                      << QStringLiteral("Edit notebook analysis/orders.ipynb");
        QTest::newRow("MCP tool") << QStringLiteral("mcp-github-create-issue.json")
                                  << QStringLiteral("claude_code.mcp__github__create_issue")
                                  << QStringLiteral("Use mcp__github__create_issue");
    }
    void contextHoldsTheWholeToolInput()
    {
        QFETCH(QString, fixtureName);
        QFETCH(QString, type);
        QFETCH(QString, title);
        const QByteArray input = fixture(fixtureName);
        HookProcess hook;
        QVERIFY(hook.start(arguments(), input, HookProcess::cleanEnvironment()));
        const QJsonObject pending = m_reviewer->waitForPending([&hook] {
            return hook.isRunning();
        });
        QCOMPARE(pending.value(QLatin1String("type")).toString(), type);
        QCOMPARE(pending.value(QLatin1String("title")).toString(), title);
        QCOMPARE(pending.value(QLatin1String("tier")).toString(), QStringLiteral("review"));
        const QJsonObject context = pending.value(QLatin1String("context")).toObject();
        const QJsonObject toolInput
            = QJsonDocument::fromJson(input).object().value(QLatin1String("tool_input")).toObject();
        QVERIFY(!toolInput.isEmpty());
        QCOMPARE(context.value(QLatin1String("tool_input")).toObject(), toolInput);
        QVERIFY(!context.contains(QLatin1String("tool_input_truncated")));
        QCOMPARE(m_reviewer->decide(pending.value(QLatin1String("id")).toString(),
                     QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                         {QStringLiteral("reason"), QStringLiteral("not now")}}),
            200);
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("deny"));
    }

    // A long file stays whole in the payload (the reviewer's diff) but is shortened in the
    // context, with a marker, so the submit stays under the server's body cap; the path the
    // policy matches on stays whole.
    void longTextsAreShortenedInTheContext()
    {
        QString content;
        for (int i = 0; content.size() < 300'000; ++i)
            content += QStringLiteral("line %1 of the generated fixture file\n").arg(i);
        const QString path
            = QStringLiteral("/home/ada/projects/shop/data/") + QString(300, u'p') + QStringLiteral(".csv");
        HookProcess hook;
        QVERIFY(hook.start(arguments(),
            hookInput(QStringLiteral("Write"),
                QJsonObject{{QStringLiteral("file_path"), path}, {QStringLiteral("content"), content}}),
            HookProcess::cleanEnvironment()));
        const QJsonObject pending = m_reviewer->waitForPending([&hook] {
            return hook.isRunning();
        });
        QCOMPARE(
            pending.value(QLatin1String("payload")).toObject().value(QLatin1String("content")).toString(), content);
        const QJsonObject context = pending.value(QLatin1String("context")).toObject();
        const QJsonObject toolInput = context.value(QLatin1String("tool_input")).toObject();
        QCOMPARE(toolInput.value(QLatin1String("file_path")).toString(), path);
        const QString shortened = toolInput.value(QLatin1String("content")).toString();
        QVERIFY2(shortened.size() < 70'000, qPrintable(QString::number(shortened.size())));
        QVERIFY(shortened.startsWith(content.left(60'000)));
        QVERIFY2(shortened.contains(
                     QStringLiteral("truncated by countersign-cli: 65536 of %1 characters kept").arg(content.size())),
            qPrintable(shortened.right(200)));
        QCOMPARE(context.value(QLatin1String("tool_input_truncated")).toBool(), true);
        QCOMPARE(m_reviewer->decide(pending.value(QLatin1String("id")).toString(),
                     QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}),
            200);
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("allow"));
    }

    void longCommandStaysWholeForThePolicy()
    {
        // A long heredoc, then the destructive part at its very end.
        const QString command = QStringLiteral("cat > notes.txt <<'EOF'\n") + QString(120'000, u'n')
            + QStringLiteral("\nEOF\nrm -rf ~/projects");
        HookProcess hook;
        QVERIFY(hook.start(arguments(),
            hookInput(QStringLiteral("Bash"), QJsonObject{{QStringLiteral("command"), command}}),
            HookProcess::cleanEnvironment()));
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("deny"));
        const QString reason = hook.answer().value(QLatin1String("permissionDecisionReason")).toString();
        QVERIFY2(reason.contains(QLatin1String("destructive shell commands")), qPrintable(reason));
    }

private:
    QByteArray fixture(const QString &name) const
    {
        QByteArray input = readData(QStringLiteral("integrations/claude-code/") + name);
        input.replace("TRANSCRIPT", dataPath(QStringLiteral("integrations/claude-code/transcript.jsonl")).toUtf8());
        return input;
    }

    static QByteArray hookInput(const QString &tool, const QJsonObject &toolInput)
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("session_id"), QStringLiteral("generated")},
                                 {QStringLiteral("transcript_path"), QStringLiteral("/nonexistent/transcript.jsonl")},
                                 {QStringLiteral("cwd"), QStringLiteral("/home/ada/projects/shop")},
                                 {QStringLiteral("hook_event_name"), QStringLiteral("PreToolUse")},
                                 {QStringLiteral("tool_name"), tool}, {QStringLiteral("tool_input"), toolInput},
                                 {QStringLiteral("tool_use_id"), QString(QStringLiteral("toolu_generated_") + tool)}})
            .toJson(QJsonDocument::Compact);
    }

    QStringList arguments() const
    {
        return QStringList{QStringLiteral("hook"), QStringLiteral("claude-code"), QStringLiteral("--server"),
            m_server->url().toString(), QStringLiteral("--token-file"), m_tokenFile};
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestReviewer> m_reviewer;
    QTemporaryDir m_dir;
    QString m_tokenFile;
};

QTEST_GUILESS_MAIN(TestClaudeHookPolicy)
#include "tst_claudehookpolicy.moc"
