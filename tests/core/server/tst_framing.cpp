#include "rawhttpclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

// HTTP/1.1 framing as RFC 9112 wants it, against a real server on loopback through a raw
// socket: what the connection guard reads must be what Qt HttpServer reads, so anything the two
// could read differently is refused with 400 and the connection closed; connections that are
// not kept alive are closed after their answer; a head made of blank lines still times out.
class TestFraming : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.requestTimeout = std::chrono::milliseconds(600);
        // Long, so a connection closed within a second was closed on purpose, not for idling.
        config.limits.idleTimeout = std::chrono::milliseconds(20'000);
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
    }
    void cleanup() { m_server.reset(); }

    void ambiguousFramingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("named");
        const QByteArray post = "POST /v1/actions HTTP/1.1\r\nHost: x\r\n";
        QTest::newRow("signed length") << post + "Content-Length: +2\r\n\r\n{}" << QByteArray("Content-Length");
        QTest::newRow("space before colon") << post + "Content-Length : 2\r\n\r\n{}" << QByteArray("whitespace");
        QTest::newRow("tab before colon") << post + "Content-Length\t: 2\r\n\r\n{}" << QByteArray("whitespace");
        QTest::newRow("length list") << post + "Content-Length: 2, 2\r\n\r\n{}" << QByteArray("Content-Length");
        QTest::newRow("length with space") << post + "Content-Length: 2 2\r\n\r\n{}" << QByteArray("Content-Length");
        QTest::newRow("folded header") << post + "X-A: 1\r\n Content-Length: 2\r\n\r\n{}" << QByteArray("folded");
        QTest::newRow("bare CR in a value")
            << post + "X-A: 1\rContent-Length: 2\r\n\r\n{}" << QByteArray("control character");
        QTest::newRow("NUL in a value") << post + QByteArray("X-A: a\0b\r\n\r\n", 12)
                                        << QByteArray("control character");
        QTest::newRow("no Host") << QByteArray("GET /healthz HTTP/1.1\r\n\r\n") << QByteArray("Host");
        QTest::newRow("two Hosts") << QByteArray("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
                                   << QByteArray("Host");
        QTest::newRow("two Hosts in HTTP/1.0")
            << QByteArray("GET /healthz HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n") << QByteArray("Host");
        QTest::newRow("double space in request line")
            << QByteArray("GET  /healthz HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("request line");
        QTest::newRow("HTTP/2.0 in text")
            << QByteArray("GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n") << QByteArray("HTTP/1.1");
    }
    void ambiguousFramingIsRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, named);
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send(request);
        QByteArray body;
        QCOMPARE(raw.response(3000, &body), 400);
        QVERIFY2(body.contains("invalid_argument") && body.contains(named), body.constData());
        QVERIFY(raw.closedWithin(3000));
        // Nothing of it was answered as a request besides the 400.
        QVERIFY2(!raw.received.contains("HTTP/1.1"), raw.received.constData());
    }

    void wellFormedRequestsStillPass()
    {
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        // Header names in any case, optional whitespace around values, one leading CRLF.
        raw.send("\r\nGET /healthz HTTP/1.1\r\nhOsT:x\r\nX-Empty:\r\nAccept:  */*  \r\n\r\n");
        QCOMPARE(raw.response(), 200);
        raw.send("GET /healthz HTTP/1.1\nHost: x\n\n"); // bare LF line ends, which RFC 9112 allows
        QCOMPARE(raw.response(), 200);
    }

    void http10WithoutKeepAliveIsClosedAfterTheAnswer()
    {
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        QElapsedTimer timer;
        timer.start();
        raw.send("GET /healthz HTTP/1.0\r\n\r\n"); // HTTP/1.0 needs no Host
        QCOMPARE(raw.response(), 200);
        QVERIFY(raw.closedWithin(3000));
        QVERIFY(timer.elapsed() < 3000); // not the 20 s idle timeout
    }

    void connectionCloseIsClosedAfterTheAnswer()
    {
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(raw.response(), 200);
        QVERIFY(raw.closedWithin(3000));
    }

    void pipelinedRequestsAfterTheLastAreNotAnswered()
    {
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        const QByteArray get = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        raw.send(get + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + get);
        QCOMPARE(raw.response(), 200);
        QCOMPARE(raw.response(), 200);
        QVERIFY(raw.closedWithin(3000));
        QCOMPARE(raw.response(500), 0);
    }

    void http10KeepAliveStaysOpen()
    {
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QCOMPARE(raw.response(), 200);
        raw.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QCOMPARE(raw.response(), 200);
        QCOMPARE(raw.socket.state(), QAbstractSocket::ConnectedState);
    }

    void longPollOverHttp10IsClosedAfterItsAnswer()
    {
        const QByteArray agent = m_server->token(Role::Agent, QStringLiteral("bot"));
        const QString id = m_server->submit(agent).json().value(QLatin1String("id")).toString();
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send(
            "GET /v1/actions/" + id.toLatin1() + "?wait=1 HTTP/1.0\r\nAuthorization: Bearer " + agent + "\r\n\r\n");
        QCOMPARE(raw.response(), 200);
        QVERIFY(raw.closedWithin(3000));
    }

    // A client sending one CRLF at a time never starts a request line; each byte used to reset
    // the idle timer and no request timer ran. Blank lines now count as the head's start.
    void crlfTrickleIsClosed()
    {
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        QElapsedTimer timer;
        timer.start();
        bool closed = false;
        while (!closed && timer.elapsed() < 6000) {
            raw.send("\r\n");
            closed = raw.closedWithin(100); // also the pace of the trickle
        }
        QVERIFY2(closed, "a connection trickling blank lines stayed open");
        QVERIFY(timer.elapsed() < 3000); // the 600 ms request timeout, not the 20 s idle one
    }

    void aRequestAfterOneBlankLineIsServed()
    {
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send("\r\n");
        raw.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(raw.response(), 200);
    }

    // RFC 6455 section 5.1: a server must close the connection on an unmasked client frame
    // (status 1002). Qt's reader lets them through; the connection guard reads frames first.
    void unmaskedWebSocketFrameIsClosedWith1002()
    {
        RawHttpClient raw;
        QVERIFY(upgrade(raw));
        raw.send(QByteArray("\x81\x05hello", 7)); // a text frame without a mask
        QVERIFY(raw.closedWithin(3000));
        const qsizetype close = raw.received.indexOf(QByteArray("\x88", 1));
        QVERIFY2(close >= 0, raw.received.toHex().constData());
        QCOMPARE(raw.received.mid(close + 2, 2), QByteArray("\x03\xea", 2)); // 1002
        QVERIFY(raw.received.mid(close + 4).contains("masked"));
    }

    void maskedFramesAreFineAndPingsArePonged()
    {
        RawHttpClient raw;
        QVERIFY(upgrade(raw));
        raw.send(masked(0x1, "hello")); // read and ignored
        raw.send(masked(0x9, "are you there")); // a ping
        QTRY_VERIFY_WITH_TIMEOUT(
            (raw.received += raw.socket.readAll()).contains(QByteArray(QByteArray("\x8a\x0d", 2) + "are you there")),
            3000);
        // The stream still works.
        const QByteArray agent = m_server->token(Role::Agent, QStringLiteral("bot"));
        QCOMPARE(m_server->submit(agent).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT((raw.received += raw.socket.readAll()).contains("action.created"), 3000);
        QCOMPARE(raw.socket.state(), QAbstractSocket::ConnectedState);
        // A close is answered with a close (echoing 1000), then the connection ends.
        raw.send(masked(0x8, QByteArray("\x03\xe8", 2)));
        QVERIFY(raw.closedWithin(3000));
        QVERIFY2(raw.received.contains(QByteArray("\x88\x02\x03\xe8", 4)), raw.received.toHex().constData());
    }

    void reservedBitsAndOpcodesAreClosedWith1002_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QByteArray rsv = masked(0x1, "x");
        rsv[0] = char(0xC1); // RSV1 without an extension
        QTest::newRow("reserved bit") << rsv;
        QTest::newRow("reserved opcode") << masked(0x3, "x");
        QByteArray fragmentedPing = masked(0x9, "x");
        fragmentedPing[0] = char(0x09); // FIN clear
        QTest::newRow("fragmented ping") << fragmentedPing;
        QTest::newRow("stray continuation") << masked(0x0, "x");
    }
    void reservedBitsAndOpcodesAreClosedWith1002()
    {
        QFETCH(QByteArray, frame);
        RawHttpClient raw;
        QVERIFY(upgrade(raw));
        raw.send(frame);
        QVERIFY(raw.closedWithin(3000));
        QVERIFY2(raw.received.contains(QByteArray("\x03\xea", 2)), raw.received.toHex().constData());
    }

    void dataBeforeTheHandshakeAnswerIsRefused()
    {
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.send(upgradeRequest() + masked(0x1, "too early"));
        QCOMPARE(raw.response(), 400);
        QVERIFY(raw.closedWithin(3000));
    }

