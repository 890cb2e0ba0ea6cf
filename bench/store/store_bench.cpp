// Group commit: inserts per second committing one change per transaction versus a batch of
// changes per transaction, on a real file with synchronous=FULL (every commit is an fsync).
//
//   store_bench [--dir DIR] [--single N] [--grouped N] [--batch B] [--rounds R]
//
// DIR defaults to a temporary directory under the current one: /tmp is often a tmpfs, where
// fsync costs nothing and the comparison would flatter single commits.
#include "../benchstats.h"
#include "domain/manualclock.h"
#include "lifecycle/statemachine.h"
#include "store/sqlite/sqlitestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Countersign;
using Bench::median;

namespace {

Action proposal(int i, const QDateTime &now)
{
    Action a;
    a.id = QStringLiteral("bench-%1").arg(i, 8, 10, QLatin1Char('0'));
    a.type = i % 3 ? QStringLiteral("email.send_external") : QStringLiteral("refund.issue");
    a.category = i % 3 ? QStringLiteral("email") : QStringLiteral("billing");
    a.title = QStringLiteral("Proposal %1").arg(i);
    a.payload = Payload{QStringLiteral("Hello,\n\nthis is a typical short draft of about a paragraph, long enough to "
                                       "look like the email or refund note an agent proposes. Number %1.\n")
                            .arg(i),
        QStringLiteral("email")};
    a.agent = QStringLiteral("bot-%1").arg(i % 4);
    a.confidence = (i % 10) / 10.0;
    a.slaDueAt = now.addSecs(1800);
    a.expiresAt = now.addSecs(86400);
    a.idempotencyKey = QStringLiteral("key-%1").arg(i);
    a.tier = Tier::Review;
    return *StateMachine::admit(a, now);
}

ActionChange insertion(const Action &a)
{
    return ActionChange{a, 0, QStringLiteral("action.created"), a.agent, QStringLiteral("agent"), {}, {}};
}

// Inserts `count` actions in commits of `batch`; returns inserts per second, or -1 on failure.
double run(const QString &file, int count, int batch)
{
    ManualClock clock;
    SqliteStore store(file, clock);
    if (auto opened = store.open(); !opened) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(file), qPrintable(opened.error().message));
        return -1;
    }
    QList<ActionChange> changes;
    changes.reserve(batch);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; i += batch) {
        changes.clear();
        for (int j = i; j < std::min(count, i + batch); ++j)
            changes.append(insertion(proposal(j, clock.now())));
        for (const auto &r : store.commit(changes)) {
            if (!r) {
                std::fprintf(stderr, "commit failed: %s\n", qPrintable(r.error().message));
                return -1;
            }
        }
    }
    const qint64 ns = timer.nsecsElapsed();
    return count / (double(ns) / 1e9);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("countersign.store.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SQLite store: single versus group commit"));
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Directory for the database files."),
        QStringLiteral("dir"), QDir::currentPath());
    const QCommandLineOption singleOption(QStringLiteral("single"), QStringLiteral("Inserts committed one by one."),
        QStringLiteral("n"), QStringLiteral("400"));
    const QCommandLineOption groupedOption(QStringLiteral("grouped"), QStringLiteral("Inserts committed in batches."),
        QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption batchOption(
        QStringLiteral("batch"), QStringLiteral("Changes per batch."), QStringLiteral("b"), QStringLiteral("100"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds (the median is reported)."),
        QStringLiteral("r"), QStringLiteral("3"));
    parser.addOptions({dirOption, singleOption, groupedOption, batchOption, roundsOption});
    parser.process(app);

    const int single = qMax(1, parser.value(singleOption).toInt());
    const int grouped = qMax(1, parser.value(groupedOption).toInt());
    const int batch = qMax(1, parser.value(batchOption).toInt());
    const int rounds = qMax(1, parser.value(roundsOption).toInt());
    QTemporaryDir dir(QDir(parser.value(dirOption)).filePath(QStringLiteral("store-bench-XXXXXX")));
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a directory under %s\n", qPrintable(parser.value(dirOption)));
        return 1;
    }
    const QStorageInfo storage(dir.path());
    std::printf("SQLite store, WAL + synchronous=FULL, on %s (%s)\n", qPrintable(dir.path()),
        storage.fileSystemType().constData());
    if (storage.fileSystemType() == "tmpfs")
        std::printf("warning: tmpfs ignores fsync; use --dir on a disk for meaningful figures\n");

    QList<double> singleRates;
    QList<double> groupRates;
    for (int r = 0; r < rounds; ++r) {
        // Alternating the two keeps drift in the machine's load from favouring either.
        const double s = run(dir.filePath(QStringLiteral("single-%1.sqlite").arg(r)), single, 1);
        const double g = run(dir.filePath(QStringLiteral("grouped-%1.sqlite").arg(r)), grouped, batch);
        if (s < 0 || g < 0)
            return 1;
        singleRates.append(s);
        groupRates.append(g);
    }
    const double s = median(singleRates);
    const double g = median(groupRates);
    std::printf("%-34s %14s %14s\n", "", "1 per commit", qPrintable(QStringLiteral("%1 per commit").arg(batch)));
    std::printf("%-34s %14d %14d\n", "inserts per run", single, grouped);
    std::printf("%-34s %14.0f %14.0f\n", "inserts/s (median of rounds)", s, g);
    std::printf("%-34s %14.3f %14.3f\n", "ms per insert", 1000.0 / s, 1000.0 / g);
    std::printf("group commit speed-up: %.1fx\n", g / s);

    // The stored record of every change: Action::toCompactJson against building the QJsonObject
    // and serialising it, the same actions, alternated in one run.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Action> actions;
    for (int i = 0; i < 2000; ++i)
        actions.append(proposal(i, now));
    qint64 viaDocument = 0;
    qint64 direct = 0;
    qsizetype bytes = 0;
    for (int r = 0; r < 5; ++r) {
        QElapsedTimer t;
        t.start();
        for (const Action &a : std::as_const(actions))
            bytes += QJsonDocument(a.toJson()).toJson(QJsonDocument::Compact).size();
        viaDocument += t.nsecsElapsed();
        t.restart();
        for (const Action &a : std::as_const(actions))
            bytes -= a.toCompactJson().size();
        direct += t.nsecsElapsed();
    }
    const double n = 5.0 * double(actions.size());
    std::printf("record JSON: QJsonDocument %.2f us, JsonWriter %.2f us per action (%.1fx)%s\n",
        double(viaDocument) / n / 1000, double(direct) / n / 1000, double(viaDocument) / double(direct),
        bytes == 0 ? "" : " (outputs differ!)");
    return 0;
}
