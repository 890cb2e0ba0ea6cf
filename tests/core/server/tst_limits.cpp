#include "rawhttpclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

using Raw = RawHttpClient;

QByteArray post(const QByteArray &path, qint64 length, const QByteArray &token = {}, const QByteArray &extra = {})
{
    QByteArray head = "POST " + path
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(length) + "\r\n" + extra;
    if (!token.isEmpty())
        head += "Authorization: Bearer " + token + "\r\n";
    return head + "\r\n";
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxBodyBytes = 64 * 1024;
        config.limits.maxHeaderBytes = 4 * 1024;
        config.limits.requestTimeout = std::chrono::milliseconds(600);
        config.limits.idleTimeout = std::chrono::milliseconds(400);
        config.limits.maxConnections = 6;
        config.limits.maxConnectionsPerAddress = 6; // the global cap, not one address's share (tst_connectionshare)
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_agent = m_server->token(Role::Agent, QStringLiteral("bot"));
    }
    void cleanup() { m_server.reset(); }

    void announcedHugeBodyIsRefusedAtOnce()
    {
        Raw raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send(post("/v1/actions", qint64(10) * 1024 * 1024 * 1024, m_agent)); // 10 GiB announced, none sent
        QByteArray body;
        QCOMPARE(raw.response(3000, &body), 413);
        QVERIFY(body.contains("payload_too_large"));
        QVERIFY(raw.closedWithin(7000));
    }

    void sentOversizedBodyIsDrainedNotBuffered()
    {
        Raw raw;
        QVERIFY(raw.connectTo(m_server->port()));
        const QByteArray body(200 * 1024, 'x');
        raw.send(post("/v1/actions", body.size(), m_agent) + body);
        QCOMPARE(raw.response(), 413);
        QVERIFY(raw.closedWithin(7000));
    }

    void oversizedBodyThroughAnOrdinaryClient()
    {
        const HttpResult r = m_server->http().postRaw(
            QStringLiteral("/v1/actions"), "{\"type\":\"" + QByteArray(100 * 1024, 'a') + "\"}", m_agent);
        QVERIFY2(r.status == 413,
            qPrintable(QStringLiteral("status %1, network error %2").arg(r.status).arg(int(r.networkError))));
        QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
        // The server is fine afterwards.
        QCOMPARE(m_server->submit(m_agent).status, 201);
    }

    void bodyAtTheCapIsRead()
    {
        // Exactly at the limit passes the guard (and is then judged on its content).
        QByteArray json = "{\"type\":\"x.y\",\"title\":\"t\",\"payload\":{\"content\":\"";
        const QByteArray tail = "\"}}";
        json += QByteArray(64 * 1024 - json.size() - tail.size(), 'y') + tail;
        QCOMPARE(json.size(), 64 * 1024);
        QCOMPARE(m_server->http().postRaw(QStringLiteral("/v1/actions"), json, m_agent).status, 201);
    }

    void oversizedHeadIsRefused()
    {
        Raw raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + QByteArray(8 * 1024, 'p') + "\r\n\r\n");
        QCOMPARE(raw.response(), 431);
    }

    void oversizedHeadInPiecesIsRefused()
    {
        Raw raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send("GET /healthz HTTP/1.1\r\nHost: x\r\n");
        QTest::qWait(30); // the head arrives in pieces, each read on its own
        for (int i = 0; i < 10; ++i) {
            raw.send("X-Padding-" + QByteArray::number(i) + ": " + QByteArray(600, 'p') + "\r\n");
            QTest::qWait(20); // likewise
        }
        QCOMPARE(raw.response(), 431);
    }

    void chunkedBodiesAreRefused()
    {
        Raw raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send("POST /v1/actions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        QByteArray body;
        QCOMPARE(raw.response(3000, &body), 411);
        QVERIFY(body.contains("Transfer-Encoding"));
    }

    void malformedHeadIsRefused()
    {
        Raw raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send("POST /v1/actions HTTP/1.1\r\nContent-Length: lots\r\n\r\n");
        QCOMPARE(raw.response(), 400);
    }

    void slowHeadTimesOut()
    {
        Raw raw;
        QVERIFY(raw.connectTo(m_server->port()));
        QElapsedTimer timer;
        timer.start();
        // One byte every 100 ms keeps the connection busy but never finishes the head.
        const QByteArray head = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";
        int status = 0;
        for (qsizetype i = 0; i < head.size() && status == 0; ++i) {
            raw.send(head.mid(i, 1));
            status = raw.response(100);
        }
        while (status == 0 && timer.elapsed() < 5000)
            status = raw.response(100);
        QCOMPARE(status, 408);
        QVERIFY(timer.elapsed() < 3000);
    }

    void slowBodyTimesOut()
    {
        Raw raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send(post("/v1/actions", 100, m_agent) + "{\"type\":");
        QCOMPARE(raw.response(3000), 408);
    }

    void headAndBodyInPiecesAreFine()
    {
        Raw raw;
        QVERIFY(raw.connectTo(m_server->port()));
        const QByteArray json = QJsonDocument(TestServer::submitBody()).toJson(QJsonDocument::Compact);
        const QByteArray all = post("/v1/actions", json.size(), m_agent) + json;
        for (qsizetype i = 0; i < all.size(); i += 37) {
            raw.send(all.mid(i, 37));
            QTest::qWait(1); // one piece per read
        }
        QCOMPARE(raw.response(), 201);
        // Keep-alive: the next request on the same connection is guarded too.
        raw.send(post("/v1/actions", 999'999, m_agent));
        QCOMPARE(raw.response(), 413);
    }

    void pipelinedRequests()
    {
        Raw raw;
        QVERIFY(raw.connectTo(m_server->port()));
        const QByteArray get = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        const QByteArray json = QJsonDocument(TestServer::submitBody()).toJson(QJsonDocument::Compact);
        raw.send(get + post("/v1/actions", json.size(), m_agent) + json + get);
        QCOMPARE(raw.response(), 200);
        QCOMPARE(raw.response(), 201);
        QCOMPARE(raw.response(), 200);
    }

    void idleConnectionsAreClosed()
    {
        Raw raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(raw.response(), 200);
        QVERIFY(raw.closedWithin(3000));
    }

    void longPollOutlivesTheIdleTimeout()
    {
        const QString id = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        const HttpResult r = m_server->http().get(QStringLiteral("/v1/actions/%1?wait=1").arg(id), m_agent);
        QCOMPARE(r.status, 200);
        QVERIFY(r.elapsedMs >= 900);
    }

    void connectionCap()
    {
        std::vector<std::unique_ptr<Raw>> open;
        for (int i = 0; i < 6; ++i) {
            open.push_back(std::make_unique<Raw>());
            QVERIFY(open.back()->connectTo(m_server->port()));
            // An answer proves the server has taken the connection; the next request, begun
            // and not finished, keeps it busy (a busy connection is never closed for room).
            open.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(open.back()->response(), 200);
            open.back()->send("GET /healthz HTTP/1.1\r\n");
        }
        QTest::qWait(50); // the server reads the unfinished requests: every connection is busy
        Raw extra;
        extra.socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QByteArray body;
        QCOMPARE(extra.response(3000, &body), 503);
        QVERIFY(body.contains("too many open connections"));
        open.clear();
        // Once they are gone, connections are welcome again.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->http().get(QStringLiteral("/healthz")).status, 200, 5000);
    }

    // At the cap, connections that only sit there make room: the longest idle is closed and the
    // newcomer is served.
    void idleConnectionsMakeRoomAtTheCap()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxConnections = 6;
        config.limits.maxConnectionsPerAddress = 6;
        config.limits.idleTimeout = std::chrono::milliseconds(30'000); // only eviction closes them here
        TestServer server(config);
        QVERIFY(server.start());
        std::vector<std::unique_ptr<Raw>> idle;
        for (int i = 0; i < 6; ++i) {
            idle.push_back(std::make_unique<Raw>());
            QVERIFY(idle.back()->connectTo(server.port()));
            idle.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(idle.back()->response(), 200);
            QTest::qWait(20); // distinct idle ages
        }
        std::vector<std::unique_ptr<Raw>> newcomers;
        for (int round = 0; round < 3; ++round) {
            newcomers.push_back(std::make_unique<Raw>());
            QVERIFY(newcomers.back()->connectTo(server.port()));
            newcomers.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(newcomers.back()->response(), 200);
            // The oldest idle connection was the one closed, and only it.
            QVERIFY(idle.at(round)->closedWithin(2000));
            QCOMPARE(idle.at(round + 1)->socket.state(), QAbstractSocket::ConnectedState);
        }
    }

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_agent;
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