private:
    QByteArray upgradeRequest()
    {
        const QByteArray reviewer = m_server->token(Role::Reviewer, QStringLiteral("rita"));
        return "GET /v1/events HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
               "Authorization: Bearer "
            + reviewer + "\r\n\r\n";
    }

    // Sends the upgrade and waits for the 101 and the server's hello message.
    bool upgrade(RawHttpClient &raw)
    {
        if (!raw.connectTo(m_server->port()))
            return false;
        raw.send(upgradeRequest());
        QByteArray head;
        if (raw.response(5000, nullptr, &head) != 101) {
            qWarning("no 101: %s", head.constData());
            return false;
        }
        // The server is in this process: let it run, then look.
        if (!QTest::qWaitFor(
                [&] {
                    raw.received += raw.socket.readAll();
                    return raw.received.contains("hello");
                },
                5000))
            return false;
        raw.received.clear();
        return true;
    }

    // A client frame, masked as RFC 6455 requires.
    static QByteArray masked(quint8 opcode, const QByteArray &payload)
    {
        const QByteArray key("\x37\xfa\x21\x3d", 4);
        QByteArray frame;
        frame.append(char(0x80 | opcode));
        frame.append(char(0x80 | payload.size())); // short payloads only
        frame.append(key);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(char(payload.at(i) ^ key.at(i % 4)));
        return frame;
    }

    std::unique_ptr<TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestFraming)
#include "tst_framing.moc"
