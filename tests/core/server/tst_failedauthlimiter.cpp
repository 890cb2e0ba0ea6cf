#include "domain/manualclock.h"
#include "server/failedauthlimiter.h"

#include <QTest>

using namespace Countersign;

class TestFailedAuthLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void twentyFailuresThenWait()
    {
        ManualClock clock;
        FailedAuthLimiter limiter(clock, 20, 60); // 20 a minute: one back every 3 s
        const QString a = QStringLiteral("192.0.2.1");
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(limiter.retryAfterSeconds(a), 0);
            limiter.recordFailure(a);
        }
        QCOMPARE(limiter.retryAfterSeconds(a), 3);
        // Another address has its own bucket.
        QCOMPARE(limiter.retryAfterSeconds(QStringLiteral("192.0.2.2")), 0);
        clock.advance(2000);
        QCOMPARE(limiter.retryAfterSeconds(a), 1);
        clock.advance(1000);
        QCOMPARE(limiter.retryAfterSeconds(a), 0);
        limiter.recordFailure(a);
        QCOMPARE(limiter.retryAfterSeconds(a), 3);
        // A full window later the whole bucket is back.
        clock.advance(60'000);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(limiter.retryAfterSeconds(a), 0);
            limiter.recordFailure(a);
        }
        QVERIFY(limiter.retryAfterSeconds(a) > 0);
    }

    void clockGoingBackDoesNotRefill()
    {
        ManualClock clock;
        FailedAuthLimiter limiter(clock, 2, 60);
        const QString a = QStringLiteral("::1");
        limiter.recordFailure(a);
        limiter.recordFailure(a);
        clock.advance(-3'600'000);
        QVERIFY(limiter.retryAfterSeconds(a) > 0);
    }

    void refilledAddressesAreForgotten()
    {
        ManualClock clock;
        FailedAuthLimiter limiter(clock, 20, 60);
        clock.advance(120'000);
        for (int i = 0; i < 100; ++i)
            limiter.recordFailure(QStringLiteral("198.51.100.%1").arg(i));
        QCOMPARE(limiter.trackedAddresses(), 100);
        clock.advance(120'000);
        limiter.recordFailure(QStringLiteral("203.0.113.1"));
        QCOMPARE(limiter.trackedAddresses(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFailedAuthLimiter)
#include "tst_failedauthlimiter.moc"
