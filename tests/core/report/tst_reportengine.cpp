// ReportEngine over generated histories: the rollup of every committed change, summed by the
// engine, must equal what the final actions say when counted directly.
#include "lifecycle/statemachine.h"
#include "report/approvalreport.h"
#include "report/policyproposal.h"
#include "report/reportengine.h"
#include "reporthistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <functional>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

const QDateTime Start(QDate(2026, 11, 2), QTime(0, 0), QTimeZone::UTC); // a Monday

// The expectation for one group, counted from final actions.
struct Expected {
    qint64 submitted = 0, autoApproved = 0, prohibited = 0, approved = 0, modified = 0, rejected = 0, expired = 0,
           withdrawn = 0, slaBreaches = 0, escalations = 0;
    QList<qint64> queueMs;
    QList<qint64> decideMs;
};

QDate dayOf(const QDateTime &t)
{
    return t.toTimeZone(QTimeZone::UTC).date();
}

QString keyOf(ReportGrouping g, const Action &a, const QString &reviewer, const QDate &day)
{
    switch (g) {
    case ReportGrouping::Category:
        return a.category;
    case ReportGrouping::Type:
        return a.type;
    case ReportGrouping::Reviewer:
        return reviewer;
    case ReportGrouping::Agent:
        return a.agent;
    case ReportGrouping::Day:
        return day.toString(Qt::ISODate);
    case ReportGrouping::Week:
        return day.addDays(1 - day.dayOfWeek()).toString(Qt::ISODate);
    }
    return {};
}

// Counts every fact of `history` whose day is in [first, end) under its key; "" keys are kept for totals.
QMap<QString, Expected> expectations(
    const ReportHistory &history, ReportGrouping g, const QDate &first, const QDate &end, Expected &totals)
{
    QMap<QString, Expected> map;
    auto in = [&](const QDate &d) {
        return d >= first && d < end;
    };
    auto add = [&](const QString &key, const std::function<void(Expected &)> &fn) {
        fn(totals);
        if (!key.isEmpty())
            fn(map[key]);
    };
    for (const Action &a : history.finals) {
        const QDate created = dayOf(a.createdAt);
        if (in(created)) {
            add(keyOf(g, a, QString(), created), [](Expected &e) {
                ++e.submitted;
            });
        }
        if (a.escalated && in(dayOf(a.escalatedAt))) {
            add(keyOf(g, a, QString(), dayOf(a.escalatedAt)), [](Expected &e) {
                ++e.escalations;
            });
        }
        if (a.state == ActionState::Pending || !in(dayOf(a.decidedAt)))
            continue;
        const QDate decided = dayOf(a.decidedAt);
        const bool policy = a.decidedBy == QLatin1String(StateMachine::PolicyActor);
        const bool expiry = a.decidedBy == QLatin1String(StateMachine::ExpiryActor);
        const bool withdrawn = a.state == ActionState::Withdrawn;
        const QString reviewer = policy || expiry || withdrawn ? QString() : a.decidedBy;
        const qint64 queue = a.createdAt.msecsTo(a.decidedAt);
        const QDateTime claimed = history.claimedAt.value(a.id);
        add(keyOf(g, a, reviewer, decided), [&](Expected &e) {
            if (withdrawn) {
                ++e.withdrawn;
                return;
            }
            if (policy) {
                ++(a.state == ActionState::Approved ? e.autoApproved : e.prohibited);
                return;
            }
            if (expiry)
                ++e.expired;
            else if (a.state == ActionState::Rejected)
                ++e.rejected;
            else
                ++(a.modified ? e.modified : e.approved);
            e.queueMs.append(queue);
            if (a.decidedAt > a.slaDueAt)
                ++e.slaBreaches;
            if (!expiry && claimed.isValid())
                e.decideMs.append(claimed.msecsTo(a.decidedAt));
        });
    }
    return map;
}

qint64 nearestRank(QList<qint64> values, double q)
{
    std::sort(values.begin(), values.end());
    const qsizetype rank = qMax<qsizetype>(1, qsizetype(std::ceil(q * double(values.size()) - 1e-9)));
    return values.at(rank - 1);
}

