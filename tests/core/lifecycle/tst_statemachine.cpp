#include "lifecycle/statemachine.h"

#include <QTest>

using namespace Countersign;
using namespace std::chrono_literals;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 5, 4), QTime(9, 0), QTimeZone::UTC);

Action proposed(Tier tier)
{
    Action a;
    a.id = QStringLiteral("id-1");
    a.type = QStringLiteral("refund.issue");
    a.agent = QStringLiteral("bot");
    a.payload = {QStringLiteral("refund 10"), QStringLiteral("text")};
    a.tier = tier;
    a.tierReason = QStringLiteral("because");
    return *StateMachine::admit(a, T0);
}

Decision decision(Outcome o, const QString &reviewer = QStringLiteral("alice"))
{
    Decision d;
    d.outcome = o;
    d.reviewer = reviewer;
    if (o == Outcome::Reject)
        d.reason = QStringLiteral("no");
    if (o == Outcome::Modify)
        d.payload = Payload{QStringLiteral("refund 5"), {}};
    return d;
}

} // namespace

class TestStateMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void admissionFollowsTier()
    {
        const Action autoA = proposed(Tier::Auto);
        QCOMPARE(autoA.state, ActionState::Approved);
        QCOMPARE(autoA.decidedBy, QStringLiteral("policy"));
        QCOMPARE(autoA.finalPayload, autoA.payload);

        const Action prohibited = proposed(Tier::Prohibited);
        QCOMPARE(prohibited.state, ActionState::Rejected);
        QCOMPARE(prohibited.reason, QStringLiteral("because"));

        QCOMPARE(proposed(Tier::Review).state, ActionState::Pending);
    }

    void approveModifyReject()
    {
        const Action a = proposed(Tier::Review);
        const auto approved = StateMachine::decide(a, decision(Outcome::Approve), T0.addSecs(5));
        QVERIFY(approved);
        QCOMPARE(approved->state, ActionState::Approved);
        QCOMPARE(approved->modified, false);
        QCOMPARE(approved->version, a.version + 1);
        QCOMPARE(approved->decidedBy, QStringLiteral("alice"));

        const auto modified = StateMachine::decide(a, decision(Outcome::Modify), T0);
        QVERIFY(modified);
        QVERIFY(modified->modified);
        QCOMPARE(modified->finalPayload->content, QStringLiteral("refund 5"));
        QCOMPARE(modified->finalPayload->language, QStringLiteral("text"));

        const auto rejected = StateMachine::decide(a, decision(Outcome::Reject), T0);
        QVERIFY(rejected);
        QCOMPARE(rejected->state, ActionState::Rejected);
        QCOMPARE(rejected->reason, QStringLiteral("no"));
    }

    // A modify edits what the agent proposes; the text the change replaces stays the action's,
    // whatever (or nothing) the decision's payload says about it.
    void modifyKeepsTheOriginal()
    {
        Action a = proposed(Tier::Review);
        a.payload.original = QStringLiteral("refund 0");
        Decision d = decision(Outcome::Modify);
        const auto modified = StateMachine::decide(a, d, T0);
        QVERIFY(modified);
        QCOMPARE(modified->finalPayload->original, std::optional(QStringLiteral("refund 0")));
        d.payload->original = QStringLiteral("forged");
        const auto forged = StateMachine::decide(a, d, T0);
        QVERIFY(forged);
        QCOMPARE(forged->finalPayload->original, std::optional(QStringLiteral("refund 0")));
        // Sending back the unchanged payload, original included, is no modification.
        d.payload = a.payload;
        const auto same = StateMachine::decide(a, d, T0);
        QVERIFY(same);
        QVERIFY(!same->modified);
    }

    void neverDecidedTwice()
    {
        const Action a = *StateMachine::decide(proposed(Tier::Review), decision(Outcome::Approve), T0);
        for (auto o : {Outcome::Approve, Outcome::Modify, Outcome::Reject}) {
            const auto again = StateMachine::decide(a, decision(o), T0);
            QVERIFY(!again);
            QCOMPARE(again.error().code, ErrorCode::Conflict);
        }
        QVERIFY(!StateMachine::expire(a, ExpiryOutcome::Reject, false, T0));
        QVERIFY(!StateMachine::withdraw(a, QStringLiteral("bot"), T0));
    }

    void prohibitedNeverApproved()
    {
        Action a = proposed(Tier::Review);
        a.tier = Tier::Prohibited; // as if a pending action were somehow prohibited
        for (auto o : {Outcome::Approve, Outcome::Modify}) {
            const auto r = StateMachine::decide(a, decision(o), T0);
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::PolicyViolation);
        }
        const auto expired = StateMachine::expire(a, ExpiryOutcome::Approve, true, T0);
        QVERIFY(expired);
        QCOMPARE(expired->state, ActionState::Rejected);
    }

    void staleVersionRefused()
    {
        const Action a = proposed(Tier::Review);
        Decision d = decision(Outcome::Approve);
        d.expectedVersion = a.version + 1;
        const auto r = StateMachine::decide(a, d, T0);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        d.expectedVersion = a.version;
        QVERIFY(StateMachine::decide(a, d, T0));
    }

    void claimsAndLeases()
    {
        const Action a = proposed(Tier::Review);
        const auto claimed = StateMachine::claim(a, QStringLiteral("alice"), 300s, T0);
        QVERIFY(claimed);
        QCOMPARE(claimed->leaseExpiresAt, T0.addSecs(300));

        const auto stolen = StateMachine::claim(*claimed, QStringLiteral("bob"), 300s, T0.addSecs(10));
        QVERIFY(!stolen);
        QCOMPARE(stolen.error().code, ErrorCode::Conflict);
        QVERIFY(!StateMachine::decide(*claimed, decision(Outcome::Approve, QStringLiteral("bob")), T0.addSecs(10)));
        QVERIFY(!StateMachine::expireLease(*claimed, T0.addSecs(299)));

        const auto lapsed = StateMachine::expireLease(*claimed, T0.addSecs(300));
        QVERIFY(lapsed);
        QVERIFY(lapsed->claimedBy.isEmpty());
        QVERIFY(StateMachine::claim(*claimed, QStringLiteral("bob"), 300s, T0.addSecs(301)));

        QVERIFY(!StateMachine::release(*claimed, QStringLiteral("bob"), false, T0.addSecs(1)));
        QVERIFY(StateMachine::release(*claimed, QStringLiteral("bob"), true, T0.addSecs(1)));
        QVERIFY(StateMachine::release(*claimed, QStringLiteral("alice"), false, T0.addSecs(1)));
    }

    void snoozeReleasesTheClaimAndEndsByItself()
    {
        Action a = proposed(Tier::Review);
        a.expiresAt = T0.addDays(2);
        const auto claimed = StateMachine::claim(a, QStringLiteral("alice"), 300s, T0);
        const auto snoozed = StateMachine::snooze(*claimed, QStringLiteral("alice"), T0.addSecs(900), T0);
        QVERIFY(snoozed);
        QCOMPARE(snoozed->version, claimed->version + 1);
        QCOMPARE(snoozed->snoozedBy, QStringLiteral("alice"));
        QCOMPARE(snoozed->snoozedUntil, T0.addSecs(900));
        QVERIFY(snoozed->claimedBy.isEmpty()); // the claim is released
        QCOMPARE(snoozed->slaDueAt, claimed->slaDueAt); // the SLA runs on
        QCOMPARE(snoozed->expiresAt, claimed->expiresAt);
        QVERIFY(snoozed->isSnoozedFor(QStringLiteral("alice"), T0.addSecs(899)));
        QVERIFY(!snoozed->isSnoozedFor(QStringLiteral("bob"), T0.addSecs(899)));
        // Nothing fires: at the time it is simply no longer snoozed.
        QVERIFY(!snoozed->isSnoozedFor(QStringLiteral("alice"), T0.addSecs(900)));
        QVERIFY(!snoozed->isSnoozedAt(T0.addSecs(900)));

        // Another reviewer's snooze leaves alice's claim alone, and is refused while alice's is live.
        QCOMPARE(StateMachine::snooze(*snoozed, QStringLiteral("bob"), T0.addSecs(600), T0.addSecs(1)).error().code,
            ErrorCode::Conflict);
        QVERIFY(StateMachine::snooze(*snoozed, QStringLiteral("bob"), T0.addSecs(1600), T0.addSecs(901)));
        const auto held = StateMachine::claim(a, QStringLiteral("bob"), 300s, T0);
        const auto aside = StateMachine::snooze(*held, QStringLiteral("alice"), T0.addSecs(60), T0);
        QCOMPARE(aside->claimedBy, QStringLiteral("bob"));
        // alice may move her own snooze.
        QCOMPARE(
            StateMachine::snooze(*snoozed, QStringLiteral("alice"), T0.addSecs(60), T0)->snoozedUntil, T0.addSecs(60));
    }

    void snoozeEndsEarlyOnRequestOrClaim()
    {
        const Action a = proposed(Tier::Review);
        const auto snoozed = StateMachine::snooze(a, QStringLiteral("alice"), T0.addSecs(3600), T0);
        QCOMPARE(StateMachine::endSnooze(*snoozed, QStringLiteral("bob"), false, T0).error().code, ErrorCode::Conflict);
        QVERIFY(StateMachine::endSnooze(*snoozed, QStringLiteral("bob"), true, T0)); // a lead
        const auto ended = StateMachine::endSnooze(*snoozed, QStringLiteral("alice"), false, T0);
        QVERIFY(ended && ended->snoozedBy.isEmpty() && !ended->snoozedUntil.isValid());
        QCOMPARE(StateMachine::endSnooze(*ended, QStringLiteral("alice"), false, T0).error().code, ErrorCode::Conflict);
        QCOMPARE(StateMachine::endSnooze(*snoozed, QStringLiteral("alice"), false, T0.addSecs(3600)).error().code,
            ErrorCode::Conflict); // already over

        // Opening it on purpose takes it up again; someone else's claim does not end it.
        QVERIFY(StateMachine::claim(*snoozed, QStringLiteral("alice"), 300s, T0)->snoozedBy.isEmpty());
        QCOMPARE(StateMachine::claim(*snoozed, QStringLiteral("bob"), 300s, T0)->snoozedBy, QStringLiteral("alice"));
        // A decision ends it.
        QVERIFY(
            StateMachine::decide(*snoozed, decision(Outcome::Approve, QStringLiteral("bob")), T0)->snoozedBy.isEmpty());
    }

    void snoozeBounds()
    {
        Action a = proposed(Tier::Review);
        const QString alice = QStringLiteral("alice");
        auto refused = [&](const QDateTime &until, const QString &field = QStringLiteral("until")) {
            const auto r = StateMachine::snooze(a, alice, until, T0, field);
            return !r && r.error().code == ErrorCode::InvalidArgument && r.error().field == field;
        };
        QVERIFY(refused(T0));
        QVERIFY(refused(T0.addSecs(-1), QStringLiteral("minutes")));
        QVERIFY(refused(QDateTime()));
        QVERIFY(refused(T0.addSecs(StateMachine::MaxSnoozeSeconds + 1)));
        QVERIFY(StateMachine::snooze(a, alice, T0.addSecs(StateMachine::MaxSnoozeSeconds), T0));
        a.expiresAt = T0.addSecs(3600);
        QVERIFY(refused(T0.addSecs(3601)));
        QVERIFY(StateMachine::snooze(a, alice, T0.addSecs(3600), T0));
        const auto decided = StateMachine::decide(a, decision(Outcome::Approve), T0);
        QCOMPARE(StateMachine::snooze(*decided, alice, T0.addSecs(60), T0).error().code, ErrorCode::Conflict);
        QCOMPARE(StateMachine::endSnooze(*decided, alice, false, T0).error().code, ErrorCode::Conflict);
    }

    void expiryOutcomes()
    {
        const Action a = proposed(Tier::Review);
        QCOMPARE(StateMachine::expire(a, ExpiryOutcome::Expire, false, T0)->state, ActionState::Expired);
        QCOMPARE(StateMachine::expire(a, ExpiryOutcome::Reject, false, T0)->state, ActionState::Rejected);
        // approve only where explicitly allowed
        QCOMPARE(StateMachine::expire(a, ExpiryOutcome::Approve, false, T0)->state, ActionState::Rejected);
        const auto approved = StateMachine::expire(a, ExpiryOutcome::Approve, true, T0);
        QCOMPARE(approved->state, ActionState::Approved);
        QCOMPARE(approved->decidedBy, QStringLiteral("expiry"));
    }

    void withdrawOnlyBySubmitter()
    {
        const Action a = proposed(Tier::Review);
        QCOMPARE(StateMachine::withdraw(a, QStringLiteral("other"), T0).error().code, ErrorCode::Forbidden);
        QCOMPARE(StateMachine::withdraw(a, QStringLiteral("bot"), T0)->state, ActionState::Withdrawn);
    }

    void retierOnlyTightens()
    {
        const Action a = proposed(Tier::Review);
        QVERIFY(!StateMachine::retier(a, Tier::Auto, QStringLiteral("looser"), T0));
        QVERIFY(!StateMachine::retier(a, Tier::Review, QStringLiteral("same"), T0));
        const auto r = StateMachine::retier(a, Tier::Prohibited, QStringLiteral("now banned"), T0);
        QVERIFY(r);
        QCOMPARE(r->state, ActionState::Rejected);
        QCOMPARE(r->reason, QStringLiteral("now banned"));
    }

    void escalateOnce()
    {
        const auto e = StateMachine::escalate(proposed(Tier::Review), T0);
        QVERIFY(e && e->escalated);
        QVERIFY(!StateMachine::escalate(*e, T0));
    }
};

QTEST_GUILESS_MAIN(TestStateMachine)
#include "tst_statemachine.moc"
