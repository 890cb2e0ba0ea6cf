#include "mcpclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

// `countersign-cli mcp` driven by a scripted MCP client over stdio, against a real server with
// the demo policy: the handshake, the tools, a decision round trip and JSON-RPC errors.
class TestMcpServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_reviewer = m_server->token(Role::Reviewer, QStringLiteral("rita"));
        QVERIFY(m_dir.isValid());
        m_tokenFile = m_dir.filePath(QStringLiteral("token"));
        QFile token(m_tokenFile);
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(m_server->token(Role::Agent, QStringLiteral("mcp-agent")));
    }
    void cleanup() { m_server.reset(); }

    void handshake()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        const QJsonObject init
            = client.request(1, QStringLiteral("initialize"), initializeParams(QStringLiteral("2025-06-18")));
        QCOMPARE(init.value(QLatin1String("jsonrpc")).toString(), QStringLiteral("2.0"));
        QCOMPARE(init.value(QLatin1String("id")).toInt(), 1);
        const QJsonObject result = init.value(QLatin1String("result")).toObject();
        QCOMPARE(result.value(QLatin1String("protocolVersion")).toString(), QStringLiteral("2025-06-18"));
        QVERIFY(result.value(QLatin1String("capabilities")).toObject().contains(QLatin1String("tools")));
        QCOMPARE(result.value(QLatin1String("serverInfo")).toObject().value(QLatin1String("name")).toString(),
            QStringLiteral("countersign"));

        // A notification gets no answer: the next line is the ping's.
        client.send(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("method"), QStringLiteral("notifications/initialized")}});
        const QJsonObject pong = client.request(2, QStringLiteral("ping"));
        QCOMPARE(pong.value(QLatin1String("id")).toInt(), 2);
        QVERIFY(pong.value(QLatin1String("result")).isObject());

        const QJsonObject list = client.request(3, QStringLiteral("tools/list"));
        const QJsonArray tools = list.value(QLatin1String("result")).toObject().value(QLatin1String("tools")).toArray();
        QStringList names;
        for (const QJsonValue &t : tools) {
            names.append(t.toObject().value(QLatin1String("name")).toString());
            QCOMPARE(
                t.toObject().value(QLatin1String("inputSchema")).toObject().value(QLatin1String("type")).toString(),
                QStringLiteral("object"));
        }
        QCOMPARE(names, (QStringList{QStringLiteral("request_approval"), QStringLiteral("check_approval")}));
        QCOMPARE(client.closeAndWait(), 0);
    }

    void versionNegotiation_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("answered");
        QTest::newRow("2024-11-05") << QStringLiteral("2024-11-05") << QStringLiteral("2024-11-05");
        QTest::newRow("2025-03-26") << QStringLiteral("2025-03-26") << QStringLiteral("2025-03-26");
        QTest::newRow("unknown, older") << QStringLiteral("2023-01-01") << QStringLiteral("2025-11-25");
        QTest::newRow("unknown, newer") << QStringLiteral("2099-12-31") << QStringLiteral("2025-11-25");
    }
    void versionNegotiation()
    {
        QFETCH(QString, requested);
        QFETCH(QString, answered);
        McpClient client;
        QVERIFY(client.start(arguments()));
        const QJsonObject init = client.request(7, QStringLiteral("initialize"), initializeParams(requested));
        QCOMPARE(init.value(QLatin1String("result")).toObject().value(QLatin1String("protocolVersion")).toString(),
            answered);
    }

    void requestApprovalRoundTrip()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        handshake(client);
        client.send(toolCall(10, QStringLiteral("request_approval"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("email.send_external")},
                {QStringLiteral("title"), QStringLiteral("Reply to Ada")},
                {QStringLiteral("content"), QStringLiteral("Hello Ada, your parcel ships today.")},
                {QStringLiteral("language"), QStringLiteral("email")},
                {QStringLiteral("reasoning"), QStringLiteral("She asked twice")},
                {QStringLiteral("context"), QJsonObject{{QStringLiteral("ticket"), QStringLiteral("SUP-9")}}},
                {QStringLiteral("confidence"), 0.9}}));
        const QJsonObject pending = waitForPending();
        QCOMPARE(pending.value(QLatin1String("title")).toString(), QStringLiteral("Reply to Ada"));
        QCOMPARE(pending.value(QLatin1String("reasoning")).toString(), QStringLiteral("She asked twice"));
        QCOMPARE(pending.value(QLatin1String("context")).toObject().value(QLatin1String("ticket")).toString(),
            QStringLiteral("SUP-9"));
        QTest::qWait(200);
        QCOMPARE(
            m_server->http()
                .post(QStringLiteral("/v1/actions/%1/decision").arg(pending.value(QLatin1String("id")).toString()),
                    QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
                        {QStringLiteral("payload"),
                            QJsonObject{{QStringLiteral("content"), QStringLiteral("Hello Ada, it ships tomorrow.")}}}},
                    m_reviewer)
                .status,
            200);
        const QJsonObject response = client.receive();
        QCOMPARE(response.value(QLatin1String("id")).toInt(), 10);
        const QJsonObject result = response.value(QLatin1String("result")).toObject();
        QCOMPARE(result.value(QLatin1String("isError")).toBool(true), false);
        const QJsonObject structured = result.value(QLatin1String("structuredContent")).toObject();
        QCOMPARE(structured.value(QLatin1String("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(structured.value(QLatin1String("decided_by")).toString(), QStringLiteral("rita"));
        QCOMPARE(structured.value(QLatin1String("final_payload")).toObject().value(QLatin1String("content")).toString(),
            QStringLiteral("Hello Ada, it ships tomorrow."));
        const QString text = result.value(QLatin1String("content"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QLatin1String("text"))
                                 .toString();
        QVERIFY2(text.startsWith(QLatin1String("APPROVED WITH EDITS")), qPrintable(text));
    }

    void autoAndProhibitedAnswerAtOnce()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        handshake(client);
        client.send(toolCall(11, QStringLiteral("request_approval"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("email.send_internal")},
                {QStringLiteral("title"), QStringLiteral("Standup notes")},
                {QStringLiteral("content"), QStringLiteral("Notes")}}));
        QJsonObject structured = client.receive(5000)
                                     .value(QLatin1String("result"))
                                     .toObject()
                                     .value(QLatin1String("structuredContent"))
                                     .toObject();
        QCOMPARE(structured.value(QLatin1String("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(structured.value(QLatin1String("decided_by")).toString(), QStringLiteral("policy"));
        client.send(toolCall(12, QStringLiteral("request_approval"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("db.drop_table")},
                {QStringLiteral("title"), QStringLiteral("Drop users")},
                {QStringLiteral("content"), QStringLiteral("DROP TABLE users")}}));
        structured = client.receive(5000)
                         .value(QLatin1String("result"))
                         .toObject()
                         .value(QLatin1String("structuredContent"))
                         .toObject();
        QCOMPARE(structured.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
    }

    void pendingThenCheckApproval()
    {
        McpClient client;
        QVERIFY(client.start(arguments({QStringLiteral("--request-wait"), QStringLiteral("1")})));
        handshake(client);
        client.send(toolCall(20, QStringLiteral("request_approval"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("refund.issue")},
                {QStringLiteral("title"), QStringLiteral("Refund 40 EUR")},
                {QStringLiteral("content"), QStringLiteral("refund 40")}}));
        const QJsonObject first = client.receive().value(QLatin1String("result")).toObject();
        const QJsonObject structured = first.value(QLatin1String("structuredContent")).toObject();
        QCOMPARE(structured.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        const QString id = structured.value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());

        client.send(toolCall(21, QStringLiteral("check_approval"),
            QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("wait_s"), 10}}));
        QTest::qWait(300);
        QCOMPARE(m_server->http()
                     .post(QStringLiteral("/v1/actions/%1/decision").arg(id),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                             {QStringLiteral("reason"), QStringLiteral("wrong order")}},
                         m_reviewer)
                     .status,
            200);
        const QJsonObject checked = client.receive().value(QLatin1String("result")).toObject();
        QCOMPARE(checked.value(QLatin1String("structuredContent")).toObject().value(QLatin1String("state")).toString(),
            QStringLiteral("rejected"));
        QCOMPARE(checked.value(QLatin1String("structuredContent")).toObject().value(QLatin1String("reason")).toString(),
            QStringLiteral("wrong order"));
    }

    // A request_approval waits for its reviewer without holding up the session.
    void pingIsAnsweredWhileApprovalWaits()
    {
        McpClient client;
        QVERIFY(client.start(arguments({QStringLiteral("--request-wait"), QStringLiteral("20")})));
        handshake(client);
        client.send(toolCall(10, QStringLiteral("request_approval"), refund(QStringLiteral("Refund 40 EUR"))));
        const QJsonObject pending = waitForPending();
        QVERIFY(!pending.isEmpty());

        QElapsedTimer timer;
        timer.start();
        const QJsonObject pong = client.request(11, QStringLiteral("ping"), {}, 1000);
        QCOMPARE(pong.value(QLatin1String("id")).toInt(), 11);
        QVERIFY(pong.value(QLatin1String("result")).isObject());
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        const QJsonObject list = client.request(12, QStringLiteral("tools/list"), {}, 1000);
        QCOMPARE(list.value(QLatin1String("id")).toInt(), 12);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));

        QCOMPARE(decide(pending.value(QLatin1String("id")).toString(), QStringLiteral("approve")), 200);
        const QJsonObject response = client.receive();
        QCOMPARE(response.value(QLatin1String("id")).toInt(), 10);
        QCOMPARE(stateIn(response), QStringLiteral("approved"));
    }

    void callsWaitSideBySide()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        handshake(client);
        client.send(toolCall(20, QStringLiteral("request_approval"), refund(QStringLiteral("Refund A"))));
        client.send(toolCall(21, QStringLiteral("request_approval"), refund(QStringLiteral("Refund B"))));
        QTRY_COMPARE_WITH_TIMEOUT(pendingActions().size(), 2, 10000);
        QString idA, idB;
        for (const QJsonValue &item : pendingActions()) {
            const QJsonObject action = item.toObject();
            (action.value(QLatin1String("title")).toString() == QLatin1String("Refund A") ? idA : idB)
                = action.value(QLatin1String("id")).toString();
        }
        QVERIFY(!idA.isEmpty() && !idB.isEmpty());
        // The later call, decided first, answers first.
        QCOMPARE(decide(idB, QStringLiteral("reject")), 200);
        QJsonObject response = client.receive();
        QCOMPARE(response.value(QLatin1String("id")).toInt(), 21);
        QCOMPARE(stateIn(response), QStringLiteral("rejected"));
        QCOMPARE(decide(idA, QStringLiteral("approve")), 200);
        response = client.receive();
        QCOMPARE(response.value(QLatin1String("id")).toInt(), 20);
        QCOMPARE(stateIn(response), QStringLiteral("approved"));
    }

    void cancelledCallGetsNoAnswerAndIsWithdrawn_data()
    {
        QTest::addColumn<QJsonValue>("id");
        QTest::newRow("integer id") << QJsonValue(30);
        QTest::newRow("string id") << QJsonValue(QStringLiteral("call-30"));
    }
    void cancelledCallGetsNoAnswerAndIsWithdrawn()
    {
        QFETCH(QJsonValue, id);
        McpClient client;
        QVERIFY(client.start(arguments()));
        handshake(client);
        client.send(toolCall(id, QStringLiteral("request_approval"), refund(QStringLiteral("Refund 40 EUR"))));
        const QJsonObject pending = waitForPending();
        const QString actionId = pending.value(QLatin1String("id")).toString();
        QVERIFY(!actionId.isEmpty());

        client.send(cancelled(id));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(actionId), QStringLiteral("withdrawn"), 10000);
        // The session goes on, and the next answer is the ping's, not the cancelled call's.
        QCOMPARE(client.request(31, QStringLiteral("ping")).value(QLatin1String("id")).toInt(), 31);
        QCOMPARE(client.closeAndWait(), 0);
        for (const QJsonObject &message : client.remaining())
            QVERIFY2(message.value(QLatin1String("id")) != id, QJsonDocument(message).toJson().constData());
    }

    void cancellingWhatIsNotRunningIsIgnored()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        handshake(client);
        client.send(cancelled(QJsonValue(999)));
        client.send(cancelled(QJsonValue(QJsonObject{})));
        client.sendLine(R"({"jsonrpc":"2.0","method":"notifications/cancelled"})");
        // A call that already answered: its cancellation crosses the answer and changes nothing.
        client.send(toolCall(32, QStringLiteral("request_approval"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("email.send_internal")},
                {QStringLiteral("title"), QStringLiteral("Standup notes")},
                {QStringLiteral("content"), QStringLiteral("Notes")}}));
        const QJsonObject response = client.receive();
        QCOMPARE(response.value(QLatin1String("id")).toInt(), 32);
        QCOMPARE(stateIn(response), QStringLiteral("approved"));
        client.send(cancelled(QJsonValue(32)));
        const QString actionId = response.value(QLatin1String("result"))
                                     .toObject()
                                     .value(QLatin1String("structuredContent"))
                                     .toObject()
                                     .value(QLatin1String("id"))
                                     .toString();
        QCOMPARE(client.request(33, QStringLiteral("ping")).value(QLatin1String("id")).toInt(), 33);
        QCOMPARE(stateOf(actionId), QStringLiteral("approved"));
    }

    void progressNotificationsCarryTheToken_data()
    {
        QTest::addColumn<QJsonValue>("token");
        QTest::newRow("string token") << QJsonValue(QStringLiteral("tok-40"));
        QTest::newRow("integer token") << QJsonValue(4040);
    }
    void progressNotificationsCarryTheToken()
    {
        QFETCH(QJsonValue, token);
        McpClient client;
        QVERIFY(client.start(arguments({QStringLiteral("--progress-interval"), QStringLiteral("1"),
            QStringLiteral("--request-wait"), QStringLiteral("30")})));
        handshake(client);
        client.send(toolCall(40, QStringLiteral("request_approval"), refund(QStringLiteral("Refund 40 EUR")), token));
        const QJsonObject first = client.receive();
        QCOMPARE(first.value(QLatin1String("method")).toString(), QStringLiteral("notifications/progress"));
        QVERIFY(!first.contains(QLatin1String("id")));
        const QJsonObject firstParams = first.value(QLatin1String("params")).toObject();
        QCOMPARE(firstParams.value(QLatin1String("progressToken")), token);
        QCOMPARE(firstParams.value(QLatin1String("total")).toDouble(), 30.0);
        const QString actionId = waitForPending().value(QLatin1String("id")).toString();
        QVERIFY(!actionId.isEmpty());
        QVERIFY2(firstParams.value(QLatin1String("message")).toString().contains(actionId),
            qPrintable(firstParams.value(QLatin1String("message")).toString()));

        // Another one while the reviewer takes their time, with a larger progress value.
        const QJsonObject second = client.receive(5000);
        QCOMPARE(second.value(QLatin1String("method")).toString(), QStringLiteral("notifications/progress"));
        const QJsonObject secondParams = second.value(QLatin1String("params")).toObject();
        QCOMPARE(secondParams.value(QLatin1String("progressToken")), token);
        QVERIFY(secondParams.value(QLatin1String("progress")).toDouble()
            > firstParams.value(QLatin1String("progress")).toDouble());

        QCOMPARE(decide(actionId, QStringLiteral("approve")), 200);
        double last = secondParams.value(QLatin1String("progress")).toDouble();
        QJsonObject response;
        for (int i = 0; i < 20 && response.isEmpty(); ++i) {
            const QJsonObject message = client.receive();
            QVERIFY(!message.isEmpty());
            if (message.contains(QLatin1String("id"))) {
                response = message;
                break;
            }
            const double progress
                = message.value(QLatin1String("params")).toObject().value(QLatin1String("progress")).toDouble();
            QVERIFY(progress > last);
            last = progress;
        }
        QCOMPARE(response.value(QLatin1String("id")).toInt(), 40);
        QCOMPARE(stateIn(response), QStringLiteral("approved"));
        // Progress stops with the answer.
        QCOMPARE(client.closeAndWait(), 0);
        QCOMPARE(client.remaining().size(), 0);
    }

    void closingInputWithdrawsWaitingCalls()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        handshake(client);
        client.send(toolCall(50, QStringLiteral("request_approval"), refund(QStringLiteral("Refund 40 EUR"))));
        const QString actionId = waitForPending().value(QLatin1String("id")).toString();
        QVERIFY(!actionId.isEmpty());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(client.closeAndWait(), 0);
        QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(stateOf(actionId), QStringLiteral("withdrawn"));
        QCOMPARE(client.remaining().size(), 0);
    }

    void idOfARunningCallIsNotReused()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        handshake(client);
        client.send(toolCall(60, QStringLiteral("request_approval"), refund(QStringLiteral("Refund 40 EUR"))));
        const QString actionId = waitForPending().value(QLatin1String("id")).toString();
        client.send(toolCall(60, QStringLiteral("check_approval"), QJsonObject{{QStringLiteral("id"), actionId}}));
        const QJsonObject refused = client.receive();
        QCOMPARE(refused.value(QLatin1String("id")).toInt(), 60);
        QCOMPARE(refused.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt(), -32600);
        QCOMPARE(decide(actionId, QStringLiteral("approve")), 200);
        QCOMPARE(stateIn(client.receive()), QStringLiteral("approved"));
    }

    void jsonRpcErrors_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("code");
        QTest::addColumn<QJsonValue>("id");
        QTest::newRow("parse error") << QByteArray("{\"jsonrpc\": \"2.0\", \"id\": 1, ") << -32700
                                     << QJsonValue(QJsonValue::Null);
        QTest::newRow("batch") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])") << -32600
                               << QJsonValue(QJsonValue::Null);
        QTest::newRow("not 2.0") << QByteArray(R"({"jsonrpc":"1.0","id":4,"method":"ping"})") << -32600
                                 << QJsonValue(4);
        QTest::newRow("no method") << QByteArray(R"({"jsonrpc":"2.0","id":5})") << -32600 << QJsonValue(5);
        QTest::newRow("method not a string")
            << QByteArray(R"({"jsonrpc":"2.0","id":6,"method":7})") << -32600 << QJsonValue(6);
        QTest::newRow("id an object") << QByteArray(R"({"jsonrpc":"2.0","id":{},"method":"ping"})") << -32600
                                      << QJsonValue(QJsonValue::Null);
        QTest::newRow("unknown method") << QByteArray(R"({"jsonrpc":"2.0","id":"a","method":"resources/list"})")
                                        << -32601 << QJsonValue(QStringLiteral("a"));
        QTest::newRow("params an array") << QByteArray(R"({"jsonrpc":"2.0","id":8,"method":"tools/list","params":[]})")
                                         << -32602 << QJsonValue(8);
        QTest::newRow("unknown tool") << QByteArray(
            R"({"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"rm_rf","arguments":{}}})")
                                      << -32602 << QJsonValue(9);
        QTest::newRow("arguments not an object") << QByteArray(
            R"({"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"check_approval","arguments":3}})")
                                                 << -32602 << QJsonValue(10);
        QTest::newRow("initialize without version")
            << QByteArray(R"({"jsonrpc":"2.0","id":11,"method":"initialize","params":{}})") << -32602 << QJsonValue(11);
    }
    void jsonRpcErrors()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, code);
        QFETCH(QJsonValue, id);
        McpClient client;
        QVERIFY(client.start(arguments()));
        client.sendLine(line);
        const QJsonObject response = client.receive();
        QCOMPARE(response.value(QLatin1String("jsonrpc")).toString(), QStringLiteral("2.0"));
        QCOMPARE(response.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt(), code);
        QVERIFY(
            !response.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString().isEmpty());
        QCOMPARE(response.value(QLatin1String("id")), id);
        // The session goes on after an error.
        QCOMPARE(client.request(99, QStringLiteral("ping")).value(QLatin1String("id")).toInt(), 99);
    }

    void toolArgumentMistakesAreToolErrors_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QJsonObject>("args");
        QTest::newRow("no title") << QStringLiteral("request_approval")
                                  << QJsonObject{{QStringLiteral("type"), QStringLiteral("x.y")},
                                         {QStringLiteral("content"), QStringLiteral("c")}};
        QTest::newRow("context not an object")
            << QStringLiteral("request_approval")
            << QJsonObject{{QStringLiteral("type"), QStringLiteral("x.y")},
                   {QStringLiteral("title"), QStringLiteral("t")}, {QStringLiteral("content"), QStringLiteral("c")},
                   {QStringLiteral("context"), QStringLiteral("no")}};
        QTest::newRow("refused by the server")
            << QStringLiteral("request_approval")
            << QJsonObject{{QStringLiteral("type"), QStringLiteral("x.y")},
                   {QStringLiteral("title"), QStringLiteral("t")}, {QStringLiteral("content"), QStringLiteral("c")},
                   {QStringLiteral("confidence"), 7}};
        QTest::newRow("no id") << QStringLiteral("check_approval") << QJsonObject{};
        QTest::newRow("unknown id") << QStringLiteral("check_approval")
                                    << QJsonObject{{QStringLiteral("id"), QStringLiteral("no-such-action")}};
    }
    void toolArgumentMistakesAreToolErrors()
    {
        QFETCH(QString, tool);
        QFETCH(QJsonObject, args);
        McpClient client;
        QVERIFY(client.start(arguments()));
        handshake(client);
        client.send(toolCall(30, tool, args));
        const QJsonObject result = client.receive().value(QLatin1String("result")).toObject();
        QCOMPARE(result.value(QLatin1String("isError")).toBool(), true);
        QVERIFY(!result.value(QLatin1String("content"))
                .toArray()
                .first()
                .toObject()
                .value(QLatin1String("text"))
                .toString()
                .isEmpty());
    }

    void serverDownIsAToolError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        McpClient client;
        QVERIFY(client.start({QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:%1").arg(port),
            QStringLiteral("--token-file"), m_tokenFile}));
        handshake(client);
        client.send(toolCall(40, QStringLiteral("request_approval"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("x.y")}, {QStringLiteral("title"), QStringLiteral("t")},
                {QStringLiteral("content"), QStringLiteral("c")}}));
        const QJsonObject result = client.receive(40000).value(QLatin1String("result")).toObject();
        QCOMPARE(result.value(QLatin1String("isError")).toBool(), true);
    }

    void withoutTokenItDoesNotStart()
    {
        McpClient client;
        QVERIFY(client.start({QStringLiteral("--server"), m_server->url().toString()}));
        QCOMPARE(client.closeAndWait(), 2);
    }

