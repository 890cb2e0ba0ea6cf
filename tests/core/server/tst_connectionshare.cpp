// Issue 20, item 3: no one client can lock the others out. WebSockets are never closed as
// idle, so before this twenty sockets of one agent token with --max-connections 20 made every
// other request, /healthz included, answer 503. Now a token holds at most its share of the
// connections and --max-sockets-per-token WebSockets (beyond: 429 with Retry-After), an address
// holds at most its share before a request authenticates, and WebSockets and long polls
// together leave --reserved-connections to short requests.
#include "rawhttpclient.h"
#include "testserver.h"

#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

using Raw = RawHttpClient;

QByteArray upgrade(const QByteArray &token)
{
    return "GET /v1/events HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer "
        + token + "\r\n\r\n";
}

// The status of a WebSocket upgrade over a raw connection (101, or the refusal), its head.
int openSocket(Raw &raw, quint16 port, const QByteArray &token, QByteArray *head = nullptr)
{
    if (!raw.connectTo(port))
        return 0;
    raw.send(upgrade(token));
    QByteArray responseHead;
    const int status = raw.response(5000, nullptr, &responseHead);
    if (head)
        *head = responseHead;
    return status;
}

QByteArray headerOf(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed();
    }
    return {};
}

} // namespace

class TestConnectionShare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The report's case: one agent token opens WebSockets until refused. It gets its share
    // (a quarter of 20, less one connection left for its requests), then 429 with Retry-After;
    // /healthz, reviewers and their sockets, and the agent's own requests go on.
    void oneTokensWebSocketsCannotLockOthersOut()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxConnections = 20;
        TestServer server(config);
        QVERIFY(server.start());
        const QByteArray agent = server.token(Role::Agent, QStringLiteral("bot"));
        const QByteArray reviewer = server.token(Role::Reviewer, QStringLiteral("rita"));

        std::vector<std::unique_ptr<Raw>> sockets;
        QList<int> statuses;
        QByteArray refusedHead;
        for (int i = 0; i < 20; ++i) {
            sockets.push_back(std::make_unique<Raw>());
            QByteArray head;
            statuses.append(openSocket(*sockets.back(), server.port(), agent, &head));
            if (statuses.last() != 101 && refusedHead.isEmpty())
                refusedHead = head;
        }
        QCOMPARE(config.limits.socketsPerToken(), 4);
        QCOMPARE(statuses.count(101), 4);
        QCOMPARE(statuses.count(429), 16);
        QVERIFY2(headerOf(refusedHead, "Retry-After").toInt() >= 1, refusedHead.constData());

        QCOMPARE(server.http().get(QStringLiteral("/healthz")).status, 200);
        QCOMPARE(server.http().get(QStringLiteral("/v1/actions"), reviewer).status, 200);
        Raw reviewerSocket;
        QCOMPARE(openSocket(reviewerSocket, server.port(), reviewer), 101);
        // The agent's sockets are still open and streaming.
        QCOMPARE(server.submit(agent).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(sockets.front()->socket.bytesAvailable() > 0, 5000);
    }

    void socketsPerToken()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxConnections = 100;
        config.limits.maxSocketsPerToken = 3;
        TestServer server(config);
        QVERIFY(server.start());
        const QByteArray agent = server.token(Role::Agent, QStringLiteral("bot"));
        std::vector<std::unique_ptr<Raw>> sockets;
        for (int i = 0; i < 3; ++i) {
            sockets.push_back(std::make_unique<Raw>());
            QCOMPARE(openSocket(*sockets.back(), server.port(), agent), 101);
        }
        Raw fourth;
        QByteArray head;
        QCOMPARE(openSocket(fourth, server.port(), agent, &head), 429);
        QVERIFY2(headerOf(head, "Retry-After").toInt() >= 1, head.constData());
        QVERIFY(fourth.closedWithin(3000));
        // Another token is not affected; one socket closed makes room for the next.
        QCOMPARE(
            openSocket(*std::make_unique<Raw>(), server.port(), server.token(Role::Agent, QStringLiteral("b2"))), 101);
        sockets.front()->socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(openSocket(*std::make_unique<Raw>(), server.port(), agent), 101, 5000);
    }

    // Connections that never authenticate, from one address, stop at its share: the reserve
    // stays for other addresses (and, at the cap, idle ones make room as before).
    void oneAddressCannotTakeTheReserve()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxConnections = 20;
        TestServer server(config);
        QVERIFY(server.start());
        const int share = config.limits.perAddress();
        QCOMPARE(share, 18);
        std::vector<std::unique_ptr<Raw>> busy;
        for (int i = 0; i < share; ++i) {
            busy.push_back(std::make_unique<Raw>());
            QVERIFY(busy.back()->connectTo(server.port()));
            busy.back()->send("GET /healthz HTTP/1.1\r\n"); // a request under way: never idle
        }
        auto healthzFromElsewhere = [&server] {
            Raw elsewhere; // 127.0.0.2 is loopback too, another address
            if (!elsewhere.socket.bind(QHostAddress(QStringLiteral("127.0.0.2")))
                || !elsewhere.connectTo(server.port()))
                return 0;
            elsewhere.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            return elsewhere.response(5000);
        };
        // Answered after the server has read the busy ones' heads.
        QCOMPARE(healthzFromElsewhere(), 200);
        for (int i = 0; i < 2; ++i) {
            Raw more;
            QVERIFY(more.connectTo(server.port()));
            QByteArray head;
            QCOMPARE(more.response(5000, nullptr, &head), 429);
            QVERIFY(headerOf(head, "Retry-After").toInt() >= 1);
            QVERIFY(more.closedWithin(3000));
        }
        for (int i = 0; i < share; ++i) {
            QCOMPARE(busy.at(i)->socket.state(), QAbstractSocket::ConnectedState);
            QCOMPARE(busy.at(i)->socket.bytesAvailable(), 0);
        }
        QCOMPARE(healthzFromElsewhere(), 200);
    }

    // Long polls hold connections as WebSockets do: together they stop short of the reserve.
    void longPollsLeaveTheReserve()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxConnections = 12;
        config.limits.maxConnectionsPerToken = 12;
        TestServer server(config);
        QVERIFY(server.start());
        const QByteArray agent = server.token(Role::Agent, QStringLiteral("bot"));
        const int held = config.limits.maxHeld();
        QCOMPARE(held, 10);
        std::vector<std::unique_ptr<Raw>> polls;
        auto poll = [&] {
            const QString id = server.submit(agent).json().value(QLatin1String("id")).toString();
            polls.push_back(std::make_unique<Raw>());
            if (!polls.back()->connectTo(server.port()))
                return false;
            polls.back()->send("GET /v1/actions/" + id.toLatin1() + "?wait=30 HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer " + agent + "\r\n\r\n");
            return true;
        };
        for (int i = 0; i < held; ++i)
            QVERIFY(poll());
        QTRY_COMPARE_WITH_TIMEOUT(server.http().metric("countersign_long_poll_waiters"), held, 5000);
        QVERIFY(poll());
        QByteArray head;
        QCOMPARE(polls.back()->response(5000, nullptr, &head), 503);
        QVERIFY(headerOf(head, "Retry-After").toInt() >= 1);
        for (int i = 0; i < held; ++i)
            QCOMPARE(polls.at(i)->socket.bytesAvailable(), 0);
        QCOMPARE(server.http().get(QStringLiteral("/healthz")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestConnectionShare)
#include "tst_connectionshare.moc"
