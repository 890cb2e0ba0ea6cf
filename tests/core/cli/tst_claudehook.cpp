#include "hookprocess.h"
#include "hookserver.h"
#include "testdata.h"
#include "testresult.h"
#include "testserver.h"

#include "policy/policy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

// `countersign-cli hook claude-code` fed recorded Claude Code PreToolUse inputs, against a real
// server running the example policy of docs/integrations/claude-code.md, with the test as the
// reviewer.
class TestClaudeHook : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void examplePolicyIsValid()
    {
        const auto policy = Policy::parse(examplePolicy());
        CS_VERIFY_OK(policy);
        for (const char *type : {"claude_code.bash", "claude_code.edit", "claude_code.multiedit", "claude_code.write",
                 "claude_code.notebookedit", "claude_code.webfetch"})
            QVERIFY2(policy->knowsType(QString::fromLatin1(type)), type);
    }

    void init()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.policyDocument = examplePolicy();
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_reviewer = m_server->token(Role::Reviewer, QStringLiteral("rita"));
        QVERIFY(m_dir.isValid());
        m_tokenFile = m_dir.filePath(QStringLiteral("agent-token"));
        QVERIFY(writeHookTokenFile(*m_server, m_tokenFile));
    }
    void cleanup() { m_server.reset(); }

    void approvedBashRuns()
    {
        HookProcess hook;
        QVERIFY(
            hook.start(arguments(), fixture(QStringLiteral("bash-git-push.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        QCOMPARE(pending.value(QLatin1String("type")).toString(), QStringLiteral("claude_code.bash"));
        QCOMPARE(pending.value(QLatin1String("title")).toString(),
            QStringLiteral("Run: git push origin feature/checkout-retry"));
        const QJsonObject payload = pending.value(QLatin1String("payload")).toObject();
        QCOMPARE(payload.value(QLatin1String("content")).toString(),
            QStringLiteral("git push origin feature/checkout-retry"));
        QCOMPARE(payload.value(QLatin1String("language")).toString(), QStringLiteral("bash"));
        const QJsonObject context = pending.value(QLatin1String("context")).toObject();
        QCOMPARE(context.value(QLatin1String("cwd")).toString(), QStringLiteral("/home/ada/projects/shop"));
        QCOMPARE(context.value(QLatin1String("session_id")).toString(),
            QStringLiteral("8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f"));
        QCOMPARE(
            context.value(QLatin1String("tool_use_id")).toString(), QStringLiteral("toolu_01BashGitPush000000000001"));
        QCOMPARE(context.value(QLatin1String("tool_input")).toObject().value(QLatin1String("description")).toString(),
            QStringLiteral("Push the checkout retry branch"));
        QCOMPARE(pending.value(QLatin1String("idempotency_key")).toString(),
            QStringLiteral("toolu_01BashGitPush000000000001"));
        // The last assistant words before the tool call; the garbled last line is skipped.
        QCOMPARE(pending.value(QLatin1String("reasoning")).toString(),
            QStringLiteral(
                "The branch is clean and its tests pass locally. Pushing it starts CI on the pull request."));

        QCOMPARE(decide(pending, QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}), 200);
        QCOMPARE(hook.finish(), 0);
        const QJsonObject answer = hook.answer();
        QCOMPARE(answer.value(QLatin1String("hookEventName")).toString(), QStringLiteral("PreToolUse"));
        QCOMPARE(answer.value(QLatin1String("permissionDecision")).toString(), QStringLiteral("allow"));
        QVERIFY(answer.value(QLatin1String("permissionDecisionReason")).toString().contains(QLatin1String("rita")));
        QVERIFY(!answer.contains(QLatin1String("updatedInput")));
    }

    void rejectionDeniesWithTheReason()
    {
        HookProcess hook;
        QVERIFY(
            hook.start(arguments(), fixture(QStringLiteral("bash-git-push.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        QCOMPARE(decide(pending,
                     QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                         {QStringLiteral("reason"), QStringLiteral("CI is frozen until the release is out")}}),
            200);
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("deny"));
        const QString reason = hook.answer().value(QLatin1String("permissionDecisionReason")).toString();
        QVERIFY2(reason.contains(QLatin1String("CI is frozen until the release is out")), qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("rita")), qPrintable(reason));
    }

    void modifiedEditRunsTheEditedInput()
    {
        HookProcess hook;
        QVERIFY(
            hook.start(arguments(), fixture(QStringLiteral("edit-main-cpp.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        QCOMPARE(pending.value(QLatin1String("type")).toString(), QStringLiteral("claude_code.edit"));
        QCOMPARE(pending.value(QLatin1String("title")).toString(), QStringLiteral("Edit src/main.cpp"));
        QCOMPARE(pending.value(QLatin1String("payload")).toObject().value(QLatin1String("language")).toString(),
            QStringLiteral("c++"));
        const QString edited = QStringLiteral("    const int status = run(argc, argv);\n    return status;\n");
        QCOMPARE(decide(pending, modify(edited)), 200);
        QCOMPARE(hook.finish(), 0);
        const QJsonObject answer = hook.answer();
        QCOMPARE(answer.value(QLatin1String("permissionDecision")).toString(), QStringLiteral("allow"));
        const QJsonObject input = answer.value(QLatin1String("updatedInput")).toObject();
        QCOMPARE(input.value(QLatin1String("new_string")).toString(), edited);
        // The rest of the tool input is Claude's, unchanged.
        QCOMPARE(
            input.value(QLatin1String("file_path")).toString(), QStringLiteral("/home/ada/projects/shop/src/main.cpp"));
        QCOMPARE(input.value(QLatin1String("old_string")).toString(), QStringLiteral("    return run(argc, argv);\n"));
        QCOMPARE(input.value(QLatin1String("replace_all")).toBool(true), false);
    }

    void modifiedWriteAndBash_data()
    {
        QTest::addColumn<QString>("fixtureName");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("language");
        QTest::newRow("write") << QStringLiteral("write-readme.json") << QStringLiteral("content")
                               << QStringLiteral("markdown");
        QTest::newRow("bash") << QStringLiteral("bash-git-push.json") << QStringLiteral("command")
                              << QStringLiteral("bash");
    }
    void modifiedWriteAndBash()
    {
        QFETCH(QString, fixtureName);
        QFETCH(QString, field);
        QFETCH(QString, language);
        HookProcess hook;
        QVERIFY(hook.start(arguments(), fixture(fixtureName), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        QCOMPARE(
            pending.value(QLatin1String("payload")).toObject().value(QLatin1String("language")).toString(), language);
        const QString edited = QStringLiteral("edited by the reviewer\n");
        QCOMPARE(decide(pending, modify(edited)), 200);
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("allow"));
        QCOMPARE(hook.answer().value(QLatin1String("updatedInput")).toObject().value(field).toString(), edited);
    }

    void prohibitedDeniesAtOnce_data()
    {
        QTest::addColumn<QString>("fixtureName");
        QTest::addColumn<QString>("rule");
        QTest::newRow("rm -rf") << QStringLiteral("bash-rm-rf.json")
                                << QStringLiteral("destructive shell commands are never run by an agent");
        QTest::newRow(".env") << QStringLiteral("write-env.json")
                              << QStringLiteral("agents do not write secrets or keys");
    }
    void prohibitedDeniesAtOnce()
    {
        QFETCH(QString, fixtureName);
        QFETCH(QString, rule);
        HookProcess hook;
        QVERIFY(hook.start(arguments(), fixture(fixtureName), HookProcess::cleanEnvironment()));
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("deny"));
        const QString reason = hook.answer().value(QLatin1String("permissionDecisionReason")).toString();
        QVERIFY2(reason.contains(QLatin1String("prohibited by policy")) && reason.contains(rule), qPrintable(reason));
        QVERIFY2(hook.elapsedMs() < 5000, qPrintable(QString::number(hook.elapsedMs())));
        QVERIFY(pendingActions().isEmpty());
    }

    void autoApprovedAllowsAtOnce()
    {
        HookProcess hook;
        QVERIFY(
            hook.start(arguments(), fixture(QStringLiteral("webfetch-docs.json")), HookProcess::cleanEnvironment()));
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("allow"));
        QVERIFY(hook.answer()
                .value(QLatin1String("permissionDecisionReason"))
                .toString()
                .contains(QLatin1String("policy")));
        QVERIFY(!hook.answer().contains(QLatin1String("updatedInput")));
        QVERIFY2(hook.elapsedMs() < 5000, qPrintable(QString::number(hook.elapsedMs())));
    }

    void settingsFromTheEnvironment()
    {
        QFile tokenFile(m_tokenFile);
        QVERIFY(tokenFile.open(QIODevice::ReadOnly));
        QProcessEnvironment env = HookProcess::cleanEnvironment();
        env.insert(QStringLiteral("COUNTERSIGN_URL"), m_server->url().toString());
        env.insert(QStringLiteral("COUNTERSIGN_TOKEN"), QString::fromLatin1(tokenFile.readAll().trimmed()));
        HookProcess hook;
        QVERIFY(hook.start({QStringLiteral("hook"), QStringLiteral("claude-code")},
            fixture(QStringLiteral("webfetch-docs.json")), env));
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("allow"));
    }

    void timeoutFallsBack_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default deny") << QStringList{} << QStringLiteral("deny");
        QTest::newRow("ask") << QStringList{QStringLiteral("--fallback"), QStringLiteral("ask")}
                             << QStringLiteral("ask");
    }
    void timeoutFallsBack()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        HookProcess hook;
        QVERIFY(hook.start(arguments(QStringList{QStringLiteral("--timeout"), QStringLiteral("2")} + extra),
            fixture(QStringLiteral("bash-git-push.json")), HookProcess::cleanEnvironment()));
        const QJsonObject pending = waitForPending(hook);
        QVERIFY(!pending.isEmpty());
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), expected);
        const QString reason = hook.answer().value(QLatin1String("permissionDecisionReason")).toString();
        QVERIFY2(reason.contains(QLatin1String("no decision")), qPrintable(reason));
        QVERIFY2(hook.elapsedMs() >= 1900 && hook.elapsedMs() < 8000, qPrintable(QString::number(hook.elapsedMs())));
        // Nobody acts on the tool call any more, so it leaves the reviewers' queue.
        const QJsonObject after
            = m_server->http()
                  .get(QStringLiteral("/v1/actions/") + pending.value(QLatin1String("id")).toString(), m_reviewer)
                  .json();
        QCOMPARE(after.value(QLatin1String("state")).toString(), QStringLiteral("withdrawn"));
    }

    void serverDownFallsBack_data() { timeoutFallsBack_data(); }
    void serverDownFallsBack()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        QTcpServer probe; // a port nobody listens on once it is closed again
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        HookProcess hook;
        QVERIFY(
            hook.start(QStringList{QStringLiteral("hook"), QStringLiteral("claude-code"), QStringLiteral("--server"),
                           QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("--token-file"), m_tokenFile,
                           QStringLiteral("--timeout"), QStringLiteral("10")}
                    + extra,
                fixture(QStringLiteral("bash-git-push.json")), HookProcess::cleanEnvironment()));
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), expected);
        QVERIFY(hook.answer()
                .value(QLatin1String("permissionDecisionReason"))
                .toString()
                .contains(QLatin1String("cannot reach")));
        QVERIFY(!hook.errors().isEmpty());
    }

    void malformedInputDenies_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("truncated") << readData(QStringLiteral("integrations/claude-code/malformed-truncated.json"))
                                   << QStringLiteral("not JSON");
        QTest::newRow("no tool_name") << readData(QStringLiteral("integrations/claude-code/malformed-no-tool.json"))
                                      << QStringLiteral("tool_name");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not JSON");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("object");
        QTest::newRow("tool_input not an object")
            << QByteArray(R"({"tool_name": "Bash", "tool_input": "rm -rf /", "hook_event_name": "PreToolUse"})")
            << QStringLiteral("tool_input");
        QTest::newRow("command not a string")
            << QByteArray(R"({"tool_name": "Bash", "tool_input": {"command": ["ls"]}})") << QStringLiteral("command");
        QTest::newRow("other event") << QByteArray(
            R"({"tool_name": "Bash", "tool_input": {"command": "ls"}, "hook_event_name": "PostToolUse"})")
                                     << QStringLiteral("PreToolUse");
    }
    void malformedInputDenies()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, mentions);
        HookProcess hook;
        QVERIFY(hook.start(arguments(), input, HookProcess::cleanEnvironment()));
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("deny"));
        const QString reason = hook.answer().value(QLatin1String("permissionDecisionReason")).toString();
        QVERIFY2(reason.contains(QLatin1String("malformed")) && reason.contains(mentions), qPrintable(reason));
        QVERIFY(!hook.errors().isEmpty());
        QVERIFY(pendingActions().isEmpty());
    }

    void badCommandLineDenies_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("fallback") << QStringList{QStringLiteral("hook"), QStringLiteral("claude-code"),
            QStringLiteral("--fallback"), QStringLiteral("allow")};
        QTest::newRow("timeout") << QStringList{
            QStringLiteral("hook"), QStringLiteral("claude-code"), QStringLiteral("--timeout"), QStringLiteral("soon")};
        QTest::newRow("agent") << QStringList{QStringLiteral("hook"), QStringLiteral("cursor")};
        QTest::newRow("option") << QStringList{
            QStringLiteral("hook"), QStringLiteral("claude-code"), QStringLiteral("--yolo")};
    }
    void badCommandLineDenies()
    {
        QFETCH(QStringList, args);
        HookProcess hook;
        QVERIFY(hook.start(args, fixture(QStringLiteral("webfetch-docs.json")), HookProcess::cleanEnvironment()));
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("deny"));
    }

    void missingTokenFallsBack()
    {
        HookProcess hook;
        QVERIFY(hook.start({QStringLiteral("hook"), QStringLiteral("claude-code"), QStringLiteral("--server"),
                               m_server->url().toString(), QStringLiteral("--fallback"), QStringLiteral("ask")},
            fixture(QStringLiteral("bash-git-push.json")), HookProcess::cleanEnvironment()));
        QCOMPARE(hook.finish(), 0);
        QCOMPARE(hook.answer().value(QLatin1String("permissionDecision")).toString(), QStringLiteral("ask"));
        QVERIFY(
            hook.answer().value(QLatin1String("permissionDecisionReason")).toString().contains(QLatin1String("token")));
    }

