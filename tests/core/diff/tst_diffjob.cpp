#include "diff/differ.h"
#include "diff/diffjob.h"
#include "timelimit.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <random>

using namespace Countersign;

namespace {

// A pair on which an exact (unlimited) diff would run for minutes.
std::pair<QString, QString> hardPair()
{
    QStringList lines;
    for (int i = 0; i < 60'000; ++i)
        lines.append(QStringLiteral("line %1").arg(i));
    const QString left = lines.join(u'\n');
    std::shuffle(lines.begin(), lines.end(), std::mt19937(11));
    return {left, lines.join(u'\n')};
}

} // namespace

class TestDiffJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversOneResultOffThread()
    {
        const QString left = QStringLiteral("a\nb\nc\n");
        const QString right = QStringLiteral("a\nB\nc\n");
        QFutureWatcher<FileDiff> watcher;
        QSignalSpy ready(&watcher, &QFutureWatcher<FileDiff>::resultReadyAt);
        QSignalSpy finished(&watcher, &QFutureWatcher<FileDiff>::finished);
        watcher.setFuture(DiffJob::start(left, right));
        QVERIFY(finished.wait(10'000));
        QCOMPARE(ready.size(), 1);
        QCOMPARE(watcher.future().resultCount(), 1);
        QCOMPARE(watcher.result(), Differ::diff(left, right));
    }

    void cancelStopsTheWork()
    {
        const auto [left, right] = hardPair();
        DiffOptions exact;
        exact.costLimit = 0;
        QThreadPool pool;
        QFutureWatcher<FileDiff> watcher;
        QSignalSpy ready(&watcher, &QFutureWatcher<FileDiff>::resultReadyAt);
        QSignalSpy canceled(&watcher, &QFutureWatcher<FileDiff>::canceled);
        QFuture<FileDiff> future = DiffJob::start(left, right, exact, &pool);
        watcher.setFuture(future);
        QTest::qWait(100); // cancel in the middle of the work, not before it starts
        QVERIFY(future.isRunning());
        QElapsedTimer timer;
        timer.start();
        future.cancel();
        // The worker notices within milliseconds and returns its thread.
        QVERIFY(pool.waitForDone(int(Test::timeLimit(2000))));
        qInfo("stopped %lld ms after cancel", timer.elapsed());
        QVERIFY(future.isCanceled());
        QCOMPARE(future.resultCount(), 0);
        QTRY_COMPARE(canceled.size(), 1);
        QCOMPARE(ready.size(), 0);
    }

    void boundedByDefault()
    {
        // The same pair with the default cost limit completes.
        const auto [left, right] = hardPair();
        QFuture<FileDiff> future = DiffJob::start(left, right);
        QElapsedTimer timer;
        timer.start();
        future.waitForFinished();
        QVERIFY2(timer.elapsed() < Test::timeLimit(10'000), qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(future.resultCount(), 1);
        QVERIFY(future.result().isApproximate());
    }
};

QTEST_GUILESS_MAIN(TestDiffJob)
#include "tst_diffjob.moc"
