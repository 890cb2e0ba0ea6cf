// What the webhook outbox costs a commit: grouped inserts on a SQLite store with no
// subscription, with one whose filter matches nothing, and with one that takes every event (an
// outbox row per change), side by side.
//
//   webhook_bench [--dir DIR] [--inserts N] [--batch B] [--rounds R]
#include "../benchstats.h"
#include "domain/manualclock.h"
#include "lifecycle/statemachine.h"
#include "store/sqlite/sqlitestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Countersign;
using Bench::median;

namespace {

enum class Subscriptions { None, NoMatch, EveryEvent };

Action proposal(int i, const QDateTime &now)
{
    Action a;
    a.id = QStringLiteral("bench-%1").arg(i, 8, 10, QLatin1Char('0'));
    a.type = QStringLiteral("email.send_external");
    a.category = QStringLiteral("email");
    a.title = QStringLiteral("Proposal %1").arg(i);
    a.payload = Payload{QStringLiteral("Hello,\n\na typical short draft of about a paragraph. Number %1.\n").arg(i),
        QStringLiteral("email")};
    a.agent = QStringLiteral("bot-%1").arg(i % 4);
    a.confidence = 0.5;
    a.slaDueAt = now.addSecs(1800);
    a.tier = Tier::Review;
    return *StateMachine::admit(a, now);
}

// Inserts per second, or -1 on failure.
double run(const QString &file, int count, int batch, Subscriptions subscriptions)
{
    ManualClock clock;
    SqliteStore store(file, clock);
    if (auto opened = store.open(); !opened) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(file), qPrintable(opened.error().message));
        return -1;
    }
    if (subscriptions != Subscriptions::None) {
        Webhook hook;
        hook.id = QStringLiteral("hook-1");
        hook.url = QStringLiteral("https://192.0.2.1/hook");
        hook.events = {QStringLiteral("action.created")};
        if (subscriptions == Subscriptions::NoMatch)
            hook.types = {QStringLiteral("db.migrate")};
        hook.secret = QStringLiteral("whsec_bench");
        hook.ownerRole = QStringLiteral("admin");
        hook.createdAt = clock.now();
        hook.createdBy = QStringLiteral("bench");
        AuditEntry audit;
        audit.time = clock.now();
        audit.actor = QStringLiteral("bench");
        audit.role = QStringLiteral("admin");
        audit.kind = QStringLiteral("webhook.created");
        audit.subject = hook.id;
        if (auto created = store.createWebhook(hook, audit); !created) {
            std::fprintf(stderr, "cannot subscribe: %s\n", qPrintable(created.error().message));
            return -1;
        }
    }
    QList<ActionChange> changes;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; i += batch) {
        changes.clear();
        for (int j = i; j < std::min(count, i + batch); ++j) {
            const Action a = proposal(j, clock.now());
            changes.append(
                ActionChange{a, 0, QStringLiteral("action.created"), a.agent, QStringLiteral("agent"), {}, {}});
        }
        for (const auto &r : store.commit(changes)) {
            if (!r) {
                std::fprintf(stderr, "commit failed: %s\n", qPrintable(r.error().message));
                return -1;
            }
        }
    }
    return count / (double(timer.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("countersign.store.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SQLite store: what webhook subscriptions cost a commit"));
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Directory for the database files."),
        QStringLiteral("dir"), QDir::currentPath());
    const QCommandLineOption insertsOption(
        QStringLiteral("inserts"), QStringLiteral("Inserts per run."), QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption batchOption(
        QStringLiteral("batch"), QStringLiteral("Changes per commit."), QStringLiteral("b"), QStringLiteral("100"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds (the median is reported)."),
        QStringLiteral("r"), QStringLiteral("5"));
    parser.addOptions({dirOption, insertsOption, batchOption, roundsOption});
    parser.process(app);
    const int inserts = qMax(1, parser.value(insertsOption).toInt());
    const int batch = qMax(1, parser.value(batchOption).toInt());
    const int rounds = qMax(1, parser.value(roundsOption).toInt());
    QTemporaryDir dir(QDir(parser.value(dirOption)).filePath(QStringLiteral("webhook-bench-XXXXXX")));
    if (!dir.isValid())
        return 1;
    std::printf("SQLite store, %d inserts in commits of %d, on %s (%s)\n", inserts, batch, qPrintable(dir.path()),
        QStorageInfo(dir.path()).fileSystemType().constData());

    QList<double> rates[3];
    for (int r = 0; r < rounds; ++r) {
        // Interleaved, so drift in the machine's load favours none of them.
        for (int k = 0; k < 3; ++k) {
            const double rate
                = run(dir.filePath(QStringLiteral("run-%1-%2.sqlite").arg(r).arg(k)), inserts, batch, Subscriptions(k));
            if (rate < 0)
                return 1;
            rates[k].append(rate);
        }
    }
    const double none = median(rates[0]);
    const double noMatch = median(rates[1]);
    const double every = median(rates[2]);
    std::printf("%-30s %16s %16s %16s\n", "", "no subscription", "1, no match", "1, every event");
    std::printf("%-30s %16.0f %16.0f %16.0f\n", "inserts/s (median)", none, noMatch, every);
    std::printf("%-30s %16.3f %16.3f %16.3f\n", "ms per insert", 1000.0 / none, 1000.0 / noMatch, 1000.0 / every);
    std::printf("relative to no subscription: %.2fx, %.2fx\n", noMatch / none, every / none);
    return 0;
}
