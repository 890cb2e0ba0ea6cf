#include "mcpclient.h"
#include "mcpmessages.h"
#include "testreviewer.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

// `countersign-cli mcp` while tool calls wait for reviewers, over stdio against a real server
// with the demo policy: other requests are answered meanwhile, notifications/cancelled stops a
// call and withdraws its action, and a progressToken brings notifications/progress.
class TestMcpConcurrency : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_reviewer = std::make_unique<TestReviewer>(*m_server, m_server->token(Role::Reviewer, QStringLiteral("rita")));
        QVERIFY(m_dir.isValid());
        m_tokenFile = m_dir.filePath(QStringLiteral("token"));
        QFile token(m_tokenFile);
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(m_server->token(Role::Agent, QStringLiteral("mcp-agent")));
    }
    void cleanup()
    {
        m_reviewer.reset();
        m_server.reset();
    }

    // A request_approval waits for its reviewer without holding up the session.
    void pingIsAnsweredWhileApprovalWaits()
    {
        McpClient client;
        QVERIFY(client.start(arguments({QStringLiteral("--request-wait"), QStringLiteral("20")})));
        QVERIFY(client.handshake());
        client.send(McpMessages::toolCall(
            10, QStringLiteral("request_approval"), McpMessages::refund(QStringLiteral("Refund 40 EUR"))));
        const QJsonObject pending = m_reviewer->waitForPending();
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

        QCOMPARE(m_reviewer->decide(pending.value(QLatin1String("id")).toString(), QStringLiteral("approve")), 200);
        const QJsonObject response = client.receive();
        QCOMPARE(response.value(QLatin1String("id")).toInt(), 10);
        QCOMPARE(McpMessages::stateIn(response), QStringLiteral("approved"));
    }

    void callsWaitSideBySide()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        QVERIFY(client.handshake());
        client.send(McpMessages::toolCall(
            20, QStringLiteral("request_approval"), McpMessages::refund(QStringLiteral("Refund A"))));
        client.send(McpMessages::toolCall(
            21, QStringLiteral("request_approval"), McpMessages::refund(QStringLiteral("Refund B"))));
        QTRY_COMPARE_WITH_TIMEOUT(m_reviewer->pendingActions().size(), 2, 10000);
        QString idA, idB;
        for (const QJsonValue &item : m_reviewer->pendingActions()) {
            const QJsonObject action = item.toObject();
            (action.value(QLatin1String("title")).toString() == QLatin1String("Refund A") ? idA : idB)
                = action.value(QLatin1String("id")).toString();
        }
        QVERIFY(!idA.isEmpty() && !idB.isEmpty());
        // The later call, decided first, answers first.
        QCOMPARE(m_reviewer->decide(idB, QStringLiteral("reject")), 200);
        QJsonObject response = client.receive();
        QCOMPARE(response.value(QLatin1String("id")).toInt(), 21);
        QCOMPARE(McpMessages::stateIn(response), QStringLiteral("rejected"));
        QCOMPARE(m_reviewer->decide(idA, QStringLiteral("approve")), 200);
        response = client.receive();
        QCOMPARE(response.value(QLatin1String("id")).toInt(), 20);
        QCOMPARE(McpMessages::stateIn(response), QStringLiteral("approved"));
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
        QVERIFY(client.handshake());
        client.send(McpMessages::toolCall(
            id, QStringLiteral("request_approval"), McpMessages::refund(QStringLiteral("Refund 40 EUR"))));
        const QJsonObject pending = m_reviewer->waitForPending();
        const QString actionId = pending.value(QLatin1String("id")).toString();
        QVERIFY(!actionId.isEmpty());

        client.send(McpMessages::cancelled(id));
        QTRY_COMPARE_WITH_TIMEOUT(m_reviewer->stateOf(actionId), QStringLiteral("withdrawn"), 10000);
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
        QVERIFY(client.handshake());
        client.send(McpMessages::cancelled(QJsonValue(999)));
        client.send(McpMessages::cancelled(QJsonValue(QJsonObject{})));
        client.sendLine(R"({"jsonrpc":"2.0","method":"notifications/cancelled"})");
        // A call that already answered: its cancellation crosses the answer and changes nothing.
        client.send(McpMessages::toolCall(32, QStringLiteral("request_approval"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("email.send_internal")},
                {QStringLiteral("title"), QStringLiteral("Standup notes")},
                {QStringLiteral("content"), QStringLiteral("Notes")}}));
        const QJsonObject response = client.receive();
        QCOMPARE(response.value(QLatin1String("id")).toInt(), 32);
        QCOMPARE(McpMessages::stateIn(response), QStringLiteral("approved"));
        client.send(McpMessages::cancelled(QJsonValue(32)));
        const QString actionId = McpMessages::actionIdIn(response);
        QCOMPARE(client.request(33, QStringLiteral("ping")).value(QLatin1String("id")).toInt(), 33);
        QCOMPARE(m_reviewer->stateOf(actionId), QStringLiteral("approved"));
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
        QVERIFY(client.handshake());
        client.send(McpMessages::toolCall(
            40, QStringLiteral("request_approval"), McpMessages::refund(QStringLiteral("Refund 40 EUR")), token));
        const QJsonObject first = client.receive();
        QCOMPARE(first.value(QLatin1String("method")).toString(), QStringLiteral("notifications/progress"));
        QVERIFY(!first.contains(QLatin1String("id")));
        const QJsonObject firstParams = first.value(QLatin1String("params")).toObject();
        QCOMPARE(firstParams.value(QLatin1String("progressToken")), token);
        QCOMPARE(firstParams.value(QLatin1String("total")).toDouble(), 30.0);
        const QString actionId = m_reviewer->waitForPending().value(QLatin1String("id")).toString();
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

        QCOMPARE(m_reviewer->decide(actionId, QStringLiteral("approve")), 200);
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
        QCOMPARE(McpMessages::stateIn(response), QStringLiteral("approved"));
        // Progress stops with the answer.
        QCOMPARE(client.closeAndWait(), 0);
        QCOMPARE(client.remaining().size(), 0);
    }

    void closingInputWithdrawsWaitingCalls()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        QVERIFY(client.handshake());
        client.send(McpMessages::toolCall(
            50, QStringLiteral("request_approval"), McpMessages::refund(QStringLiteral("Refund 40 EUR"))));
        const QString actionId = m_reviewer->waitForPending().value(QLatin1String("id")).toString();
        QVERIFY(!actionId.isEmpty());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(client.closeAndWait(), 0);
        QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_reviewer->stateOf(actionId), QStringLiteral("withdrawn"));
        QCOMPARE(client.remaining().size(), 0);
    }

    void idOfARunningCallIsNotReused()
    {
        McpClient client;
        QVERIFY(client.start(arguments()));
        QVERIFY(client.handshake());
        client.send(McpMessages::toolCall(
            60, QStringLiteral("request_approval"), McpMessages::refund(QStringLiteral("Refund 40 EUR"))));
        const QString actionId = m_reviewer->waitForPending().value(QLatin1String("id")).toString();
        client.send(
            McpMessages::toolCall(60, QStringLiteral("check_approval"), QJsonObject{{QStringLiteral("id"), actionId}}));
        const QJsonObject refused = client.receive();
        QCOMPARE(refused.value(QLatin1String("id")).toInt(), 60);
        QCOMPARE(refused.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt(), -32600);
        QCOMPARE(m_reviewer->decide(actionId, QStringLiteral("approve")), 200);
        QCOMPARE(McpMessages::stateIn(client.receive()), QStringLiteral("approved"));
    }

private:
    QStringList arguments(const QStringList &extra = {}) const
    {
        return QStringList{
                   QStringLiteral("--server"), m_server->url().toString(), QStringLiteral("--token-file"), m_tokenFile}
        + extra;
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestReviewer> m_reviewer;
    QTemporaryDir m_dir;
    QString m_tokenFile;
};

QTEST_GUILESS_MAIN(TestMcpConcurrency)
#include "tst_mcpconcurrency.moc"
