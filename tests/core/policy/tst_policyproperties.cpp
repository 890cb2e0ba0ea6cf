#include "lifecycleinvariants.h"
#include "policysimulation.h"

#include "lifecycle/statemachine.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Countersign;

namespace {

// Fixed so that a failure reproduces; COUNTERSIGN_POLICY_SEED explores other sequences.
quint32 seed()
{
    bool ok = false;
    const quint32 fromEnv = qEnvironmentVariable("COUNTERSIGN_POLICY_SEED").toUInt(&ok);
    return ok ? fromEnv : 20260504u;
}

Action pendingAction()
{
    Action a;
    a.id = QStringLiteral("a-1");
    a.type = QStringLiteral("refund.issue");
    a.agent = QStringLiteral("agent-1");
    a.tier = Tier::Review;
    return *StateMachine::admit(a, QDateTime::currentDateTimeUtc());
}

} // namespace

class TestPolicyProperties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomSequencesKeepTheInvariants()
    {
        const quint32 s = seed();
        const qint64 sequences = 100'000;
        qInfo("seed %u, %lld sequences", s, sequences);
        QElapsedTimer timer;
        timer.start();
        PolicySimulation simulation(s);
        const PolicySimulation::Stats stats = simulation.run(sequences);
        qInfo("%s in %lld ms", qPrintable(stats.summary()), timer.elapsed());

        QVERIFY2(stats.violations == 0, qPrintable(stats.firstViolations.join(u'\n')));
        QCOMPARE(stats.sequences, sequences);
        QVERIFY(stats.evaluations > sequences);
        // The generator must actually reach the interesting paths for the run to mean anything.
        QVERIFY(stats.policiesParsed > 256);
        QVERIFY(stats.admittedAuto > sequences / 20);
        QVERIFY(stats.admittedProhibited > sequences / 20);
        QVERIFY(stats.approvals > sequences / 20);
        QVERIFY(stats.prohibitedApprovalsRefused > 1000);
        QVERIFY(stats.decisionsOnDecidedRefused > sequences / 10);
        QVERIFY(stats.retiers > 1000);
        QVERIFY(stats.expiries > 1000);
    }

    // The checker itself must be able to fail: feed it the transitions it exists to catch.
    void invariantsCatchViolations()
    {
        const Action pending = pendingAction();

        Action approvedProhibited = pending;
        approvedProhibited.version += 1;
        approvedProhibited.tier = Tier::Prohibited;
        approvedProhibited.state = ActionState::Approved;
        QVERIFY(!LifecycleInvariants(pending, Tier::Review).check(QStringLiteral("t"), approvedProhibited).isEmpty());

        LifecycleInvariants marked(pending, Tier::Review);
        marked.markProhibited();
        Action approved = pending;
        approved.version += 1;
        approved.state = ActionState::Approved;
        QVERIFY(!marked.check(QStringLiteral("t"), approved).isEmpty());

        LifecycleInvariants twice(pending, Tier::Review);
        QVERIFY(twice.check(QStringLiteral("first"), approved).isEmpty());
        Action again = approved;
        again.version += 1;
        again.state = ActionState::Rejected;
        QVERIFY(!twice.check(QStringLiteral("second"), again).isEmpty());

        Action looser = pending;
        looser.version += 1;
        looser.tier = Tier::Auto;
        QVERIFY(!LifecycleInvariants(pending, Tier::Auto).check(QStringLiteral("t"), looser).isEmpty());

        Action belowFloor = pending;
        belowFloor.version += 1;
        QVERIFY(!LifecycleInvariants(pending, Tier::Prohibited).check(QStringLiteral("t"), belowFloor).isEmpty());

        Action skipped = pending;
        skipped.version += 2;
        QVERIFY(!LifecycleInvariants(pending, Tier::Review).check(QStringLiteral("t"), skipped).isEmpty());

        Action admittedLoose = pending;
        admittedLoose.tier = Tier::Auto;
        QVERIFY(!LifecycleInvariants(admittedLoose, Tier::Review).checkAdmission().isEmpty());

        // Refusals and legal steps pass.
        const Result<Action> refused = fail(Error::conflict(QStringLiteral("no")));
        QVERIFY(LifecycleInvariants(approved, Tier::Review).check(QStringLiteral("t"), refused).isEmpty());
        QVERIFY(LifecycleInvariants(pending, Tier::Review).checkAdmission().isEmpty());
    }

    // The same seed gives the same run, so a printed seed is enough to reproduce a failure.
    void deterministicForASeed()
    {
        const auto a = PolicySimulation(7).run(2000);
        const auto b = PolicySimulation(7).run(2000);
        QCOMPARE(a.summary(), b.summary());
        QVERIFY(a.summary() != PolicySimulation(8).run(2000).summary());
    }
};

QTEST_GUILESS_MAIN(TestPolicyProperties)
#include "tst_policyproperties.moc"
