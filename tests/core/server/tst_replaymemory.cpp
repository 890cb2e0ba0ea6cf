// Issue 20, item 4: unread replays must not blow up the server's memory. Before, 30 WebSockets
// of one agent asking for since=0 and never reading its 18 MiB history took the server from
// 81 MB to 748 MB (about 22 MB each despite the 8 MiB per-subscriber cap), and it stayed at
// 575 MB after they closed. Measured here on the countersign-server process (VmRSS, VmHWM from
// /proc/PID/status): the replay is paced by the socket (EventHub), and memory goes back after.
#include "httpclient.h"
#include "processmemory.h"
#include "serverprocess.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

constexpr int Actions = 300;
constexpr int ContentBytes = 60 * 1024; // 300 x 60 KiB: 18 MiB of history
constexpr int Sockets = 30;

// A WebSocket that asks for the whole history and then reads nothing: a blocking socket with a
// small receive buffer, so the kernel holds little of what the server sends.
int openUnreadReplay(quint16 port, const QByteArray &token)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int small = 32 * 1024;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    const QByteArray request = "GET /v1/events?since=0 HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                               "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                               "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer "
        + token + "\r\n\r\n";
    if (::write(fd, request.constData(), size_t(request.size())) != request.size()) {
        ::close(fd);
        return -1;
    }
    // Only the handshake's answer is read: byte by byte up to its empty line.
    QByteArray head;
    char c = 0;
    while (!head.endsWith("\r\n\r\n") && ::read(fd, &c, 1) == 1)
        head.append(c);
    if (!head.startsWith("HTTP/1.1 101")) {
        qWarning("upgrade refused: %s", head.constData());
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

class TestReplayMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unreadReplaysStayBounded()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("replay.db"));
        const QByteArray agent = ServerProcess::createToken(db, QStringLiteral("agent"), QStringLiteral("bot"));
        QVERIFY(!agent.isEmpty());
        ServerProcess server;
        withoutAsanQuarantine(server.process());
        QVERIFY(server.start({QStringLiteral("--db"), db, QStringLiteral("--max-sockets-per-token"),
            QString::number(Sockets), QStringLiteral("--rate"), QStringLiteral("100000")}));
        const qint64 pid = server.process().processId();
        HttpClient http(server.url());

        // The agent's history: 300 actions of 60 KiB.
        const QString content(ContentBytes, u'x');
        for (int i = 0; i < Actions; ++i) {
            const HttpResult r = http.post(QStringLiteral("/v1/actions"),
                TestServer::submitBody({{QStringLiteral("payload"),
                    QJsonObject{
                        {QStringLiteral("content"), content}, {QStringLiteral("language"), QStringLiteral("text")}}}}),
                agent);
            QCOMPARE(r.status, 201);
        }
        const qint64 baseline = procStatus(pid, "VmRSS");
        const qint64 peakBefore = procStatus(pid, "VmHWM");
        QVERIFY(baseline > 0);

        QElapsedTimer timer;
        timer.start();
        std::vector<int> fds;
        for (int i = 0; i < Sockets; ++i) {
            const int fd = openUnreadReplay(server.url().port(), agent);
            QVERIFY(fd >= 0);
            fds.push_back(fd);
        }
        const auto closeAll = qScopeGuard([&fds] {
            for (int fd : fds)
                ::close(fd);
        });
        // Every subscriber has sent what its socket takes and waits for its client.
        QTRY_COMPARE_WITH_TIMEOUT(http.metric("countersign_event_subscribers_waiting"), Sockets, 30000);
        QCOMPARE(http.metric("countersign_event_subscribers"), Sockets);
        const qint64 during = procStatus(pid, "VmRSS");
        const qint64 peak = procStatus(pid, "VmHWM");
        const qint64 queued = http.metric("countersign_event_subscriber_bytes");
        const qint64 stalled = timer.elapsed();

        for (int fd : fds)
            ::close(fd);
        fds.clear();
        QTRY_COMPARE_WITH_TIMEOUT(http.metric("countersign_event_subscribers"), 0, 10000);
        // Freed memory goes back to the system shortly after (MemoryTrimmer).
        QTRY_VERIFY_WITH_TIMEOUT(procStatus(pid, "VmRSS") - baseline < 30 * 1024, 10000);
        const qint64 after = procStatus(pid, "VmRSS");
        qInfo("FIGURES replay memory: %d unread since=0 sockets of a %d MiB history: queued %lld kB (%lld kB each) "
              "after %lld ms; server RSS %lld kB before, %lld kB during (peak %lld, was %lld), %lld kB after they "
              "closed",
            Sockets, int(qint64(Actions) * ContentBytes >> 20), queued >> 10, (queued / Sockets) >> 10, stalled,
            baseline, during, peak, peakBefore, after);
        // The high-water mark, unless seeding set it and the replays stayed below.
        const qint64 highest = peak > peakBefore ? peak : during;
        QVERIFY2(highest - baseline < 64 * 1024, "the server grew by more than 64 MB during the replays");
#ifndef COUNTERSIGN_ASAN
        QVERIFY2(highest < 150 * 1024, "the server passed 150 MB during the replays");
#endif
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestReplayMemory)
#include "tst_replaymemory.moc"
