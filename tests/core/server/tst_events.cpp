#include "routetestcase.h"
#include "server/storeworker.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

// A subscriber that collects the events it receives.
struct Subscriber {
    QWebSocket socket;
    QList<QJsonObject> events;
    qint64 helloSeq = -1; // last_seq of the hello that opens the stream

    Subscriber()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            if (o.value(QLatin1String("type")).toString() == QLatin1String("hello"))
                helloSeq = o.value(QLatin1String("last_seq")).toInteger();
            else
                events.append(o);
        });
    }
    bool open(const QUrl &base, const QByteArray &token, const QString &query = {}, bool tokenInQuery = false)
    {
        QUrl url = base;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/v1/events"));
        QString q = query;
        if (tokenInQuery)
            q += (q.isEmpty() ? QString() : QStringLiteral("&")) + QStringLiteral("token=")
                + QString::fromLatin1(token);
        url.setQuery(q);
        QNetworkRequest request(url);
        if (!tokenInQuery && !token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(request);
        (void)QTest::qWaitFor(
            [&] {
                return !connected.isEmpty() || !disconnected.isEmpty();
            },
            2000);
        return !connected.isEmpty();
    }
    bool waitFor(qsizetype count, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                return events.size() >= count;
            },
            timeoutMs);
    }
    QStringList types() const
    {
        QStringList t;
        for (const auto &e : events)
            t.append(e.value(QLatin1String("type")).toString());
        return t;
    }
};

// The text messages in what a server sent (unmasked frames); whole messages are taken out of
// `bytes`, the rest stays for next time.
QList<QByteArray> takeMessages(QByteArray &bytes)
{
    QList<QByteArray> messages;
    QByteArray partial;
    qsizetype pos = 0;
    qsizetype taken = 0; // end of the last whole message
    while (bytes.size() - pos >= 2) {
        const auto b0 = quint8(bytes.at(pos));
        quint64 length = quint8(bytes.at(pos + 1)) & 0x7F;
        qsizetype header = 2;
        if (length == 126) {
            if (bytes.size() - pos < 4)
                break;
            length = (quint64(quint8(bytes.at(pos + 2))) << 8) | quint8(bytes.at(pos + 3));
            header = 4;
        } else if (length == 127) {
            if (bytes.size() - pos < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | quint8(bytes.at(pos + 2 + i));
            header = 10;
        }
        if (quint64(bytes.size() - pos - header) < length)
            break;
        partial += bytes.mid(pos + header, qsizetype(length));
        pos += header + qsizetype(length);
        if (b0 & 0x80) {
            if ((b0 & 0x0F) <= 1)
                messages.append(partial);
            partial.clear();
            taken = pos;
        }
    }
    bytes.remove(0, taken);
    return messages;
}

} // namespace

class TestEvents : public RouteTestCase
{
    Q_OBJECT
private Q_SLOTS:
    void liveEventsInOrder()
    {
        m_server->submit(m_agent); // before the subscription: not sent, but counted in the hello
        Subscriber s;
        QVERIFY(s.open(m_server->url(), m_rita));
        QTRY_VERIFY_WITH_TIMEOUT(s.helloSeq >= 1, 5000);
        const QString id = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        QCOMPARE(m_server->http().post(QStringLiteral("/v1/actions/%1/claim").arg(id), {}, m_rita).status, 200);
        QCOMPARE(m_server->http().del(QStringLiteral("/v1/actions/%1/claim").arg(id), m_rita).status, 200);
        QCOMPARE(m_server->http()
                     .post(QStringLiteral("/v1/actions/%1/decision").arg(id),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_rita)
                     .status,
            200);
        QVERIFY(s.waitFor(4));
        QCOMPARE(s.types(),
            (QStringList{QStringLiteral("action.created"), QStringLiteral("action.claimed"),
                QStringLiteral("action.released"), QStringLiteral("action.decided")}));
        qint64 last = s.helloSeq;
        for (const QJsonObject &e : std::as_const(s.events)) {
            QCOMPARE(e.value(QLatin1String("action_id")).toString(), id);
            QVERIFY(e.value(QLatin1String("seq")).toInteger() > last);
            last = e.value(QLatin1String("seq")).toInteger();
        }
        QCOMPARE(s.events.last().value(QLatin1String("action")).toObject().value(QLatin1String("state")).toString(),
            QStringLiteral("approved"));
    }

