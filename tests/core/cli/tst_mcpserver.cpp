#include "mcpclient.h"
#include "mcpmessages.h"
#include "testreviewer.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
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
        const QJsonObject init = client.request(
            1, QStringLiteral("initialize"), McpMessages::initializeParams(QStringLiteral("2025-06-18")));
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
        const QJsonObject init
            = client.request(7, QStringLiteral("initialize"), McpMessages::initializeParams(requested));
        QCOMPARE(init.value(QLatin1String("result")).toObject().value(QLatin1String("protocolVersion")).toString(),
            answered);
    }

    void requestApprovalRoundTrip()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        handshake(client);
        client.send(McpMessages::toolCall(10, QStringLiteral("request_approval"),
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
        QTRY_COMPARE(m_server->server().longPolls(), 1); // the agent waits in its long poll
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

    // For a change the model sends what it replaces: the reviewer sees the diff, and a modify
    // keeps the original as it was.
    void requestApprovalWithAnOriginal()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        handshake(client);
        const QJsonArray tools = client.request(4, QStringLiteral("tools/list"))
                                     .value(QLatin1String("result"))
                                     .toObject()
                                     .value(QLatin1String("tools"))
                                     .toArray();
        const QJsonObject original = tools.first()
                                         .toObject()
                                         .value(QLatin1String("inputSchema"))
                                         .toObject()
                                         .value(QLatin1String("properties"))
                                         .toObject()
                                         .value(QLatin1String("original"))
                                         .toObject();
        QCOMPARE(original.value(QLatin1String("type")).toString(), QStringLiteral("string"));
        QVERIFY(!original.value(QLatin1String("description")).toString().isEmpty());

        client.send(McpMessages::toolCall(13, QStringLiteral("request_approval"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("email.send_external")},
                {QStringLiteral("title"), QStringLiteral("Update the signature")},
                {QStringLiteral("content"), QStringLiteral("Regards,\nAda's shop\n")},
                {QStringLiteral("original"), QStringLiteral("Regards,\nthe shop\n")},
                {QStringLiteral("language"), QStringLiteral("email")}}));
        const QJsonObject pending = waitForPending();
        const QJsonObject payload = pending.value(QLatin1String("payload")).toObject();
        QCOMPARE(payload.value(QLatin1String("original")).toString(), QStringLiteral("Regards,\nthe shop\n"));
        QCOMPARE(payload.value(QLatin1String("content")).toString(), QStringLiteral("Regards,\nAda's shop\n"));
        QCOMPARE(m_server->http()
                     .post(QStringLiteral("/v1/actions/%1/decision").arg(pending.value(QLatin1String("id")).toString()),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
                             {QStringLiteral("payload"),
                                 QJsonObject{{QStringLiteral("content"), QStringLiteral("Regards,\nAda\n")}}}},
                         m_reviewer)
                     .status,
            200);
        const QJsonObject final = client.receive()
                                      .value(QLatin1String("result"))
                                      .toObject()
                                      .value(QLatin1String("structuredContent"))
                                      .toObject()
                                      .value(QLatin1String("final_payload"))
                                      .toObject();
        QCOMPARE(final.value(QLatin1String("content")).toString(), QStringLiteral("Regards,\nAda\n"));
        QCOMPARE(final.value(QLatin1String("original")).toString(), QStringLiteral("Regards,\nthe shop\n"));
    }

    void autoAndProhibitedAnswerAtOnce()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        handshake(client);
        client.send(McpMessages::toolCall(11, QStringLiteral("request_approval"),
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
        client.send(McpMessages::toolCall(12, QStringLiteral("request_approval"),
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
        client.send(McpMessages::toolCall(20, QStringLiteral("request_approval"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("refund.issue")},
                {QStringLiteral("title"), QStringLiteral("Refund 40 EUR")},
                {QStringLiteral("content"), QStringLiteral("refund 40")}}));
        const QJsonObject first = client.receive().value(QLatin1String("result")).toObject();
        const QJsonObject structured = first.value(QLatin1String("structuredContent")).toObject();
        QCOMPARE(structured.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        const QString id = structured.value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());

        client.send(McpMessages::toolCall(21, QStringLiteral("check_approval"),
            QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("wait_s"), 10}}));
        QTRY_COMPARE(m_server->server().longPolls(), 1); // the agent waits in its long poll
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
        QTest::newRow("original not a string")
            << QStringLiteral("request_approval")
            << QJsonObject{{QStringLiteral("type"), QStringLiteral("x.y")},
                   {QStringLiteral("title"), QStringLiteral("t")}, {QStringLiteral("content"), QStringLiteral("c")},
                   {QStringLiteral("original"), QJsonArray{QStringLiteral("c")}}};
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
        client.send(McpMessages::toolCall(30, tool, args));
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
        client.send(McpMessages::toolCall(40, QStringLiteral("request_approval"),
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

    static void handshake(McpClient &client) { QVERIFY(client.handshake()); }

    QJsonObject waitForPending() { return TestReviewer(*m_server, m_reviewer).waitForPending(); }

    std::unique_ptr<TestServer> m_server;
    QByteArray m_reviewer;
    QTemporaryDir m_dir;
    QString m_tokenFile;
};

QTEST_GUILESS_MAIN(TestMcpServer)
#include "tst_mcpserver.moc"
