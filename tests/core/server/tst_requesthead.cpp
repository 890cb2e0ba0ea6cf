#include "server/requesthead.h"
#include "testresult.h"

#include <QTest>

using namespace Countersign;

class TestRequestHead : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findEnd_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<qsizetype>("end");
        QTest::newRow("crlf") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\nbody") << qsizetype(27);
        QTest::newRow("lf only") << QByteArray("GET / HTTP/1.1\nHost: x\n\nbody") << qsizetype(24);
        QTest::newRow("incomplete") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n") << qsizetype(-1);
        QTest::newRow("leading blank lines") << QByteArray("\r\n\r\nGET / HTTP/1.1\r\n\r\n") << qsizetype(22);
        QTest::newRow("no headers") << QByteArray("GET / HTTP/1.1\r\n\r\n") << qsizetype(18);
        QTest::newRow("empty") << QByteArray() << qsizetype(-1);
    }
    void findEnd()
    {
        QFETCH(QByteArray, data);
        QFETCH(qsizetype, end);
        QCOMPARE(RequestHead::findEnd(data), end);
    }

    void parse()
    {
        const QByteArray head = "POST /v1/actions HTTP/1.1\r\nHost: x\r\nContent-Length: 42\r\n"
                                "Authorization: Bearer t\r\n\r\n";
        const auto parsed = RequestHead::parse(head);
        QVERIFY(parsed);
        QCOMPARE(parsed->method, QByteArray("POST"));
        QCOMPARE(parsed->target, QByteArray("/v1/actions"));
        QCOMPARE(parsed->contentLength, 42);
        QVERIFY(!parsed->hasTransferEncoding);
        QVERIFY(!parsed->webSocketUpgrade);
        QCOMPARE(parsed->length, head.size());
    }

    void parseUpgradeAndChunked()
    {
        auto ws = RequestHead::parse(
            "GET /v1/events HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Upgrade\r\nUpgrade: WebSocket\r\n\r\n");
        QVERIFY(ws);
        QVERIFY(ws->webSocketUpgrade);
        auto chunked = RequestHead::parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        QVERIFY(chunked);
        QVERIFY(chunked->hasTransferEncoding);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n")
                                    << QStringLiteral("Content-Length");
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
                                         << QStringLiteral("Content-Length");
        QTest::newRow("two lengths") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                                     << QStringLiteral("Content-Length");
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << QStringLiteral("request");
        QTest::newRow("header without colon")
            << QByteArray("GET / HTTP/1.1\r\nnonsense\r\n\r\n") << QStringLiteral("request");
        // Framing two parsers could read differently (RFC 9112): refused, never guessed at.
        QTest::newRow("signed length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n")
                                       << QStringLiteral("Content-Length");
        QTest::newRow("length list") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2,2\r\n\r\n")
                                     << QStringLiteral("Content-Length");
        QTest::newRow("length overflow") << QByteArray(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n")
                                         << QStringLiteral("Content-Length");
        QTest::newRow("space before colon")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length : 2\r\n\r\n") << QStringLiteral("request");
        QTest::newRow("folded line") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n\t2\r\n\r\n")
                                     << QStringLiteral("request");
        QTest::newRow("name not a token")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX(A): 1\r\n\r\n") << QStringLiteral("request");
        QTest::newRow("control in value")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\x01\r\n\r\n") << QStringLiteral("X-A");
        QTest::newRow("no Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << QStringLiteral("Host");
        QTest::newRow("two Hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n")
                                   << QStringLiteral("Host");
        QTest::newRow("HTTP/0.9 style") << QByteArray("GET / HTTP/0.9\r\n\r\n") << QStringLiteral("request");
        QTest::newRow("lowercase version")
            << QByteArray("GET / http/1.1\r\nHost: x\r\n\r\n") << QStringLiteral("request");
    }
    void keepAlive_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("1.1") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << true;
        QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n") << false;
        QTest::newRow("1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
        QTest::newRow("not a token match")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: closed\r\n\r\n") << true;
    }
    void keepAlive()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, keepAlive);
        const auto parsed = RequestHead::parse(head);
        CS_VERIFY_OK(parsed);
        QCOMPARE(parsed->keepAlive, keepAlive);
    }

    void refusals()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, field);
        const auto parsed = RequestHead::parse(head);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().field, field);
    }
};

QTEST_GUILESS_MAIN(TestRequestHead)
#include "tst_requesthead.moc"
