// WhatIfSimulation over hand-made past actions: no database, every number known.
#include "report/whatifsimulation.h"

#include <QTest>
#include <QTimeZone>

using namespace Countersign;

namespace {

QByteArray policyDocument(int version, const char *refundTier, const char *mailTier)
{
    return QStringLiteral(R"({"version": %1,
        "categories": {"finance": {"sla": "1h", "expires_after": "8h", "on_expiry": "reject"},
                       "comms": {"sla": "1h", "expires_after": "8h", "on_expiry": "reject"}},
        "action_types": {"refund.issue": {"category": "finance", "tier": "%2"},
                         "email.send": {"category": "comms", "tier": "%3"}},
        "rules": [{"when": {"type": "refund.issue", "context.amount_above": 500}, "tier": "prohibited",
                   "reason": "large refund"}]})")
        .arg(version)
        .arg(QLatin1String(refundTier), QLatin1String(mailTier))
        .toUtf8();
}

Policy parsed(const QByteArray &document)
{
    auto p = Policy::parse(document);
    if (!p)
        qFatal("test policy does not parse: %s", qPrintable(p.error().toString()));
    return *p;
}

PastAction past(const QString &id, const char *type, ActionState state, const char *by, bool modified = false)
{
    PastAction a;
    a.id = id;
    a.type = QLatin1String(type);
    a.category = QStringLiteral("finance");
    a.confidence = 0.9;
    a.state = state;
    a.decidedBy = QLatin1String(by);
    a.modified = modified;
    return a;
}

} // namespace

class TestWhatIfSimulation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsMovesOutcomesAndCosts()
    {
        WhatIfSimulation sim(parsed(policyDocument(1, "review", "auto")), parsed(policyDocument(2, "auto", "review")));
        sim.setMedianDecideSeconds({{QStringLiteral("comms"), 90.0}}, 10.0);
        for (int i = 0; i < 25; ++i)
            sim.add(past(QStringLiteral("r%1").arg(i), "refund.issue", ActionState::Rejected, "rita"));
        sim.add(past(QStringLiteral("m1"), "refund.issue", ActionState::Approved, "rita", true));
        sim.add(past(QStringLiteral("a1"), "refund.issue", ActionState::Approved, "rita"));
        sim.add(past(QStringLiteral("x1"), "refund.issue", ActionState::Rejected, "expiry"));
        sim.add(past(QStringLiteral("p1"), "refund.issue", ActionState::Pending, ""));
        // Prohibited under both (a rule on the context): no move.
        PastAction large = past(QStringLiteral("big"), "refund.issue", ActionState::Rejected, "policy");
        large.context = R"({"amount": 900})";
        sim.add(large);
        for (int i = 0; i < 3; ++i)
            sim.add(past(QStringLiteral("e%1").arg(i), "email.send", ActionState::Approved, "policy"));

        const SimulationReport r = sim.report(QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::UTC),
            QDateTime(QDate(2026, 4, 1), QTime(0, 0), QTimeZone::UTC));
        QCOMPARE(r.currentVersion, 1);
        QCOMPARE(r.proposedVersion, 2);
        QCOMPARE(r.types.size(), 2);
        const SimulationGroup &mail = r.types.at(0);
        const SimulationGroup &refund = r.types.at(1);
        QCOMPARE(mail.type, QStringLiteral("email.send"));
        QCOMPARE(refund.actions, 30);
        QCOMPARE(refund.moves[1][0], 29);
        QCOMPARE(refund.moves[2][2], 1);
        QCOMPARE(refund.toAuto.rejected, 25);
        QCOMPARE(refund.toAuto.rejectedExamples.size(), SimulationGroup::MaxExamples);
        QCOMPARE(refund.toAuto.rejectedExamples.constFirst(), QStringLiteral("r0"));
        QCOMPARE(refund.toAuto.modified, 1);
        QCOMPARE(refund.toAuto.modifiedExamples, QStringList{QStringLiteral("m1")});
        QCOMPARE(refund.toAuto.approved, 1);
        QCOMPARE(refund.toAuto.expired, 1);
        QCOMPARE(refund.toAuto.undecided, 1);
        QCOMPARE(refund.rejectedOrModified(), 26);
        QCOMPARE(mail.moves[0][1], 3);
        QCOMPARE(mail.toReview, 3);
        QCOMPARE(mail.reviewerSeconds, 270.0);
        QCOMPARE(r.total.actions, 33);
        QCOMPARE(r.total.moved(), 32);

        // The JSON round trip the client reads.
        auto back = SimulationReport::fromJson(r.toJson());
        QVERIFY(back);
        QCOMPARE(*back, r);
    }

    void theSamePolicyMovesNothing()
    {
        const Policy p = parsed(policyDocument(1, "review", "auto"));
        WhatIfSimulation sim(p, p);
        sim.add(past(QStringLiteral("r1"), "refund.issue", ActionState::Rejected, "rita"));
        sim.add(past(QStringLiteral("e1"), "email.send", ActionState::Approved, "policy"));
        const SimulationReport r = sim.report(QDateTime::currentDateTimeUtc(), QDateTime::currentDateTimeUtc());
        QCOMPARE(r.total.actions, 2);
        QCOMPARE(r.total.moved(), 0);
        QCOMPARE(r.total.toAuto.count(), 0);
        QCOMPARE(r.total.toReview, 0);
    }

    void prohibitedApprovalsAndKeptProblems()
    {
        WhatIfSimulation sim(
            parsed(policyDocument(1, "review", "auto")), parsed(policyDocument(2, "prohibited", "auto")));
        sim.add(past(QStringLiteral("ok"), "refund.issue", ActionState::Approved, "rita"));
        sim.add(past(QStringLiteral("no"), "refund.issue", ActionState::Rejected, "rita"));
        PastAction bad = past(QStringLiteral("bad"), "email.send", ActionState::Approved, "policy");
        bad.spotCheck = SpotCheckVerdict::Problem;
        sim.add(bad);
        PastAction fine = past(QStringLiteral("fine"), "email.send", ActionState::Approved, "policy");
        fine.spotCheck = SpotCheckVerdict::Ok;
        sim.add(fine);
        const SimulationReport r = sim.report(QDateTime::currentDateTimeUtc(), QDateTime::currentDateTimeUtc());
        QCOMPARE(r.total.toProhibited, 2);
        QCOMPARE(r.total.prohibitedApproved, 1);
        QCOMPARE(r.total.prohibitedApprovedExamples, QStringList{QStringLiteral("ok")});
        QCOMPARE(r.total.problemsKeptAuto, 1);
        QCOMPARE(r.total.problemExamples, QStringList{QStringLiteral("bad")});
    }
};

QTEST_GUILESS_MAIN(TestWhatIfSimulation)
#include "tst_whatifsimulation.moc"
