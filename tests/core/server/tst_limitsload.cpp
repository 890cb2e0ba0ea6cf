#include "httpclient.h"
#include "serverprocess.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

// kB from /proc/PID/status (VmRSS, VmHWM).
qint64 procStatus(qint64 pid, const QByteArray &field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

qint64 metric(HttpClient &http, const QByteArray &name)
{
    const QByteArray text = http.get(QStringLiteral("/metrics")).body;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(name + ' ')))
            return line.mid(name.size() + 1).trimmed().toLongLong();
    }
    return -1;
}

// The slowest of `count` ordinary requests, in ms.
qint64 slowestOf(HttpClient &http, const QByteArray &token, int count)
{
    qint64 slowest = 0;
    for (int i = 0; i < count; ++i) {
        const HttpResult r = http.get(QStringLiteral("/v1/actions?limit=5"), token);
        if (r.status != 200)
            return -1;
        slowest = qMax(slowest, r.elapsedMs);
    }
    return slowest;
}

} // namespace

// The limits under load, measured: memory during a 200 MB upload, slow clients among fast
// ones, ten thousand idle connections.
class TestLimitsLoad : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A huge body streamed at the real server process: 413 at once (after the head), and its
    // memory does not grow by anything like the body. Up to 64 MB the guard reads and discards
    // the body so the client can read the answer; beyond, it closes right after answering.
    void hugeStreamedBodyDoesNotGrowMemory_data()
    {
        QTest::addColumn<qint64>("announced");
        QTest::newRow("200 MB, cut off") << qint64(200) * 1024 * 1024;
        QTest::newRow("60 MB, drained") << qint64(60) * 1024 * 1024;
    }
    void hugeStreamedBodyDoesNotGrowMemory()
    {
        QFETCH(qint64, announced);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("c.db"));
        const QByteArray agent = ServerProcess::createToken(db, QStringLiteral("agent"), QStringLiteral("bot"));
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--db"), db}));
        const qint64 pid = server.process().processId();
        HttpClient http(server.url());
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);
        const qint64 rssBefore = procStatus(pid, "VmRSS");
        const qint64 peakBefore = procStatus(pid, "VmHWM");
        QVERIFY(rssBefore > 0);

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.url().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /v1/actions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer "
            + agent + "\r\nContent-Length: " + QByteArray::number(announced) + "\r\n\r\n");
        // The answer comes after the head, before any of the body.
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QVERIFY(answer.contains("payload_too_large"));
        // Then the client streams the body anyway, as long as the server takes it.
        const QByteArray chunk(1024 * 1024, 'x');
        qint64 sent = 0;
        QElapsedTimer timer;
        timer.start();
        while (sent < announced && socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 60000) {
            if (socket.bytesToWrite() < 4 * chunk.size()) {
                socket.write(chunk);
                sent += chunk.size();
            }
            socket.waitForBytesWritten(50);
        }
        // The server closes once it has discarded what it was going to read.
        if (socket.state() == QAbstractSocket::ConnectedState)
            socket.waitForDisconnected(10000);
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        const qint64 rssAfter = procStatus(pid, "VmRSS");
        const qint64 peakAfter = procStatus(pid, "VmHWM");
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);
        qInfo("FIGURES body %lld MB: written before the server closed %lld MB in %lld ms; server RSS %lld -> %lld kB, "
              "peak %lld -> %lld kB",
            announced >> 20, sent >> 20, timer.elapsed(), rssBefore, rssAfter, peakBefore, peakAfter);
        QVERIFY2(peakAfter - peakBefore < 32 * 1024, "the peak RSS grew by more than 32 MB");
        QVERIFY(rssAfter - rssBefore < 32 * 1024);
    }

    // Clients that send a byte a second are closed after the request timeout; everyone else is
    // served at full speed meanwhile.
    void slowClientsAreClosedWhileOthersAreServed()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.requestTimeout = std::chrono::milliseconds(2500);
        config.limits.idleTimeout = std::chrono::milliseconds(2500);
        TestServer server(config);
        QVERIFY(server.start());
        const QByteArray reviewer = server.token(Role::Reviewer);
        const qint64 baseline = slowestOf(server.http(), reviewer, 20);

        std::vector<std::unique_ptr<QTcpSocket>> slow;
        for (int i = 0; i < 50; ++i) {
            slow.push_back(std::make_unique<QTcpSocket>());
            slow.back()->connectToHost(QHostAddress::LocalHost, server.port());
        }
        const QByteArray head = "GET /v1/actions HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaa";
        QElapsedTimer timer;
        timer.start();
        qint64 slowest = 0;
        int byteIndex = 0;
        int open = int(slow.size());
        while (open > 0 && timer.elapsed() < 8000) {
            if (timer.elapsed() >= byteIndex * 1000 && byteIndex < head.size()) {
                for (auto &s : slow) {
                    if (s->state() == QAbstractSocket::ConnectedState)
                        s->write(head.mid(byteIndex, 1));
                }
                ++byteIndex;
            }
            slowest = qMax(slowest, slowestOf(server.http(), reviewer, 5));
            open = 0;
            for (auto &s : slow)
                open += s->state() != QAbstractSocket::UnconnectedState ? 1 : 0;
        }
        qInfo("FIGURES slow clients: 50 at 1 byte/s closed after %lld ms; others: slowest %lld ms (baseline %lld ms)",
            timer.elapsed(), slowest, baseline);
        QCOMPARE(open, 0);
        QVERIFY(timer.elapsed() < 6000);
        QVERIFY2(slowest >= 0 && slowest < 1000, qPrintable(QString::number(slowest)));
    }

    // Ten thousand connections that never send a byte: the server keeps serving the others,
    // whether it holds them all (a cap above 10k) or, at the default cap of 1024, closes the
    // longest idle to make room. Client sockets are plain descriptors: only the server side
    // costs a Qt notifier.
    void tenThousandIdleConnections_data()
    {
        QTest::addColumn<int>("cap");
        QTest::newRow("cap above 10k") << 0;
        QTest::newRow("default cap") << ServerLimits{}.maxConnections;
    }
    void tenThousandIdleConnections()
    {
        QFETCH(int, cap);
        rlimit limit{};
        getrlimit(RLIMIT_NOFILE, &limit);
        const rlim_t wanted = 2 * 10'000 + 1'000;
        if (limit.rlim_cur < wanted) {
            rlimit raised{qMin(wanted, limit.rlim_max), qMax(wanted, limit.rlim_max)};
            if (setrlimit(RLIMIT_NOFILE, &raised) != 0) {
                raised.rlim_max = limit.rlim_max;
                setrlimit(RLIMIT_NOFILE, &raised);
            }
            getrlimit(RLIMIT_NOFILE, &limit);
        }
        // Both ends live in this process: two descriptors per connection.
        const int target = int(qMin<rlim_t>(10'000, (limit.rlim_cur - 1500) / 2));
        if (target < 10'000)
            qWarning("RLIMIT_NOFILE %llu allows only %d idle connections", qulonglong(limit.rlim_cur), target);

        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxConnections = cap > 0 ? cap : target + 100;
        config.limits.idleTimeout = std::chrono::milliseconds(120'000);
        config.limits.requestTimeout = std::chrono::milliseconds(120'000);
        TestServer server(config);
        QVERIFY(server.start());
        const QByteArray reviewer = server.token(Role::Reviewer);
        const qint64 baseline = slowestOf(server.http(), reviewer, 20);

        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(server.port());
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        std::vector<int> fds;
        fds.reserve(size_t(target));
        QElapsedTimer timer;
        timer.start();
        while (int(fds.size()) < target && timer.elapsed() < 60000) {
            for (int i = 0; i < 40 && int(fds.size()) < target; ++i) { // within the listen backlog
                const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
                if (fd < 0)
                    break;
                ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
                fds.push_back(fd);
            }
            QTest::qWait(5); // the server accepts
        }
        const int held = qMin(target, config.limits.maxConnections);
        QTRY_VERIFY_WITH_TIMEOUT(metric(server.http(), "countersign_open_connections") >= held - 1, 30000);
        const qint64 opened = timer.elapsed();
        QVERIFY(metric(server.http(), "countersign_open_connections") <= config.limits.maxConnections + 1);
        const qint64 slowest = slowestOf(server.http(), reviewer, 50);
        const qint64 submitted = server.submit(server.token(Role::Agent)).status;
        qInfo("FIGURES idle connections: %d opened (in %lld ms), %d held (cap %d); requests meanwhile: slowest %lld "
              "ms (baseline %lld ms)",
            target, opened, held, config.limits.maxConnections, slowest, baseline);
        for (int fd : fds)
            ::close(fd);
        QCOMPARE(submitted, 201);
        QVERIFY2(slowest >= 0 && slowest < 2000, qPrintable(QString::number(slowest)));
        // The server notices they are gone.
        QTRY_VERIFY_WITH_TIMEOUT(metric(server.http(), "countersign_open_connections") < 10, 30000);
    }
    // The rate limit (429 with Retry-After, per token) is tst_auth's rateLimitPerToken.
};

QTEST_GUILESS_MAIN(TestLimitsLoad)
#include "tst_limitsload.moc"
