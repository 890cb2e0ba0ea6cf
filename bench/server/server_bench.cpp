// countersign-server throughput and latency, measured side by side in one run:
//   (a) the ceiling: a no-op QHttpServer route (same Qt, same machine, same load client);
//   (b) durable submits through the real server (auth, validation, policy, SQLite WAL, group
//       commit with the log synced on its own thread, answer after the sync), claims + decisions, and the
//       latency from a decision to the wake-up of the agent long-polling for it;
// with 1, 16 and 64 connections. Goals: submits >= 0.6x the ceiling; wake p99 < 10 ms.
#include "benchdirectory.h"
#include "benchservers.h"
#include "loadclient.h"
#include "server/serverprogram.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#ifdef Q_OS_LINUX
#endif
#include <ctime>
#include <deque>
#include <vector>

namespace {

// CPU time of the whole process and of the calling (client) thread: their difference is what
// the servers spent, a figure that stays meaningful when other programs compete for the cores.
qint64 cpuNanos(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

struct Stats {
    qint64 ops = 0;
    qint64 errors = 0;
    double seconds = 0;
    qint64 serverCpuNanos = 0;
    std::vector<qint64> nanos;

    double cpuMicrosPerOp() const { return ops > 0 ? double(serverCpuNanos) / double(ops) / 1000 : 0; }

    double rate() const { return seconds > 0 ? double(ops) / seconds : 0; }
    double ms(double q)
    {
        if (nanos.empty())
            return 0;
        std::sort(nanos.begin(), nanos.end());
        return double(nanos[std::min(nanos.size() - 1, size_t(q * double(nanos.size())))]) / 1e6;
    }
};

void pump()
{
    LoadConnection::waitForEvents();
}

std::vector<std::unique_ptr<LoadConnection>> openConnections(quint16 port, int count)
{
    std::vector<std::unique_ptr<LoadConnection>> connections;
    for (int i = 0; i < count; ++i) {
        connections.push_back(std::make_unique<LoadConnection>(port));
        if (!connections.back()->open())
            qFatal("cannot connect to port %u", port);
    }
    return connections;
}

// Each connection sends its next request as soon as the previous answer arrives, for `ms`.
// `next(i)` returns connection i's next request; `answered` sees each answer and says how it
// counts: Success (timed), Failure, or NotCounted (a step of a larger operation).
enum class Outcome { Success, Failure, NotCounted };

Stats closedLoop(quint16 port, int connections, int ms, const std::function<QByteArray(int)> &next,
    const std::function<Outcome(int, int, const QByteArray &)> &answered)
{
    Stats s;
    auto conns = openConnections(port, connections);
    QElapsedTimer timer;
    timer.start();
    const qint64 process0 = cpuNanos(CLOCK_PROCESS_CPUTIME_ID);
    const qint64 client0 = cpuNanos(CLOCK_THREAD_CPUTIME_ID);
    int inFlight = 0;
    bool stop = false;
    std::function<void(int)> fire = [&](int i) {
        if (stop)
            return;
        const QByteArray request = next(i);
        if (request.isEmpty()) {
            stop = true;
            return;
        }
        ++inFlight;
        conns[size_t(i)]->send(request, [&, i](int status, const QByteArray &body, qint64 nanos) {
            --inFlight;
            switch (answered(i, status, body)) {
            case Outcome::Success:
                ++s.ops;
                s.nanos.push_back(nanos);
                break;
            case Outcome::Failure:
                ++s.errors;
                break;
            case Outcome::NotCounted:
                break;
            }
            if (timer.elapsed() >= ms)
                stop = true;
            fire(i);
        });
    };
    for (int i = 0; i < connections; ++i)
        fire(i);
    while (!stop || inFlight > 0)
        pump();
    s.seconds = double(timer.nsecsElapsed()) / 1e9;
    s.serverCpuNanos = (cpuNanos(CLOCK_PROCESS_CPUTIME_ID) - process0) - (cpuNanos(CLOCK_THREAD_CPUTIME_ID) - client0);
    return s;
}

QByteArray submitBody(int n)
{
    return QJsonDocument(
        QJsonObject{{QStringLiteral("type"), QStringLiteral("email.send_external")},
            {QStringLiteral("title"), QStringLiteral("Reply to customer %1").arg(n)},
            {QStringLiteral("payload"),
                QJsonObject{{QStringLiteral("content"),
                                QStringLiteral("Hello,\n\nyour parcel %1 ships today.\n\nKind regards").arg(n)},
                    {QStringLiteral("language"), QStringLiteral("email")}}},
            {QStringLiteral("reasoning"), QStringLiteral("the customer asked")},
            {QStringLiteral("context"), QJsonObject{{QStringLiteral("ticket"), n}}},
            {QStringLiteral("confidence"), 0.9}})
        .toJson(QJsonDocument::Compact);
}

QByteArray idOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("id")).toString().toLatin1();
}

} // namespace