// The reported quantile is the midpoint of the bucket holding the true one.
bool withinResolution(double reportedSeconds, const QList<qint64> &samples, double q)
{
    if (samples.isEmpty())
        return reportedSeconds == -1;
    const qint64 exact = nearestRank(samples, q);
    const int bucket = DurationHistogram::bucketOf(exact);
    if (reportedSeconds != DurationHistogram::representativeSeconds(bucket)) {
        qWarning() << "quantile" << q << "reported" << reportedSeconds << "exact ms" << exact;
        return false;
    }
    if (bucket == 0 || bucket == DurationHistogram::Buckets - 1)
        return true;
    const double ratio = reportedSeconds * 1000.0 / double(exact);
    return ratio <= std::pow(2.0, 1.0 / 6.0) + 1e-9 && ratio >= std::pow(2.0, -1.0 / 6.0) - 1e-9;
}

void compareGroup(const ReportGroup &g, const Expected &e)
{
    QCOMPARE(g.submitted, e.submitted);
    QCOMPARE(g.autoApproved, e.autoApproved);
    QCOMPARE(g.prohibited, e.prohibited);
    QCOMPARE(g.approved, e.approved);
    QCOMPARE(g.modified, e.modified);
    QCOMPARE(g.rejected, e.rejected);
    QCOMPARE(g.reviewed, e.approved + e.modified + e.rejected);
    QCOMPARE(g.expired, e.expired);
    QCOMPARE(g.withdrawn, e.withdrawn);
    QCOMPARE(g.slaBreaches, e.slaBreaches);
    QCOMPARE(g.escalations, e.escalations);
    if (g.reviewed > 0) {
        QCOMPARE(g.approvalRate, double(e.approved) / double(g.reviewed));
        QCOMPARE(g.modificationRate, double(e.modified) / double(g.reviewed));
        QVERIFY(qAbs(g.rejectionRate - double(e.rejected) / double(g.reviewed)) < 1e-12);
        QVERIFY(qAbs(g.approvalRate + g.modificationRate + g.rejectionRate - 1.0) < 1e-12);
    } else {
        QCOMPARE(g.approvalRate + g.modificationRate + g.rejectionRate, 0.0);
    }
    QVERIFY(withinResolution(g.queueMedianSeconds, e.queueMs, 0.5));
    QVERIFY(withinResolution(g.queueP95Seconds, e.queueMs, 0.95));
    QVERIFY(withinResolution(g.decideMedianSeconds, e.decideMs, 0.5));
}

QList<RollupRow> rollupOf(const ReportHistory &h)
{
    QList<RollupRow> rows;
    for (const HistoryStep &s : h.steps) {
        if (auto row = RollupRow::forChange(s.before ? &*s.before : nullptr, s.after))
            rows.append(*row);
    }
    return rows;
}

RollupRow typeRow(const QString &type, qint64 approved, qint64 modified, qint64 rejected)
{
    RollupRow r;
    r.day = Start.date();
    r.type = type;
    r.category = QStringLiteral("communications");
    r.counts.approved = approved;
    r.counts.modified = modified;
    r.counts.rejected = rejected;
    r.counts.submitted = approved + modified + rejected;
    return r;
}

ReportEngine::RecommendationInputs inputs()
{
    ReportEngine::RecommendationInputs in;
    in.window = *ReportEngine::window(Start, Start.addDays(7));
    in.policyTypes = {{QStringLiteral("x.review"), Tier::Review}, {QStringLiteral("x.auto"), Tier::Auto}};
    return in;
}

QStringList ids(const RecommendationReport &r)
{
    QStringList list;
    for (const Recommendation &item : r.items)
        list.append(item.id);
    return list;
}

} // namespace

class TestReportEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void histogramBuckets()
    {
        QCOMPARE(DurationHistogram::bucketOf(-5), 0);
        QCOMPARE(DurationHistogram::bucketOf(0), 0);
        QCOMPARE(DurationHistogram::bucketOf(999), 0);
        QCOMPARE(DurationHistogram::bucketOf(1000), 1);
        QCOMPARE(DurationHistogram::bucketOf(1259), 1);
        QCOMPARE(DurationHistogram::bucketOf(1260), 2);
        QCOMPARE(DurationHistogram::bucketOf(std::numeric_limits<qint64>::max()), 63);
        // Each bound is 1000 * 2^(k/3), rounded.
        for (int k = 1; k < DurationHistogram::Buckets; ++k)
            QCOMPARE(DurationHistogram::lowerBoundMs(k), qRound64(1000.0 * std::pow(2.0, (k - 1) / 3.0)));
        DurationHistogram::Counts empty{};
        QCOMPARE(DurationHistogram::quantileSeconds(empty, 0.5), -1.0);
        DurationHistogram::Counts c{};
        c[3] = 1;
        c[10] = 1;
        QCOMPARE(DurationHistogram::quantileSeconds(c, 0.5), DurationHistogram::representativeSeconds(3));
        QCOMPARE(DurationHistogram::quantileSeconds(c, 0.51), DurationHistogram::representativeSeconds(10));
    }

    void aggregationMatchesTheHistory_data()
    {
        QTest::addColumn<int>("grouping");
        QTest::addColumn<int>("firstDay");
        QTest::addColumn<int>("lastDay");
        for (auto g : {ReportGrouping::Category, ReportGrouping::Type, ReportGrouping::Reviewer, ReportGrouping::Agent,
                 ReportGrouping::Day, ReportGrouping::Week}) {
            const QByteArray name = reportGroupingName(g).toLatin1();
            QTest::newRow(QByteArray(name + " whole").constData()) << int(g) << 0 << 30;
            QTest::newRow(QByteArray(name + " days 5-11").constData()) << int(g) << 5 << 12;
        }
    }

    void aggregationMatchesTheHistory()
    {
        QFETCH(int, grouping);
        QFETCH(int, firstDay);
        QFETCH(int, lastDay);
        const auto g = ReportGrouping(grouping);
        const ReportHistory history = ReportHistory::generate(4000, 20261102, Start, 28);
        const auto window = ReportEngine::window(Start.addDays(firstDay), Start.addDays(lastDay));
        QVERIFY(window);
        const ApprovalReport report
            = ReportEngine::approvals(ReportEngine::rowsIn(rollupOf(history), *window), g, *window);
        Expected totals;
        const auto expected = expectations(history, g, window->firstDay, window->endDay, totals);
        QCOMPARE(report.groups.size(), expected.size());
        qsizetype i = 0;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it, ++i) {
            QCOMPARE(report.groups.at(i).key, it.key());
            compareGroup(report.groups.at(i), *it);
        }
        compareGroup(report.totals, totals);
        QVERIFY(totals.submitted > 0 && totals.approved > 0 && totals.escalations > 0 && totals.expired > 0);

        // The JSON round trip keeps every figure.
        const auto back = ApprovalReport::fromJson(report.toJson());
        QVERIFY(back);
        QCOMPARE(back->groups, report.groups);
        QCOMPARE(back->totals, report.totals);
        QCOMPARE(back->groupBy, g);
    }

    void windowRoundsToDaysAndChecks()
    {
        const auto w = ReportEngine::window(Start.addSecs(3600), Start.addDays(2).addSecs(1));
        QVERIFY(w);
        QCOMPARE(w->from, Start);
        QCOMPARE(w->to, Start.addDays(3));
        QCOMPARE(w->previous().from, Start.addDays(-3));
        QCOMPARE(ReportEngine::window(Start, Start).error().field, QStringLiteral("from"));
        QCOMPARE(ReportEngine::window(Start.addDays(1), Start).error().field, QStringLiteral("from"));
        QCOMPARE(ReportEngine::window(Start, Start.addDays(5000)).error().field, QStringLiteral("to"));
        QCOMPARE(ReportEngine::weekStart(QDate(2026, 11, 8)), QDate(2026, 11, 2));
    }

    void promoteAtTheEdges_data()
    {
        QTest::addColumn<qint64>("approved");
        QTest::addColumn<qint64>("rejected");
        QTest::addColumn<int>("rejectionAt"); // index in the newest outcomes, -1: none
        QTest::addColumn<bool>("promoted");
        QTest::newRow("200 reviewed at 98%") << qint64(196) << qint64(4) << -1 << true;
        QTest::newRow("199 reviewed at 100%") << qint64(199) << qint64(0) << -1 << false;
        QTest::newRow("97.9% of 1000") << qint64(979) << qint64(21) << -1 << false;
        QTest::newRow("98.0% of 1000") << qint64(980) << qint64(20) << -1 << true;
        QTest::newRow("rejection 50th newest") << qint64(196) << qint64(4) << 49 << false;
        QTest::newRow("rejection 51st newest") << qint64(196) << qint64(4) << 50 << true;
        QTest::newRow("rejection newest") << qint64(196) << qint64(4) << 0 << false;
    }

    void promoteAtTheEdges()
    {
        QFETCH(qint64, approved);
        QFETCH(qint64, rejected);
        QFETCH(int, rejectionAt);
        QFETCH(bool, promoted);
        ReportEngine::RecommendationInputs in = inputs();
        in.typeRows = {typeRow(QStringLiteral("x.review"), approved, 0, rejected)};
        QCOMPARE(ReportEngine::promoteCandidates(in.typeRows, in.policyTypes, in.thresholds)
                     .contains(QStringLiteral("x.review")),
            approved + rejected >= 200 && approved * 100 >= 98 * (approved + rejected));
        QList<Outcome> latest(60, Outcome::Approve);
        if (rejectionAt >= 0)
            latest[rejectionAt] = Outcome::Reject;
        in.latestReviews.insert(QStringLiteral("x.review"), latest);
        const RecommendationReport r = ReportEngine::recommend(in);
        QCOMPARE(ids(r).contains(QStringLiteral("promote:x.review")), promoted);
        if (promoted) {
            const Recommendation &item = r.items.constFirst();
            QCOMPARE(item.proposedChanges, (QList<PolicyChange>{{QStringLiteral("x.review"), Tier::Auto}}));
            QCOMPARE(item.evidence.value(QLatin1String("reviewed")).toInteger(), approved + rejected);
            QCOMPARE(item.evidence.value(QLatin1String("last_n")).toInt(), 50);
            QVERIFY(!item.summary.isEmpty());
        }
    }

    void tightenByRates()
    {
        ReportEngine::RecommendationInputs in = inputs();
        in.typeRows = {typeRow(QStringLiteral("x.review"), 16, 0, 4)}; // rejection rate exactly 0.2 of 20
        QVERIFY(ids(ReportEngine::recommend(in)).contains(QStringLiteral("tighten-rates:x.review")));
        in.typeRows = {typeRow(QStringLiteral("x.review"), 17, 0, 3)};
        QVERIFY(!ids(ReportEngine::recommend(in)).contains(QStringLiteral("tighten-rates:x.review")));
        in.typeRows = {typeRow(QStringLiteral("x.review"), 14, 6, 0)}; // modification rate exactly 0.3
        QVERIFY(ids(ReportEngine::recommend(in)).contains(QStringLiteral("tighten-rates:x.review")));
        in.typeRows = {typeRow(QStringLiteral("x.review"), 12, 3, 4)}; // 19 reviewed: too few
        QVERIFY(!ids(ReportEngine::recommend(in)).contains(QStringLiteral("tighten-rates:x.review")));
    }

    void tightenBySpotChecksAndConfidenceRules()
    {
        ReportEngine::RecommendationInputs in = inputs();
        in.confidenceRules = ReportEngine::confidenceRules(QByteArray(R"({"rules":[
            {"when": {"type": "db.query", "context.sql_matches": "x"}, "tier": "review", "reason": "writes"},
            {"when": {"confidence_below": 0.7}, "tier": "review", "reason": "low confidence"},
            {"when": {"confidence_below": 0.9, "type": "other.type"}, "tier": "review", "reason": "other"}]})"));
        QCOMPARE(in.confidenceRules.size(), 2);
        QCOMPARE(in.confidenceRules.at(0).path, QStringLiteral("rules[1]"));
        QCOMPARE(in.confidenceRules.at(0).threshold, 0.7);
        SpotCheck ok;
        ok.actionId = QStringLiteral("a1");
        ok.type = QStringLiteral("x.auto");
        ok.verdict = SpotCheckVerdict::Ok;
        ok.confidence = 0.95;
        SpotCheck problem = ok;
        problem.actionId = QStringLiteral("a2");
        problem.verdict = SpotCheckVerdict::Problem;
        problem.confidence = 0.82;
        SpotCheck open = ok;
        open.actionId = QStringLiteral("a3");
        open.verdict.reset();
        in.spotChecks = {ok, open};
        QVERIFY(ReportEngine::recommend(in).items.isEmpty());
        in.spotChecks = {ok, problem, open};
        const RecommendationReport r = ReportEngine::recommend(in);
        QCOMPARE(ids(r), (QStringList{QStringLiteral("tighten-rule:rules[1]"), QStringLiteral("tighten:x.auto")}));
        const Recommendation &byRule = r.items.at(0);
        QCOMPARE(byRule.evidence.value(QLatin1String("suggested_threshold")).toDouble(), 0.85);
        QCOMPARE(byRule.evidence.value(QLatin1String("problems_let_through")).toInt(), 1);
        const Recommendation &byType = r.items.at(1);
        QCOMPARE(byType.proposedChanges, (QList<PolicyChange>{{QStringLiteral("x.auto"), Tier::Review}}));
        QCOMPARE(byType.evidence.value(QLatin1String("spot_checks")).toInt(), 2);
        QCOMPARE(byType.evidence.value(QLatin1String("problems")).toInt(), 1);
    }

    void unassignedTypesWithExamples()
    {
        ReportEngine::RecommendationInputs in = inputs();
        RollupRow row = typeRow(QStringLiteral("crm.merge"), 0, 0, 1);
        row.category = QStringLiteral("triage");
        in.typeRows = {row, typeRow(QStringLiteral("x.review"), 1, 0, 0)};
        QCOMPARE(ReportEngine::unassignedTypes(in.typeRows, in.policyTypes), QStringList{QStringLiteral("crm.merge")});
        in.examples.insert(QStringLiteral("crm.merge"), {{QStringLiteral("id1"), QStringLiteral("Merge A and B")}});
        const RecommendationReport r = ReportEngine::recommend(in);
        QCOMPARE(ids(r), QStringList{QStringLiteral("unassigned:crm.merge")});
        QCOMPARE(r.items.constFirst().category, QStringLiteral("triage"));
        QCOMPARE(r.items.constFirst().evidence.value(QLatin1String("submitted")).toInt(), 1);
        QCOMPARE(r.items.constFirst()
                     .evidence.value(QLatin1String("examples"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("title"))
                     .toString(),
            QStringLiteral("Merge A and B"));
    }

    void bottlenecksAtTheFactor_data()
    {
        QTest::addColumn<qint64>("previousBreaches");
        QTest::addColumn<qint64>("currentBreaches");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("exactly 1.5x") << qint64(10) << qint64(15) << true;
        QTest::newRow("1.4x") << qint64(10) << qint64(14) << false;
        QTest::newRow("from nothing") << qint64(0) << qint64(15) << false;
    }

    void bottlenecksAtTheFactor()
    {
        QFETCH(qint64, previousBreaches);
        QFETCH(qint64, currentBreaches);
        QFETCH(bool, flagged);
        ReportEngine::RecommendationInputs in = inputs();
        RollupRow now;
        now.category = QStringLiteral("finance");
        now.counts.slaBreaches = currentBreaches;
        RollupRow before = now;
        before.counts.slaBreaches = previousBreaches;
        in.categoryRows = {now};
        in.previousCategoryRows = {before};
        QCOMPARE(ids(ReportEngine::recommend(in)).contains(QStringLiteral("bottleneck:category:finance")), flagged);
    }

    void queueTimeGrowth()
    {
        ReportEngine::RecommendationInputs in = inputs();
        RollupRow now;
        now.category = QStringLiteral("finance");
        RollupRow before = now;
        before.counts.queueTime[20] = 10;
        now.counts.queueTime[22] = 10; // 2^(2/3) = 1.59x
        in.categoryRows = {now};
        in.previousCategoryRows = {before};
        const RecommendationReport r = ReportEngine::recommend(in);
        QCOMPARE(ids(r), QStringList{QStringLiteral("bottleneck:category:finance")});
        const QJsonObject median = r.items.constFirst().evidence.value(QLatin1String("queue_time_median_s")).toObject();
        QVERIFY(median.value(QLatin1String("growth")).toDouble() > 1.5);
        now.counts.queueTime = {};
        now.counts.queueTime[21] = 10; // 1.26x
        in.categoryRows = {now};
        QVERIFY(ReportEngine::recommend(in).items.isEmpty());
    }

    void overloadedReviewers_data()
    {
        QTest::addColumn<qint64>("rita");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("twice the mean") << qint64(20) << true; // 20, 5, 5: mean 10
        QTest::newRow("1.9x the mean") << qint64(19) << false; // 19, 5, 6: mean 10
    }

    void overloadedReviewers()
    {
        QFETCH(qint64, rita);
        QFETCH(bool, flagged);
        ReportEngine::RecommendationInputs in = inputs();
        auto reviewerRow = [](const QString &name, qint64 decisions) {
            RollupRow r;
            r.reviewer = name;
            r.counts.approved = decisions;
            return r;
        };
        in.reviewerRows = {reviewerRow(QStringLiteral("rita"), rita), reviewerRow(QStringLiteral("sam"), 5),
            reviewerRow(QStringLiteral("lena"), 25 - rita)};
        QCOMPARE(ids(ReportEngine::recommend(in)).contains(QStringLiteral("bottleneck:reviewer:rita")), flagged);
        // Live claims count too: everyone decides alike but one holds the queue.
        in.reviewerRows = {reviewerRow(QStringLiteral("rita"), 5), reviewerRow(QStringLiteral("sam"), 5)};
        in.liveClaims = {{QStringLiteral("sam"), 9}, {QStringLiteral("rita"), 0}};
        QCOMPARE(ids(ReportEngine::recommend(in)), QStringList{QStringLiteral("bottleneck:reviewer:sam")});
    }

    void valuesRoundTripThroughJson()
    {
        RecommendationReport r;
        r.from = Start;
        r.to = Start.addDays(1);
        r.thresholds.minReviewed = 10;
        Recommendation item;
        item.id = QStringLiteral("promote:a.b");
        item.kind = RecommendationKind::Promote;
        item.type = QStringLiteral("a.b");
        item.summary = QStringLiteral("s");
        item.evidence = QJsonObject{{QStringLiteral("reviewed"), 3}};
        item.proposedChanges = {{QStringLiteral("a.b"), Tier::Auto}};
        r.items = {item};
        const auto back = RecommendationReport::fromJson(r.toJson());
        QVERIFY(back);
        QCOMPARE(back->items, r.items);
        QCOMPARE(back->thresholds, r.thresholds);
        QCOMPARE(RecommendationThresholds::fromJson({{QStringLiteral("promote_rate"), 2}}).error().field,
            QStringLiteral("promote_rate"));

        PolicyProposal p;
        p.id = QStringLiteral("p1");
        p.changes = {{QStringLiteral("a.b"), Tier::Review}};
        p.state = ProposalState::Applied;
        p.createdAt = Start;
        p.policyVersion = 4;
        QCOMPARE(*PolicyProposal::fromJson(p.toJson()), p);
        QCOMPARE(PolicyChange::fromJson({{QStringLiteral("type"), QStringLiteral("a.b")},
                                            {QStringLiteral("tier"), QStringLiteral("sometimes")}})
                     .error()
                     .field,
            QStringLiteral("tier"));

        SpotCheck s;
        s.actionId = QStringLiteral("x");
        s.sampledAt = Start;
        s.verdict = SpotCheckVerdict::Problem;
        s.note = QStringLiteral("wrong recipient");
        QCOMPARE(*SpotCheck::fromJson(s.toJson()), s);
    }

    void spotCheckSampling()
    {
        QVERIFY(!SpotCheck::isSampled(QStringLiteral("any"), 0));
        QVERIFY(SpotCheck::isSampled(QStringLiteral("any"), 1));
        int sampled = 0;
        for (int i = 0; i < 20000; ++i) {
            const QString id = QStringLiteral("id-%1").arg(i);
            const bool in = SpotCheck::isSampled(id, 0.05);
            QCOMPARE(SpotCheck::isSampled(id, 0.05), in); // deterministic
            if (in) {
                ++sampled;
                QVERIFY(SpotCheck::isSampled(id, 0.2)); // a larger fraction keeps every sample
            }
        }
        QVERIFY2(sampled > 800 && sampled < 1200, qPrintable(QString::number(sampled)));
    }

    void applyingChangesToADocument()
    {
        const QByteArray doc = R"({"version": 3, "action_types": {"a.b": {"category": "c", "tier": "review"}}})";
        const auto changed = PolicyChange::applyAll(doc,
            {{QStringLiteral("a.b"), Tier::Auto}, {QStringLiteral("new.type"), Tier::Review}},
            QStringLiteral("triage"));
        QVERIFY(changed);
        const QJsonObject o = QJsonDocument::fromJson(*changed).object();
        QCOMPARE(o.value(QLatin1String("version")).toInt(), 4);
        const QJsonObject types = o.value(QLatin1String("action_types")).toObject();
        QCOMPARE(types.value(QLatin1String("a.b")).toObject().value(QLatin1String("tier")).toString(),
            QStringLiteral("auto"));
        QCOMPARE(types.value(QLatin1String("a.b")).toObject().value(QLatin1String("category")).toString(),
            QStringLiteral("c"));
        QCOMPARE(types.value(QLatin1String("new.type")).toObject().value(QLatin1String("category")).toString(),
            QStringLiteral("triage"));
    }

    void aChangeCanGiveATypeItsCategory()
    {
        const QByteArray doc = R"({"version": 1, "action_types": {"a.b": {"category": "c", "tier": "review"}}})";
        const auto changed = PolicyChange::applyAll(doc,
            {PolicyChange{QStringLiteral("a.b"), Tier::Review, QStringLiteral("d")},
                PolicyChange{QStringLiteral("new.type"), Tier::Auto, QStringLiteral("sales")}},
            QString()); // no default needed when the change names its category
        QVERIFY(changed);
        const QJsonObject types
            = QJsonDocument::fromJson(*changed).object().value(QLatin1String("action_types")).toObject();
        QCOMPARE(types.value(QLatin1String("a.b")).toObject().value(QLatin1String("category")).toString(),
            QStringLiteral("d"));
        QCOMPARE(types.value(QLatin1String("new.type")).toObject().value(QLatin1String("category")).toString(),
            QStringLiteral("sales"));
        QCOMPARE(types.value(QLatin1String("new.type")).toObject().value(QLatin1String("tier")).toString(),
            QStringLiteral("auto"));

        // JSON both ways; the category is optional and checked.
        const PolicyChange change{QStringLiteral("x.y"), Tier::Review, QStringLiteral("finance")};
        QCOMPARE(PolicyChange::fromJson(change.toJson()).value(), change);
        const PolicyChange plain{QStringLiteral("x.y"), Tier::Review};
        QVERIFY(!plain.toJson().contains(QLatin1String("category")));
        const auto bad = PolicyChange::fromJson(QJsonObject{{QStringLiteral("type"), QStringLiteral("x.y")},
            {QStringLiteral("tier"), QStringLiteral("review")}, {QStringLiteral("category"), 7}});
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, QStringLiteral("category"));
    }

    void unassignedProposalStartsFromTheHint()
    {
        ReportEngine::RecommendationInputs in;
        in.window = *ReportEngine::window(QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::UTC),
            QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::UTC));
        in.unassignedCategory = QStringLiteral("triage");
        RollupRow hinted;
        hinted.day = QDate(2026, 11, 5);
        hinted.type = QStringLiteral("calendar.invite");
        hinted.category = QStringLiteral("communications"); // the agents' hint named a policy category
        hinted.counts.submitted = 3;
        RollupRow unhinted = hinted;
        unhinted.type = QStringLiteral("crm.update_contact");
        unhinted.category = QStringLiteral("triage");
        RollupRow hintless = hinted; // the same type sent once without a hint: not the type's home
        hintless.category = QStringLiteral("triage");
        hintless.day = QDate(2026, 11, 9);
        in.typeRows = {hinted, unhinted, hintless};
        const RecommendationReport report = ReportEngine::recommend(in);
        QCOMPARE(report.items.size(), 2);
        QCOMPARE(report.items.at(0).id, QStringLiteral("unassigned:calendar.invite"));
        QCOMPARE(report.items.at(0).proposedChanges.constFirst().category, QStringLiteral("communications"));
        QCOMPARE(report.items.at(0).evidence.value(QLatin1String("category_hint")).toString(),
            QStringLiteral("communications"));
        QCOMPARE(report.items.at(1).proposedChanges.constFirst().category, QString());
        QVERIFY(!report.items.at(1).evidence.contains(QLatin1String("category_hint")));
    }

    // Hints kept on the actions: the most frequent wins, also when the policy has no such
    // category (then it is evidence only: a proposal can name only the policy's categories).
    void unassignedKeepsHintsThePolicyDoesNotKnow()
    {
        ReportEngine::RecommendationInputs in;
        in.window = *ReportEngine::window(QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::UTC),
            QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::UTC));
        in.unassignedCategory = QStringLiteral("triage");
        in.policyCategoryNames = {QStringLiteral("communications"), QStringLiteral("triage")};
        RollupRow crm;
        crm.day = QDate(2026, 11, 5);
        crm.type = QStringLiteral("crm.update_contact");
        crm.category = QStringLiteral("triage"); // "sales" is not a category of the policy
        crm.counts.submitted = 5;
        RollupRow invite = crm;
        invite.type = QStringLiteral("calendar.invite");
        invite.category = QStringLiteral("communications");
        in.typeRows = {crm, invite};
        in.categoryHints.insert(crm.type, {{QStringLiteral("marketing"), 1}, {QStringLiteral("sales"), 4}});
        in.categoryHints.insert(invite.type, {{QStringLiteral("communications"), 2}});
        const RecommendationReport report = ReportEngine::recommend(in);
        QCOMPARE(report.items.size(), 2);
        const Recommendation &inviteItem = report.items.at(0);
        QCOMPARE(inviteItem.id, QStringLiteral("unassigned:calendar.invite"));
        QCOMPARE(
            inviteItem.evidence.value(QLatin1String("category_hint")).toString(), QStringLiteral("communications"));
        QCOMPARE(inviteItem.evidence.value(QLatin1String("category_hint_known")).toBool(), true);
        QCOMPARE(inviteItem.proposedChanges.constFirst().category, QStringLiteral("communications"));
        const Recommendation &crmItem = report.items.at(1);
        QCOMPARE(crmItem.evidence.value(QLatin1String("category_hint")).toString(), QStringLiteral("sales"));
        QVERIFY(crmItem.evidence.contains(QLatin1String("category_hint_known")));
        QCOMPARE(crmItem.evidence.value(QLatin1String("category_hint_known")).toBool(), false);
        QCOMPARE(crmItem.proposedChanges.constFirst().category, QString());
    }
};

QTEST_GUILESS_MAIN(TestReportEngine)
#include "tst_reportengine.moc"