    void sinceReplaysWhatWasMissed()
    {
        Subscriber first;
        QVERIFY(first.open(m_server->url(), m_rita));
        m_server->submit(m_agent);
        QVERIFY(first.waitFor(1));
        const qint64 seen = first.events.last().value(QLatin1String("seq")).toInteger();
        first.socket.close();

        QStringList missed;
        for (int i = 0; i < 3; ++i)
            missed.append(m_server->submit(m_agent).json().value(QLatin1String("id")).toString());

        Subscriber again;
        QVERIFY(again.open(m_server->url(), m_rita, QStringLiteral("since=%1").arg(seen)));
        QVERIFY(again.waitFor(3));
        const QString live = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        QVERIFY(again.waitFor(4));
        // Events arrive in order: once a later one is in, no repeat can still be on its way.
        const QString barrier = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        QVERIFY(again.waitFor(5));
        QCOMPARE(again.events.size(), 5); // no repeats
        QCOMPARE(again.events.takeLast().value(QLatin1String("action_id")).toString(), barrier);
        QStringList ids;
        qint64 last = seen;
        for (const QJsonObject &e : std::as_const(again.events)) {
            ids.append(e.value(QLatin1String("action_id")).toString());
            QVERIFY(e.value(QLatin1String("seq")).toInteger() > last);
            last = e.value(QLatin1String("seq")).toInteger();
        }
        QCOMPARE(ids, missed + QStringList{live});

        // since=0 replays everything.
        Subscriber all;
        QVERIFY(all.open(m_server->url(), m_rita, QStringLiteral("since=0")));
        QVERIFY(all.waitFor(6));
    }

    void tokenInTheQuery()
    {
        Subscriber s;
        QVERIFY(s.open(m_server->url(), m_rita, {}, true));
        m_server->submit(m_agent);
        QVERIFY(s.waitFor(1));
    }

    void refusedWithoutAValidToken()
    {
        Subscriber none;
        QVERIFY(!none.open(m_server->url(), {}));
        Subscriber wrong;
        QVERIFY(!wrong.open(m_server->url(), "cs_wrong"));
        Subscriber badSince;
        QVERIFY(!badSince.open(m_server->url(), m_rita, QStringLiteral("since=minus-one")));
        QCOMPARE(m_server->http().get(QStringLiteral("/v1/events")).status, 401);
    }

    void pollingOverPlainHttp()
    {
        const QByteArray other = m_server->token(Role::Agent, QStringLiteral("other-bot"));
        QStringList mine;
        for (int i = 0; i < 3; ++i)
            mine.append(m_server->submit(m_agent).json().value(QLatin1String("id")).toString());
        m_server->submit(other);

        const HttpResult all = m_server->http().get(QStringLiteral("/v1/events?since=0"), m_rita);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json().value(QLatin1String("events")).toArray().size(), 4);
        const qint64 last = all.json().value(QLatin1String("last_seq")).toInteger();
        QCOMPARE(all.json()
                     .value(QLatin1String("events"))
                     .toArray()
                     .last()
                     .toObject()
                     .value(QLatin1String("seq"))
                     .toInteger(),
            last);

        const HttpResult agents = m_server->http().get(QStringLiteral("/v1/events?since=0"), m_agent);
        QStringList seen;
        for (const QJsonValue &v : agents.json().value(QLatin1String("events")).toArray())
            seen.append(v.toObject().value(QLatin1String("action_id")).toString());
        QCOMPARE(seen, mine);

        const HttpResult paged = m_server->http().get(QStringLiteral("/v1/events?since=1&limit=2"), m_rita);
        QCOMPARE(paged.json().value(QLatin1String("events")).toArray().size(), 2);
        QCOMPARE(paged.json()
                     .value(QLatin1String("events"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("seq"))
                     .toInteger(),
            2);

        // Without since: nothing, but where the stream stands.
        const HttpResult now = m_server->http().get(QStringLiteral("/v1/events"), m_rita);
        QVERIFY(now.json().value(QLatin1String("events")).toArray().isEmpty());
        QCOMPARE(now.json().value(QLatin1String("last_seq")).toInteger(), last);
        QCOMPARE(
            m_server->http().get(QStringLiteral("/v1/events?since=-4"), m_rita).errorField(), QStringLiteral("since"));
    }

