// The reviewer app against what it must survive: no API token written to disk in a real session,
// and a hostile server (malformed JSON, 50 MB bodies, lying lengths, binary and oversized
// WebSocket frames) that must neither crash nor freeze the client layer or the queue model.
#include "client/serverconnection.h"
#include "isolatedsettings.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/reviewerapp.h"
#include "queue/queuemodel.h"
#include "settings/profilestore.h"
#include "settings/tokenstore.h"
#include "testresult.h"
#include "testserver.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

// Measures the longest the event loop went without running a 10 ms timer: a freeze detector.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_worst = qMax(m_worst, m_since.restart());
        });
        m_since.start();
        m_timer.start();
    }
    qint64 worstMs() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_worst = 0;
};

// An HTTP server that answers every REST request with the configured hostile reply, and hands
// WebSocket upgrades to a QWebSocketServer that sends the configured hostile frames.
class HostileServer : public QTcpServer
{
public:
    QByteArray reply; // the whole raw HTTP answer
    std::function<void(QWebSocket *)> onWebSocket;

    HostileServer()
        : m_ws(QStringLiteral("hostile"), QWebSocketServer::NonSecureMode)
    {
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *s = nextPendingConnection())
                serve(s);
        });
        connect(&m_ws, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *ws = m_ws.nextPendingConnection()) {
                connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
                if (onWebSocket)
                    onWebSocket(ws);
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }
    int webSockets = 0;

private:
    void serve(QTcpSocket *socket)
    {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            const QByteArray head = socket->peek(64 * 1024);
            if (!head.contains("\r\n\r\n"))
                return;
            if (head.toLower().contains("upgrade: websocket")) {
                disconnect(socket, &QTcpSocket::readyRead, socket, nullptr);
                disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
                ++webSockets;
                m_ws.handleConnection(socket);
                return;
            }
            socket->readAll();
            socket->write(reply);
            socket->flush();
            socket->disconnectFromHost();
        });
    }

    QWebSocketServer m_ws;
};

QByteArray answer(int status, const QByteArray &body, const QByteArray &extraHeaders = {}, qint64 length = -1)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(length < 0 ? body.size() : length) + "\r\n" + extraHeaders + "Connection: close\r\n\r\n"
        + body;
}

QByteArray fiftyMegabytes(char fill)
{
    return QByteArray(50 * 1024 * 1024, fill);
}

// The rows of the app's queue: what its session has loaded and received live.
int queueRows(const ReviewerApp &app)
{
    const auto *queue = app.window() ? app.window()->findChild<QueueModel *>() : nullptr;
    return queue ? queue->rowCount() : -1;
}

} // namespace