private:
    static QByteArray examplePolicy()
    {
        QFile f(sourcePath(QStringLiteral("examples/claude-code/policy.json")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QByteArray fixture(const QString &name) const
    {
        QByteArray input = readData(QStringLiteral("integrations/claude-code/") + name);
        input.replace("TRANSCRIPT", dataPath(QStringLiteral("integrations/claude-code/transcript.jsonl")).toUtf8());
        return input;
    }

    QStringList arguments(const QStringList &extra = {}) const
    {
        return QStringList{QStringLiteral("hook"), QStringLiteral("claude-code"), QStringLiteral("--server"),
                   m_server->url().toString(), QStringLiteral("--token-file"), m_tokenFile}
        + extra;
    }

    QJsonArray pendingActions()
    {
        return m_server->http()
            .get(QStringLiteral("/v1/actions?state=pending"), m_reviewer)
            .json()
            .value(QLatin1String("items"))
            .toArray();
    }

    QJsonObject waitForPending(const HookProcess &hook)
    {
        QJsonArray items;
        (void)QTest::qWaitFor(
            [&] {
                items = pendingActions();
                return !items.isEmpty() || !hook.isRunning();
            },
            10'000);
        return items.isEmpty() ? QJsonObject() : items.first().toObject();
    }

    int decide(const QJsonObject &action, const QJsonObject &decision)
    {
        // The hook's decision wakes its long poll (not answered by the first ask).
        (void)QTest::qWaitFor(
            [this] {
                return m_server->server().longPolls() > 0;
            },
            5000);
        return m_server->http()
            .post(QStringLiteral("/v1/actions/%1/decision").arg(action.value(QLatin1String("id")).toString()), decision,
                m_reviewer)
            .status;
    }

    static QJsonObject modify(const QString &content)
    {
        return QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
            {QStringLiteral("payload"), QJsonObject{{QStringLiteral("content"), content}}}};
    }

    std::unique_ptr<TestServer> m_server;
    QByteArray m_reviewer;
    QTemporaryDir m_dir;
    QString m_tokenFile;
};

QTEST_GUILESS_MAIN(TestClaudeHook)
#include "tst_claudehook.moc"
