#include "client/connectionhealth.h"
#include "domain/manualclock.h"

#include <QTest>

using namespace Countersign;

// The connection state is evidence, not hope: one failure says offline, one answer says online,
// and retries back off from 1 s to 15 s without ever stopping.
class TestConnectionHealth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsUnknownAndFollowsEvidence()
    {
        ManualClock clock;
        ConnectionHealth health(clock);
        health.reset();
        QCOMPARE(health.state(), ConnectionHealth::State::Unknown);
        QVERIFY(health.reached());
        QVERIFY(!health.reached()); // no change
        QCOMPARE(health.state(), ConnectionHealth::State::Reachable);
        clock.advance(2000);
        QVERIFY(health.unreachable(QStringLiteral("Connection refused")));
        QCOMPARE(health.state(), ConnectionHealth::State::Unreachable);
        QCOMPARE(health.since(), clock.now());
        QCOMPARE(health.lastError(), QStringLiteral("Connection refused"));
        QVERIFY(!health.unreachable(QStringLiteral("again"))); // still the same outage
        QCOMPARE(health.lastError(), QStringLiteral("again"));
        QVERIFY(health.reached());
        QVERIFY(health.lastError().isEmpty());
    }

    void probesBackOffToFifteenSeconds()
    {
        ManualClock clock;
        ConnectionHealth health(clock);
        health.unreachable(QStringLiteral("down"));
        QVERIFY(!health.probeDue());
        QCOMPARE(health.secondsUntilProbe(), 1);
        const QList<int> expected{2, 4, 8, 15, 15};
        clock.advance(1000);
        QVERIFY(health.probeDue());
        for (int seconds : expected) {
            health.probeStarted();
            QVERIFY(!health.probeDue());
            QCOMPARE(health.secondsUntilProbe(), seconds);
            clock.advance(seconds * 1000 - 1);
            QVERIFY(!health.probeDue());
            clock.advance(1);
            QVERIFY(health.probeDue());
        }
        // Back: the next outage starts again at one second.
        health.reached();
        QCOMPARE(health.secondsUntilProbe(), 0);
        health.unreachable(QStringLiteral("down again"));
        QCOMPARE(health.secondsUntilProbe(), 1);
    }
};

QTEST_GUILESS_MAIN(TestConnectionHealth)
#include "tst_connectionhealth.moc"