private:
    QStringList arguments(const QStringList &extra = {}) const
    {
        return QStringList{
                   QStringLiteral("--server"), m_server->url().toString(), QStringLiteral("--token-file"), m_tokenFile}
        + extra;
    }

    static QJsonObject initializeParams(const QString &version)
    {
        return QJsonObject{{QStringLiteral("protocolVersion"), version},
            {QStringLiteral("capabilities"), QJsonObject{}},
            {QStringLiteral("clientInfo"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("tst_mcpserver")},
                    {QStringLiteral("version"), QStringLiteral("1")}}}};
    }

    static void handshake(McpClient &client)
    {
        const QJsonObject init
            = client.request(1, QStringLiteral("initialize"), initializeParams(QStringLiteral("2025-06-18")));
        QVERIFY(init.contains(QLatin1String("result")));
        client.send(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("method"), QStringLiteral("notifications/initialized")}});
    }

    static QJsonObject toolCall(const QJsonValue &id, const QString &name, const QJsonObject &arguments,
        const QJsonValue &progressToken = QJsonValue::Undefined)
    {
        QJsonObject params{{QStringLiteral("name"), name}, {QStringLiteral("arguments"), arguments}};
        if (!progressToken.isUndefined())
            params.insert(QStringLiteral("_meta"), QJsonObject{{QStringLiteral("progressToken"), progressToken}});
        return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
            {QStringLiteral("method"), QStringLiteral("tools/call")}, {QStringLiteral("params"), params}};
    }

    // A request the demo policy sends to review, so it waits for a reviewer.
    static QJsonObject refund(const QString &title)
    {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("refund.issue")}, {QStringLiteral("title"), title},
            {QStringLiteral("content"), QStringLiteral("refund 40 EUR")}};
    }

    static QJsonObject cancelled(const QJsonValue &requestId)
    {
        return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("method"), QStringLiteral("notifications/cancelled")},
            {QStringLiteral("params"),
                QJsonObject{{QStringLiteral("requestId"), requestId},
                    {QStringLiteral("reason"), QStringLiteral("the user pressed Esc")}}}};
    }

    QJsonArray pendingActions()
    {
        return m_server->http()
            .get(QStringLiteral("/v1/actions?state=pending"), m_reviewer)
            .json()
            .value(QLatin1String("items"))
            .toArray();
    }

    QString stateOf(const QString &id)
    {
        return m_server->http()
            .get(QStringLiteral("/v1/actions/") + id, m_reviewer)
            .json()
            .value(QLatin1String("state"))
            .toString();
    }

    int decide(const QString &id, const QString &outcome)
    {
        return m_server->http()
            .post(QStringLiteral("/v1/actions/%1/decision").arg(id),
                QJsonObject{{QStringLiteral("outcome"), outcome}, {QStringLiteral("reason"), QStringLiteral("test")}},
                m_reviewer)
            .status;
    }

    static QString stateIn(const QJsonObject &response)
    {
        return response.value(QLatin1String("result"))
            .toObject()
            .value(QLatin1String("structuredContent"))
            .toObject()
            .value(QLatin1String("state"))
            .toString();
    }

    QJsonObject waitForPending()
    {
        for (int i = 0; i < 500; ++i) {
            const QJsonArray items = pendingActions();
            if (!items.isEmpty())
                return items.first().toObject();
            QTest::qWait(20);
        }
        return {};
    }

    std::unique_ptr<TestServer> m_server;
    QByteArray m_reviewer;
    QTemporaryDir m_dir;
    QString m_tokenFile;
};

QTEST_GUILESS_MAIN(TestMcpServer)
#include "tst_mcpserver.moc"