    void agentsSeeOnlyTheirOwn()
    {
        Subscriber mine;
        QVERIFY(mine.open(m_server->url(), m_agent));
        m_server->submit(m_server->token(Role::Agent, QStringLiteral("other-bot")));
        const QString id = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        // The other agent's action came first: once a later one of mine is in, it was not sent.
        const QString later = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        QVERIFY(mine.waitFor(2));
        QCOMPARE(mine.events.size(), 2);
        QCOMPARE(mine.events.first().value(QLatin1String("action_id")).toString(), id);
        QCOMPARE(mine.events.last().value(QLatin1String("action_id")).toString(), later);
    }

    // A client that stops reading gets no more than its window (the server neither queues the
    // history nor the live events for it), and once it reads again it gets everything, the
    // live events it missed meanwhile too, in order, each once: they come from the store.
    void stalledReaderMissesNothing()
    {
        const QString content(40 * 1024, u'x');
        for (int i = 0; i < 200; ++i) // 8 MB of history
            QCOMPARE(m_server
                         ->submit(m_agent,
                             {{QStringLiteral("payload"),
                                 QJsonObject{{QStringLiteral("content"), content},
                                     {QStringLiteral("language"), QStringLiteral("text")}}}})
                         .status,
                201);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(client.waitForConnected(5000));
        client.setReadBufferSize(64 * 1024); // Qt stops reading from the kernel beyond this
        client.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 32 * 1024);
        client.write("GET /v1/events?since=0 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                     "Authorization: Bearer "
            + m_rita + "\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += client.read(1024)).contains("\r\n\r\n"), 5000);
        QVERIFY2(received.startsWith("HTTP/1.1 101"), received.constData());
        received.remove(0, received.indexOf("\r\n\r\n") + 4);
        // Stalled: the subscriber waits for its client, holding at most about its window.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->http().metric("countersign_event_subscribers_waiting"), 1, 30000);
        const qint64 queued = m_server->http().metric("countersign_event_subscriber_bytes");
        QVERIFY2(queued > 0 && queued <= ServerLimits{}.maxWebSocketBacklogBytes + 64 * 1024,
            qPrintable(QString::number(queued)));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_server->submit(m_agent).status, 201); // live, while it is stalled
        QVERIFY(m_server->http().metric("countersign_event_subscriber_bytes")
            <= ServerLimits{}.maxWebSocketBacklogBytes + 64 * 1024);
        const qint64 last = m_server->server()
                                .storeWorker()
                                ->call<qint64>([](Store &store) {
                                    return store.lastEventSeq();
                                })
                                .value_or(-1);
        QCOMPARE(last, 203);

        client.setReadBufferSize(0);
        QList<qint64> seqs;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                received += client.readAll();
                for (const QByteArray &m : takeMessages(received)) {
                    const QJsonObject o = QJsonDocument::fromJson(m).object();
                    if (o.value(QLatin1String("type")).toString() != QLatin1String("hello"))
                        seqs.append(o.value(QLatin1String("seq")).toInteger());
                }
                return !seqs.isEmpty() && seqs.last() >= last;
            }(),
            20000);
        QCOMPARE(seqs.size(), 203);
        for (qsizetype i = 0; i < seqs.size(); ++i)
            QCOMPARE(seqs.at(i), i + 1);
        // Caught up: live again.
        QCOMPARE(m_server->submit(m_agent).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                received += client.readAll();
                for (const QByteArray &m : takeMessages(received))
                    seqs.append(QJsonDocument::fromJson(m).object().value(QLatin1String("seq")).toInteger());
                return seqs.last() == 204;
            }(),
            5000);
        QCOMPARE(m_server->http().metric("countersign_event_subscribers_waiting"), 0);
    }

    void oversizedMessagesCloseTheSocket()
    {
        Subscriber s;
        QVERIFY(s.open(m_server->url(), m_rita));
        QSignalSpy closed(&s.socket, &QWebSocket::disconnected);
        s.socket.sendTextMessage(QString(200 * 1024, u'x'));
        QVERIFY(closed.wait(5000));
        QCOMPARE(s.socket.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        // Small messages are ignored, not fatal.
        Subscriber chatty;
        QVERIFY(chatty.open(m_server->url(), m_rita));
        chatty.socket.sendTextMessage(QStringLiteral("{\"hello\":1}"));
        m_server->submit(m_agent);
        QVERIFY(chatty.waitFor(1));
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