class TestClientRobustness : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { isolateSettings(QStringLiteral("tst_clientrobustness")); }
    void cleanupTestCase() { removeIsolatedSettings(); }

    // A real session of the app (profile saved, token kept by the app's TokenStore, queue
    // loaded, events live), then every file the app may write is searched for the token.
    void tokenIsNeverWrittenInClear()
    {
        TestServer server;
        QVERIFY(server.start());
        const QByteArray token = server.token(Role::Reviewer, QStringLiteral("rita"));
        const QByteArray agent = server.token(Role::Agent, QStringLiteral("bot"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(server.submit(agent).status, 201);

        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY(QDir().mkpath(dataDir));
        {
            auto app = std::make_unique<ReviewerApp>(dataDir + QStringLiteral("/decision-history.db"));
            app->start(server.url(), QString::fromLatin1(token));
            // The app's own profile path: what the connect dialog does on "Connect".
            TokenStore tokens;
            ProfileStore profiles(&tokens);
            const QString name = profiles.unusedName(QStringLiteral("Office"));
            const auto added = profiles.add(ConnectionProfile{name, server.url()});
            CS_VERIFY_OK(added);
            profiles.setLastUsed(name);
            const auto written = Test::await(tokens.write(name, QString::fromLatin1(token)));
            QVERIFY(written.has_value());
            qInfo("token store: %s", tokens.isPersistent() ? "keychain" : qPrintable(tokens.unavailableReason()));
            // The session runs: the queue loads and a live event arrives.
            QCOMPARE(server.submit(agent).status, 201);
            QTRY_COMPARE_WITH_TIMEOUT(queueRows(*app), 4, 20000);
            app.reset(); // closing writes whatever the app keeps: the search comes after
        }
        QSettings().sync();

        // Everything under the test-mode standard locations (settings, app data, caches).
        const QStringList roots{QFileInfo(QSettings().fileName()).absolutePath(),
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation),
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation),
            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation),
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)};
        const QByteArray secret = token.mid(3); // without the "cs_" prefix
        int files = 0;
        QStringList leaks;
        for (const QString &root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                ++files;
                const QByteArray content = f.readAll();
                if (content.contains(secret) || content.contains(secret.toBase64())
                    || content.contains(QString::fromLatin1(secret).toUtf8().toHex())
                    || QString::fromUtf8(content).contains(QString::fromLatin1(secret))
                    || content.contains(QByteArray(
                        reinterpret_cast<const char *>(QString::fromLatin1(secret).utf16()), secret.size() * 2)))
                    leaks.append(f.fileName());
            }
        }
        qInfo("FIGURES token scan: %d files searched, %lld leaks", files, qint64(leaks.size()));
        QVERIFY(files >= 1); // the settings file at least
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u',')));
    }

    // Found by this test: ~MainWindow once deleted the controller before the views whose
    // teardown signals reach it (a null controller, SIGSEGV). Closing after a live session
    // must leave the server serving and the app gone quietly.
    void appClosesAfterALiveSession()
    {
        TestServer server;
        QVERIFY(server.start());
        const QByteArray token = server.token(Role::Reviewer, QStringLiteral("rita"));
        QCOMPARE(server.submit(server.token(Role::Agent)).status, 201);
        auto app = std::make_unique<ReviewerApp>(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/close.db"));
        app->start(server.url(), QString::fromLatin1(token));
        QCOMPARE(server.submit(server.token(Role::Agent)).status, 201); // a live event too
        QTRY_COMPARE_WITH_TIMEOUT(queueRows(*app), 2, 20000);
        app.reset();
        QVERIFY(server.http().get(QStringLiteral("/healthz")).status == 200);
    }

    void hostileRestReplies_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::newRow("malformed json") << answer(200, "{\"items\": [ {\"id\": ");
        QTest::newRow("not an object") << answer(200, "[1, 2, 3]");
        QTest::newRow("wrong types") << answer(
            200, "{\"items\": {\"a\": 1}, \"next_cursor\": 5, \"name\": [], \"role\": {}}");
        QTest::newRow("items of garbage") << answer(
            200, "{\"items\": [1, \"x\", null, {\"id\": 7, \"state\": \"exploded\", \"created_at\": \"yesterday\"}]}");
        QTest::newRow("deep nesting") << answer(200, QByteArray(200'000, '['));
        QTest::newRow("binary") << answer(200, QByteArray::fromHex("00ff00fe8081c0c1f5ff") + QByteArray(4096, '\0'));
        QTest::newRow("html error") << answer(500, "<html><body>oops</body></html>", "Content-Type: text/html\r\n");
        QTest::newRow("error of wrong shape") << answer(409, "{\"error\": \"conflict\"}");
        QTest::newRow("lying length") << answer(200, "{\"items\": []", {}, 10'000);
        QTest::newRow("no headers") << QByteArray("garbage\r\n\r\n{}");
        QTest::newRow("50 MB json string") << answer(200, "{\"items\": [], \"x\": \"" + fiftyMegabytes('a') + "\"}");
        QTest::newRow("50 MB of items") << answer(200, "{\"items\": [" + QByteArray(25 * 1024 * 1024, ' ') + "{}]}");
        QTest::newRow("50 MB error body") << answer(400, fiftyMegabytes('{'));
        QTest::newRow("50 MB binary") << answer(200, fiftyMegabytes('\xff'));
    }
    void hostileRestReplies()
    {
        QFETCH(QByteArray, reply);
        HostileServer hostile;
        hostile.reply = reply;
        ServerConnection connection;
        connection.setServer(hostile.url(), QStringLiteral("cs_token"));
        QueueModel model;
        StallMeter stalls;
        QElapsedTimer timer;
        timer.start();

        const auto page = Test::await(connection.listActions(ActionQuery{}));
        QVERIFY2(page.has_value(), "listActions never finished");
        if (*page)
            model.resetActions(page->value().items); // whatever got through must be displayable
        else
            QVERIFY(!page->error().message.isEmpty());
        const auto me = Test::await(connection.whoAmI());
        QVERIFY(me.has_value());
        const auto action = Test::await(connection.fetchAction(QStringLiteral("a-1")));
        QVERIFY(action.has_value());
        if (*action)
            model.upsert(**action);
        const auto decided = Test::await(connection.decide(QStringLiteral("a-1"), Decision{}));
        QVERIFY(decided.has_value());
        for (int r = 0; r < model.rowCount(); ++r) {
            for (int c = 0; c < model.columnCount(); ++c)
                (void)model.data(model.index(r, c));
        }
        qInfo("FIGURES %s: 4 calls in %lld ms, longest event-loop stall %lld ms, list %s", QTest::currentDataTag(),
            timer.elapsed(), stalls.worstMs(), *page ? "accepted" : qPrintable(page->error().message.left(80)));
        QVERIFY2(stalls.worstMs() < 3000, qPrintable(QString::number(stalls.worstMs())));
    }

    void hostileWebSocketFrames()
    {
        HostileServer hostile;
        hostile.reply = answer(200, "{\"events\": \"nope\", \"last_seq\": \"x\"}");
        QRandomGenerator random(7);
        hostile.onWebSocket = [&random](QWebSocket *ws) {
            ws->sendTextMessage(QStringLiteral("not json at all"));
            ws->sendTextMessage(QStringLiteral("{\"type\":\"hello\",\"last_seq\":\"NaN\"}"));
            ws->sendTextMessage(QStringLiteral("{\"seq\":\"abc\",\"type\":7}"));
            ws->sendTextMessage(QStringLiteral("{\"seq\":1e308,\"type\":\"action.created\",\"action\":[]}"));
            ws->sendTextMessage(QStringLiteral("{\"seq\":-5,\"type\":\"action.decided\",\"action\":{\"id\":{}}}"));
            ws->sendTextMessage(QString(200'000, u'['));
            QByteArray binary(1024 * 1024, '\0');
            for (char &c : binary)
                c = char(random.bounded(256));
            ws->sendBinaryMessage(binary);
            ws->sendTextMessage(QString::fromLatin1(QByteArray(50 * 1024 * 1024, 'x'))); // over the client's cap
            ws->sendTextMessage(QStringLiteral("{\"seq\":3,\"type\":\"action.created\",\"action_id\":\"a-3\"}"));
        };
        ServerConnection connection;
        connection.setServer(hostile.url(), QStringLiteral("cs_token"));
        QueueModel model;
        int events = 0;
        QObject::connect(connection.events(), &EventStream::eventReceived, &model, [&](const Event &) {
            ++events;
        });
        StallMeter stalls;
        connection.startEvents(0);
        QTRY_VERIFY_WITH_TIMEOUT(hostile.webSockets >= 2, 20000); // it reconnects after being cut off
        QTest::qWait(500); // the stream runs against the hostile server a while: stalls are measured
        const EventStream::State state = connection.events()->state();
        connection.stopEvents();
        qInfo("FIGURES websocket: %d connections, %d events delivered, state %d, longest stall %lld ms",
            hostile.webSockets, events, int(state), stalls.worstMs());
        QVERIFY(state != EventStream::State::Stopped);
        QVERIFY2(stalls.worstMs() < 3000, qPrintable(QString::number(stalls.worstMs())));
    }
};

QTEST_MAIN(TestClientRobustness)
#include "tst_clientrobustness.moc"
