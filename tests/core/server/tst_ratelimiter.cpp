#include "server/ratelimiter.h"

#include <QTest>

using namespace Countersign;

class TestRateLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burstThenRefill()
    {
        RateLimiter limiter(2.0, 3.0); // 2 per second, bursts of 3
        for (int i = 0; i < 3; ++i)
            QVERIFY(limiter.take(QStringLiteral("a"), 1000).allowed);
        const auto refused = limiter.take(QStringLiteral("a"), 1000);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 1);
        // Another caller has its own bucket.
        QVERIFY(limiter.take(QStringLiteral("b"), 1000).allowed);
        // Half a second later one token is back (2/s).
        QVERIFY(limiter.take(QStringLiteral("a"), 1500).allowed);
        QVERIFY(!limiter.take(QStringLiteral("a"), 1500).allowed);
    }

    void slowRateAsksForLongerWaits()
    {
        RateLimiter limiter(0.1, 1.0); // one request per 10 s
        QVERIFY(limiter.take(QStringLiteral("a"), 0).allowed);
        const auto refused = limiter.take(QStringLiteral("a"), 0);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 10);
        QVERIFY(!limiter.take(QStringLiteral("a"), 9000).allowed);
        QVERIFY(limiter.take(QStringLiteral("a"), 10000).allowed);
    }

    void idleBucketsArePruned()
    {
        RateLimiter limiter(10.0, 10.0);
        for (int i = 0; i < 100; ++i)
            limiter.take(QString::number(i), 0);
        QCOMPARE(limiter.trackedKeys(), 100);
        limiter.take(QStringLiteral("late"), 120'000);
        QCOMPARE(limiter.trackedKeys(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