int main(int argc, char *argv[])
{
    // The servers run as countersign-server runs them; the no-op ceiling and the load client
    // share the process, and so the dispatcher, too.
    Countersign::ServerProgram::prepareProcess();
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int phaseMs = quick ? 800 : 2500;
    const int wakeSamples = quick ? 60 : 300;
    QTextStream out(stdout);

    // A temporary directory on a disk, not a tmpfs, so every commit pays for a real fsync; and one
    // on a tmpfs for the same work without it (fdatasync returns at once there).
    QTemporaryDir dir(Countersign::Bench::durableTempBase() + QStringLiteral("/server_bench-XXXXXX"));
    if (!dir.isValid())
        qFatal("cannot create a temporary directory: %s", qPrintable(dir.errorString()));
    const QString volatileParent = Countersign::Bench::volatileTempBase();
    std::unique_ptr<QTemporaryDir> volatileDir;
    if (!volatileParent.isEmpty())
        volatileDir = std::make_unique<QTemporaryDir>(volatileParent + QStringLiteral("/server_bench-XXXXXX"));
    BenchServers servers(dir.path(), volatileDir ? volatileDir->path() : QString());
    if (!servers.start())
        qFatal("the servers did not start");
    const QByteArray agent = servers.token(QStringLiteral("agent"), QStringLiteral("bench-agent"));
    const QByteArray volatileAgent
        = servers.token(QStringLiteral("agent"), QStringLiteral("bench-agent"), BenchServers::Queue::Volatile);
    const QByteArray reviewer = servers.token(QStringLiteral("reviewer"), QStringLiteral("bench-reviewer"));
    out << "server_bench: database in " << dir.path() << " (SQLite WAL, every answer after an fdatasync of the log), "
        << QThread::idealThreadCount() << " cores, " << phaseMs << " ms per phase\n\n";

    // `--submits-only MS`: durable submits at 64 connections alone, for a profiler to attach to.
    const int submitsOnly = app.arguments().indexOf(QStringLiteral("--submits-only"));
    if (submitsOnly > 0 && submitsOnly + 1 < app.arguments().size()) {
        int serialOnly = 0;
        const qint64 storeCpu0 = servers.storeCpuMicros();
        const Stats s = closedLoop(
            servers.queuePort(), 64, app.arguments().at(submitsOnly + 1).toInt(),
            [&](int) {
                return LoadConnection::request("POST", "/v1/actions", agent, submitBody(++serialOnly));
            },
            [](int, int status, const QByteArray &) {
                return status == 201 ? Outcome::Success : Outcome::Failure;
            });
        out << "durable submits/s at 64 connections: " << QString::number(s.rate(), 'f', 0) << ", server CPU "
            << QString::number(s.cpuMicrosPerOp(), 'f', 1) << " us per submit (store thread "
            << QString::number(s.ops ? double(servers.storeCpuMicros() - storeCpu0) / double(s.ops) : 0, 'f', 1)
            << " us), errors " << s.errors << '\n';
        return s.errors == 0 ? 0 : 1;
    }

    const QList<int> counts{1, 16, 64};
    QMap<int, Stats> noop, guarded, submits, volatileSubmits, decisions;
    std::deque<QByteArray> pending; // ids of submitted actions, for the decision phase
    int serial = 0;

    for (int c : counts) {
        noop[c] = closedLoop(
            servers.noopPort(), c, phaseMs,
            [](int) {
                return LoadConnection::request("GET", "/noop", {});
            },
            [](int, int status, const QByteArray &) {
                return status == 200 ? Outcome::Success : Outcome::Failure;
            });
        // The same no-op, through the server's own plumbing (guard, router, reply, metrics):
        // where the HTTP side's cost goes, before any store work.
        guarded[c] = closedLoop(
            servers.queuePort(), c, phaseMs,
            [](int) {
                return LoadConnection::request("GET", "/healthz", {});
            },
            [](int, int status, const QByteArray &) {
                return status == 200 ? Outcome::Success : Outcome::Failure;
            });
        const qint64 batches0 = servers.storeBatches(), changes0 = servers.storeChanges(),
                     micros0 = servers.storeCommitMicros(), cpu0 = servers.storeCpuMicros(),
                     syncs0 = servers.storeSyncs(), syncMicros0 = servers.storeSyncMicros();
        submits[c] = closedLoop(
            servers.queuePort(), c, phaseMs,
            [&](int) {
                return LoadConnection::request("POST", "/v1/actions", agent, submitBody(++serial));
            },
            [&](int, int status, const QByteArray &body) {
                if (status != 201)
                    return Outcome::Failure;
                pending.push_back(idOf(body));
                return Outcome::Success;
            });
        // (c) The same submits on the tmpfs database: everything but the cost of the sync.
        if (servers.queuePort(BenchServers::Queue::Volatile) != 0) {
            volatileSubmits[c] = closedLoop(
                servers.queuePort(BenchServers::Queue::Volatile), c, phaseMs,
                [&](int) {
                    return LoadConnection::request("POST", "/v1/actions", volatileAgent, submitBody(++serial));
                },
                [](int, int status, const QByteArray &) {
                    return status == 201 ? Outcome::Success : Outcome::Failure;
                });
        }
        const qint64 batches = servers.storeBatches() - batches0;
        const qint64 changes = servers.storeChanges() - changes0;
        out << "submits with " << c << " connection(s): " << batches << " store batches, "
            << servers.storeSyncs() - syncs0 << " log syncs of "
            << QString::number(servers.storeSyncs() > syncs0
                       ? double(servers.storeSyncMicros() - syncMicros0) / double(servers.storeSyncs() - syncs0) / 1000
                       : 0,
                   'f', 2)
            << " ms, " << QString::number(batches ? double(changes) / double(batches) : 0, 'f', 1)
            << " changes per commit, "
            << QString::number(
                   batches ? double(servers.storeCommitMicros() - micros0) / double(batches) / 1000 : 0, 'f', 2)
            << " ms per commit, store thread CPU "
            << QString::number(
                   submits[c].ops ? double(servers.storeCpuMicros() - cpu0) / double(submits[c].ops) : 0, 'f', 1)
            << " us per submit\n";
    }

    // Claim + decision pairs on the actions just submitted; the figure is pairs per second.
    for (int c : counts) {
        std::vector<QByteArray> current(static_cast<size_t>(c));
        std::vector<bool> claimed(static_cast<size_t>(c), false);
        decisions[c] = closedLoop(
            servers.queuePort(), c, phaseMs,
            [&](int i) -> QByteArray {
                if (!claimed[size_t(i)]) {
                    if (pending.empty())
                        return {};
                    current[size_t(i)] = pending.front();
                    pending.pop_front();
                    return LoadConnection::request(
                        "POST", "/v1/actions/" + current[size_t(i)] + "/claim", reviewer, "{}");
                }
                return LoadConnection::request(
                    "POST", "/v1/actions/" + current[size_t(i)] + "/decision", reviewer, "{\"outcome\":\"approve\"}");
            },
            [&](int i, int status, const QByteArray &) {
                const bool wasClaim = !claimed[size_t(i)];
                claimed[size_t(i)] = wasClaim && status == 200;
                if (status != 200)
                    return Outcome::Failure;
                return wasClaim ? Outcome::NotCounted : Outcome::Success; // a pair counts once, timed by its decision
            });
    }

    // Wake latency: `w` agents long-poll their own pending action; a reviewer decides them one by
    // one; each sample is the time from sending the decision to the agent's answer.
    QMap<int, Stats> wake;
    for (int w : counts) {
        Stats &s = wake[w];
        auto waiters = openConnections(servers.queuePort(), w);
        auto deciders = openConnections(servers.queuePort(), 1);
        auto submitter = openConnections(servers.queuePort(), 1);
        while (qint64(s.nanos.size()) < wakeSamples) {
            std::vector<QByteArray> ids;
            for (int i = 0; i < w; ++i) {
                bool done = false;
                submitter[0]->send(LoadConnection::request("POST", "/v1/actions", agent, submitBody(++serial)),
                    [&](int, const QByteArray &body, qint64) {
                        ids.push_back(idOf(body));
                        done = true;
                    });
                while (!done)
                    pump();
            }
            std::vector<QElapsedTimer> sentAt(static_cast<size_t>(w));
            int woken = 0;
            for (int i = 0; i < w; ++i) {
                waiters[size_t(i)]->send(
                    LoadConnection::request("GET", "/v1/actions/" + ids[size_t(i)] + "?wait=55", agent),
                    [&, i](int status, const QByteArray &, qint64) {
                        ++woken;
                        if (status == 200 && sentAt[size_t(i)].isValid())
                            s.nanos.push_back(sentAt[size_t(i)].nsecsElapsed());
                        else
                            ++s.errors;
                    });
            }
            QElapsedTimer settle;
            settle.start();
            while (settle.elapsed() < 20 + w) // let every long poll reach the server and park
                pump();
            for (int i = 0; i < w; ++i) {
                bool decided = false;
                sentAt[size_t(i)].start();
                deciders[0]->send(LoadConnection::request("POST", "/v1/actions/" + ids[size_t(i)] + "/decision",
                                      reviewer, "{\"outcome\":\"approve\"}"),
                    [&](int, const QByteArray &, qint64) {
                        decided = true;
                    });
                while (!decided || woken <= i)
                    pump();
            }
            s.ops += w;
        }
    }

    out << "\nguarded no-op (GET /healthz through the server's guard, router and reply) req/s: ";
    for (int c : counts)
        out << c << " conn " << QString::number(guarded[c].rate(), 'f', 0) << (c == counts.last() ? "\n\n" : ", ");
    out << "connections | no-op route req/s   p50 ms  p99 ms | durable submits/s   p50 ms  p99 ms | ratio (b)/(a)"
           " | claim+decision pairs/s  decision p99 ms\n";
    for (int c : counts) {
        Stats &a = noop[c];
        Stats &b = submits[c];
        Stats &d = decisions[c];
        out << QString::number(c).rightJustified(11) << " | " << QString::number(a.rate(), 'f', 0).rightJustified(18)
            << QString::number(a.ms(0.5), 'f', 2).rightJustified(9)
            << QString::number(a.ms(0.99), 'f', 2).rightJustified(8) << " | "
            << QString::number(b.rate(), 'f', 0).rightJustified(17)
            << QString::number(b.ms(0.5), 'f', 2).rightJustified(9)
            << QString::number(b.ms(0.99), 'f', 2).rightJustified(8) << " | "
            << QString::number(a.rate() > 0 ? b.rate() / a.rate() : 0, 'f', 2).rightJustified(13) << " | "
            << QString::number(d.rate(), 'f', 0).rightJustified(22)
            << QString::number(d.ms(0.99), 'f', 2).rightJustified(17)
            << (a.errors + b.errors + d.errors > 0
                       ? QStringLiteral("  (errors: %1)").arg(a.errors + b.errors + d.errors)
                       : QString())
            << '\n';
    }
    if (servers.queuePort(BenchServers::Queue::Volatile) != 0) {
        out << "\nthe cost of durability: the same submits with the database on a tmpfs (" << volatileDir->path()
            << "), where a sync costs nothing\n"
               "connections | durable submits/s | on tmpfs submits/s | durable / tmpfs\n";
        for (int c : counts) {
            out << QString::number(c).rightJustified(11) << " | "
                << QString::number(submits[c].rate(), 'f', 0).rightJustified(17) << " | "
                << QString::number(volatileSubmits[c].rate(), 'f', 0).rightJustified(18) << " | "
                << QString::number(
                       volatileSubmits[c].rate() > 0 ? submits[c].rate() / volatileSubmits[c].rate() : 0, 'f', 2)
                       .rightJustified(15)
                << (volatileSubmits[c].errors ? QStringLiteral("  (errors: %1)").arg(volatileSubmits[c].errors)
                                              : QString())
                << '\n';
        }
    } else {
        out << "\n(no tmpfs found: the cost of durability is not measured)\n";
    }
    out << "\nserver CPU per request (all server threads; independent of other load on the machine):\n"
           "connections | no-op us | same through the server's plumbing us | durable submit us | ratio | "
           "claim+decision pair us\n";
    for (int c : counts) {
        out << QString::number(c).rightJustified(11) << " | "
            << QString::number(noop[c].cpuMicrosPerOp(), 'f', 1).rightJustified(8) << " | "
            << QString::number(guarded[c].cpuMicrosPerOp(), 'f', 1).rightJustified(37) << " | "
            << QString::number(submits[c].cpuMicrosPerOp(), 'f', 1).rightJustified(17) << " | "
            << QString::number(
                   submits[c].cpuMicrosPerOp() > 0 ? noop[c].cpuMicrosPerOp() / submits[c].cpuMicrosPerOp() : 0, 'f', 2)
                   .rightJustified(5)
            << " | " << QString::number(decisions[c].cpuMicrosPerOp(), 'f', 1).rightJustified(22) << '\n';
    }
    out << "\nwaiting agents | decision -> wake p50 ms  p99 ms  max ms  samples\n";
    for (int w : counts) {
        Stats &s = wake[w];
        out << QString::number(w).rightJustified(14) << " | " << QString::number(s.ms(0.5), 'f', 2).rightJustified(22)
            << QString::number(s.ms(0.99), 'f', 2).rightJustified(8)
            << QString::number(s.ms(1.0), 'f', 2).rightJustified(8) << QString::number(s.nanos.size()).rightJustified(9)
            << (s.errors ? QStringLiteral("  (errors: %1)").arg(s.errors) : QString()) << '\n';
    }
    const double ratio64 = noop[64].rate() > 0 ? submits[64].rate() / noop[64].rate() : 0;
    out << "\ngoals: durable submits >= 0.6x the no-op ceiling at 64 connections: " << QString::number(ratio64, 'f', 2)
        << (ratio64 >= 0.6 ? " (met)" : " (NOT met)")
        << "; wake p99 < 10 ms at 64 waiters: " << QString::number(wake[64].ms(0.99), 'f', 2)
        << (wake[64].ms(0.99) < 10 ? " ms (met)" : " ms (NOT met)") << '\n';
    return 0;
}
