#include "domain/manualclock.h"
#include "server/schedulerplanner.h"

#include <QTest>

using namespace Countersign;

namespace {

Action pendingAction(const QDateTime &created)
{
    Action a;
    a.id = QStringLiteral("a-1");
    a.type = QStringLiteral("refund.issue");
    a.category = QStringLiteral("finance");
    a.agent = QStringLiteral("bot");
    a.payload = Payload{QStringLiteral("refund"), QStringLiteral("json")};
    a.createdAt = created;
    a.slaDueAt = created.addSecs(3600);
    a.expiresAt = created.addSecs(8 * 3600);
    a.version = 3;
    return a;
}

SchedulerPlanner::RulesFor rules(ExpiryOutcome outcome, bool approveAllowed, QStringList escalateTo = {})
{
    return [=](const Action &) {
        return SchedulerPlanner::CategoryRules{outcome, approveAllowed, escalateTo};
    };
}

} // namespace

class TestSchedulerPlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expiryAppliesTheCategoryOutcome_data()
    {
        QTest::addColumn<int>("outcome");
        QTest::addColumn<bool>("approveAllowed");
        QTest::addColumn<int>("tier");
        QTest::addColumn<int>("state");
        QTest::newRow("reject") << int(ExpiryOutcome::Reject) << false << int(Tier::Review)
                                << int(ActionState::Rejected);
        QTest::newRow("expire") << int(ExpiryOutcome::Expire) << false << int(Tier::Review)
                                << int(ActionState::Expired);
        QTest::newRow("approve allowed") << int(ExpiryOutcome::Approve) << true << int(Tier::Review)
                                         << int(ActionState::Approved);
        QTest::newRow("approve not allowed")
            << int(ExpiryOutcome::Approve) << false << int(Tier::Review) << int(ActionState::Rejected);
        QTest::newRow("never approve the prohibited")
            << int(ExpiryOutcome::Approve) << true << int(Tier::Prohibited) << int(ActionState::Rejected);
    }
    void expiryAppliesTheCategoryOutcome()
    {
        QFETCH(int, outcome);
        QFETCH(bool, approveAllowed);
        QFETCH(int, tier);
        QFETCH(int, state);
        ManualClock clock;
        Action a = pendingAction(clock.now());
        a.tier = Tier(tier);
        clock.advance(8 * 3600 * 1000);
        const auto plan = SchedulerPlanner::plan({a}, rules(ExpiryOutcome(outcome), approveAllowed), clock.now());
        QCOMPARE(plan.expired, 1);
        QCOMPARE(plan.changes.size(), 1);
        const ActionChange &c = plan.changes.first();
        QCOMPARE(c.event, QStringLiteral("action.expired"));
        QCOMPARE(c.expectedVersion, 3);
        QCOMPARE(int(c.after.state), state);
        QCOMPARE(c.after.decidedBy, QStringLiteral("expiry"));
        QCOMPARE(c.after.decidedAt, clock.now());
        QCOMPARE(c.after.finalPayload.has_value(), ActionState(state) == ActionState::Approved);
    }

    void nothingDueYet()
    {
        ManualClock clock;
        const Action a = pendingAction(clock.now());
        clock.advance(3599 * 1000);
        QVERIFY(SchedulerPlanner::plan({a}, rules(ExpiryOutcome::Reject, false), clock.now()).changes.isEmpty());
    }

    void slaEscalatesAndReassigns()
    {
        ManualClock clock;
        const Action a = pendingAction(clock.now());
        clock.advance(3600 * 1000);
        const auto plan = SchedulerPlanner::plan(
            {a}, rules(ExpiryOutcome::Reject, false, {QStringLiteral("finance-lead")}), clock.now());
        QCOMPARE(plan.escalated, 1);
        QCOMPARE(plan.reassigned, 1);
        QCOMPARE(plan.changes.size(), 2);
        QCOMPARE(plan.changes.at(0).event, QStringLiteral("action.escalated"));
        QVERIFY(plan.changes.at(0).after.escalated);
        QCOMPARE(plan.changes.at(0).after.escalatedAt, clock.now());
        QCOMPARE(plan.changes.at(1).event, QStringLiteral("action.reassigned"));
        QCOMPARE(plan.changes.at(1).expectedVersion, plan.changes.at(0).after.version);
        QCOMPARE(plan.changes.at(1).after.assignedTo, QStringLiteral("finance-lead"));
        QCOMPARE(plan.changes.at(1).after.state, ActionState::Pending);

        // Already escalated: nothing more to do until expiry.
        Action escalated = plan.changes.at(1).after;
        QVERIFY(
            SchedulerPlanner::plan({escalated}, rules(ExpiryOutcome::Reject, false), clock.now()).changes.isEmpty());
    }

    void aLiveClaimIsNotTakenAway()
    {
        ManualClock clock;
        Action a = pendingAction(clock.now());
        a.claimedBy = QStringLiteral("rita");
        a.claimedAt = clock.now().addSecs(3000);
        a.leaseExpiresAt = clock.now().addSecs(3900);
        clock.advance(3600 * 1000);
        const auto plan = SchedulerPlanner::plan(
            {a}, rules(ExpiryOutcome::Reject, false, {QStringLiteral("finance-lead")}), clock.now());
        QCOMPARE(plan.escalated, 1);
        QCOMPARE(plan.reassigned, 0);
        QCOMPARE(plan.changes.last().after.claimedBy, QStringLiteral("rita"));
    }

    void lapsedLeaseReturnsToTheQueue()
    {
        ManualClock clock;
        Action a = pendingAction(clock.now());
        a.claimedBy = QStringLiteral("rita");
        a.claimedAt = clock.now();
        a.leaseExpiresAt = clock.now().addSecs(300);
        clock.advance(301 * 1000);
        const auto plan = SchedulerPlanner::plan({a}, rules(ExpiryOutcome::Reject, false), clock.now());
        QCOMPARE(plan.leasesReleased, 1);
        QCOMPARE(plan.changes.size(), 1);
        QCOMPARE(plan.changes.first().event, QStringLiteral("action.released"));
        QVERIFY(plan.changes.first().after.claimedBy.isEmpty());
        QCOMPARE(plan.changes.first().actor, QStringLiteral("scheduler"));
    }

    void settledActionsAreLeftAlone()
    {
        ManualClock clock;
        Action a = pendingAction(clock.now());
        a.state = ActionState::Approved;
        clock.advance(9 * 3600 * 1000);
        QVERIFY(SchedulerPlanner::plan({a}, rules(ExpiryOutcome::Reject, false), clock.now()).changes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSchedulerPlanner)
#include "tst_schedulerplanner.moc"
