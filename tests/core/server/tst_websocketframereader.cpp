#include "server/websocketframereader.h"

#include <QTest>

using namespace Countersign;

namespace {

using Kind = WebSocketFrameReader::Event::Kind;

QByteArray masked(quint8 first, const QByteArray &payload)
{
    const QByteArray key("\x01\x02\x03\x04", 4);
    QByteArray frame;
    frame.append(char(first));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xFF));
    }
    frame.append(key);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ key.at(i % 4)));
    return frame;
}

} // namespace

class TestWebSocketFrameReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dataIsDroppedPingsAndClosesReported()
    {
        WebSocketFrameReader reader(1024);
        QVERIFY(reader.feed(masked(0x81, "hello")).isEmpty());
        auto events = reader.feed(masked(0x89, "ping!"));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, Kind::Ping);
        QCOMPARE(events.first().payload, QByteArray("ping!"));
        events = reader.feed(masked(0x88, QByteArray("\x03\xe8", 2)));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, Kind::Close);
        QCOMPARE(events.first().closeCode, 1000);
        QVERIFY(reader.finished());
    }

    void byteByByte()
    {
        WebSocketFrameReader reader(1024);
        const QByteArray stream = masked(0x01, QByteArray(200, 'a')) + masked(0x80, "b") + masked(0x89, "p");
        QList<WebSocketFrameReader::Event> events;
        for (char c : stream)
            events += reader.feed(QByteArrayView(&c, 1));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().payload, QByteArray("p"));
        QVERIFY(!reader.finished());
    }

    void violations_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("unmasked") << QByteArray("\x81\x02hi", 4) << 1002;
        QTest::newRow("rsv1") << masked(0xC1, "x") << 1002;
        QTest::newRow("reserved opcode") << masked(0x83, "x") << 1002;
        QTest::newRow("reserved control opcode") << masked(0x8B, "x") << 1002;
        QTest::newRow("fragmented ping") << masked(0x09, "x") << 1002;
        QTest::newRow("long ping") << masked(0x89, QByteArray(126, 'p')) << 1002;
        QTest::newRow("stray continuation") << masked(0x80, "x") << 1002;
        QTest::newRow("message inside a message") << masked(0x01, "a") + masked(0x81, "b") << 1002;
        QTest::newRow("one-byte close") << masked(0x88, "x") << 1002;
        QTest::newRow("too big") << masked(0x82, QByteArray(300, 'x')) << 1009;
        QTest::newRow("too big in pieces")
            << masked(0x02, QByteArray(200, 'x')) + masked(0x80, QByteArray(200, 'x')) << 1009;
        QTest::newRow("64-bit length top bit")
            << QByteArray("\x82\xff\x80\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04", 14) << 1002;
    }
    void violations()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        WebSocketFrameReader reader(256);
        const auto events = reader.feed(bytes);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last().kind, Kind::Violation);
        QCOMPARE(int(events.last().closeCode), code);
        QVERIFY(!events.last().reason.isEmpty());
        QVERIFY(reader.finished());
        QVERIFY(reader.feed(masked(0x89, "p")).isEmpty()); // nothing after the end
    }

    void serverFrames()
    {
        QCOMPARE(WebSocketFrameReader::frame(0xA, "ab"),
            QByteArray("\x8a\x02"
                       "ab",
                4));
        QCOMPARE(WebSocketFrameReader::closeFrame(1002, QStringLiteral("no")),
            QByteArray("\x88\x04\x03\xea"
                       "no",
                6));
        QCOMPARE(WebSocketFrameReader::closeFrame(0, {}), QByteArray("\x88\x00", 2));
    }
};

QTEST_GUILESS_MAIN(TestWebSocketFrameReader)
#include "tst_websocketframereader.moc"
