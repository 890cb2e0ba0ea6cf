#include "domain/manualclock.h"
#include "policy/policy.h"
#include "policy/policyengine.h"
#include "report/reviewerreport.h"
#include "server/demohistory.h"
#include "server/recommendationreader.h"
#include "server/reportparameters.h"
#include "store/storefactory.h"
#include "testresult.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Countersign;

// The demo's 90 days of history: the same every time, and rich enough that the recommendations
// have something to say at their documented default thresholds.
class TestDemoHistory : public QObject
{
    Q_OBJECT
private:
    const QDateTime m_now{QDate(2026, 12, 4), QTime(9, 30), QTimeZone::UTC};

    std::unique_ptr<Store> openStore(const QString &path)
    {
        auto store = createStore(path, m_clock);
        if (!store || !(*store)->open())
            return nullptr;
        (*store)->setSpotCheckFraction(0.05); // the server's default
        return std::move(*store);
    }

    Policy demoPolicy()
    {
        auto policy = Policy::parse(PolicyEngine::demoPolicy());
        Q_ASSERT(policy);
        return *policy;
    }

    ManualClock m_clock;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void planIsDeterministic()
    {
        const Policy policy = demoPolicy();
        const DemoHistory::Plan a = DemoHistory::plan(policy, m_now);
        const DemoHistory::Plan b = DemoHistory::plan(policy, m_now);
        QVERIFY(a.actions > 1000);
        QCOMPARE(a.actions, b.actions);
        QCOMPARE(a.changes.size(), b.changes.size());
        for (qsizetype i = 0; i < a.changes.size(); ++i) {
            QCOMPARE(a.changes.at(i).after, b.changes.at(i).after);
            QCOMPARE(a.changes.at(i).event, b.changes.at(i).event);
        }
        // Another seed is another history.
        const DemoHistory::Plan other = DemoHistory::plan(policy, m_now, DemoHistory::DefaultSeed + 1);
        QVERIFY(other.changes.constFirst().after.id != a.changes.constFirst().after.id);
        // Everything lies in the 90 days before today.
        const QDateTime first(m_now.date().addDays(-90), QTime(0, 0), QTimeZone::UTC);
        const QDateTime today(m_now.date(), QTime(0, 0), QTimeZone::UTC);
        for (const ActionChange &c : a.changes) {
            QVERIFY(c.after.createdAt >= first);
            QVERIFY(!c.after.decidedAt.isValid() || c.after.decidedAt < today);
            QCOMPARE(c.role, QStringLiteral("demo"));
        }
    }

    void seedsOnceAndTheSameInTwoDatabases()
    {
        auto one = openStore(m_dir.filePath(QStringLiteral("one.db")));
        auto two = openStore(m_dir.filePath(QStringLiteral("two.db")));
        QVERIFY(one && two);
        const Policy policy = demoPolicy();
        auto seeded = DemoHistory::seedOnce(*one, policy, m_now);
        CS_VERIFY_OK(seeded);
        QVERIFY(*seeded > 1000);
        auto again = DemoHistory::seedOnce(*one, policy, m_now);
        QVERIFY(again);
        QCOMPARE(*again, 0); // not a fresh database any more
        QVERIFY(DemoHistory::seedOnce(*two, policy, m_now));

        const QDate from = m_now.date().addDays(-91);
        const QDate to = m_now.date().addDays(1);
        auto rowsOne = one->rollups(from, to);
        auto rowsTwo = two->rollups(from, to);
        QVERIFY(rowsOne && rowsTwo);
        QVERIFY(rowsOne->size() > 100);
        QCOMPARE(*rowsOne, *rowsTwo);
        auto checksOne = one->spotChecks(std::nullopt, QDateTime(), QDateTime(), 10000);
        auto checksTwo = two->spotChecks(std::nullopt, QDateTime(), QDateTime(), 10000);
        QVERIFY(checksOne && checksTwo);
        QCOMPARE(*checksOne, *checksTwo);
        // Some checks are done, the newest still open for the lead.
        const auto open = std::count_if(checksOne->begin(), checksOne->end(), [](const SpotCheck &s) {
            return s.isOpen();
        });
        QVERIFY(open > 0);
        QVERIFY(open < checksOne->size());

        // Marked as demo data in the audit log, and the chain holds.
        QList<AuditEntry> entries;
        for (;;) {
            auto page = one->auditEntries(entries.isEmpty() ? 0 : entries.constLast().seq, 1000);
            QVERIFY(page);
            if (page->isEmpty())
                break;
            entries += *page;
        }
        const QList<AuditEntry> *audit = &entries;
        QCOMPARE(audit->constLast().kind, QStringLiteral("demo.history_seeded"));
        QCOMPARE(audit->constLast().after.toObject().value(QLatin1String("demo_data")).toBool(), true);
        QCOMPARE(audit->constLast().after.toObject().value(QLatin1String("actions")).toInt(), *seeded);
        for (const AuditEntry &e : std::as_const(*audit)) {
            if (e.kind.startsWith(QLatin1String("action.")))
                QCOMPARE(e.role, QStringLiteral("demo"));
        }
        auto verified = one->verifyAudit();
        QVERIFY(verified);
        QVERIFY(verified->ok);
    }

    void recommendsEveryKindAtTheDefaultThresholds()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("recommend.db")));
        QVERIFY(store);
        const Policy policy = demoPolicy();
        QVERIFY(DemoHistory::seedOnce(*store, policy, m_now));

        // What GET /v1/reports/recommendations answers without a query: the last 30 days, the
        // default thresholds.
        auto window = ReportParameters::window(QUrlQuery(), m_now);
        QVERIFY(window);
        ReportEngine::RecommendationInputs in;
        in.window = *window;
        in.thresholds = RecommendationThresholds();
        RecommendationReader::addPolicy(policy, in);
        auto report = RecommendationReader::read(*store, in, m_now);
        QVERIFY(report);
        QStringList ids;
        for (const Recommendation &r : std::as_const(report->items))
            ids.append(r.id);
        qInfo() << ids;
        QVERIFY(ids.contains(QStringLiteral("promote:email.send_external")));
        QVERIFY(ids.contains(QStringLiteral("tighten-rates:code.merge_patch")));
        QVERIFY(ids.contains(QStringLiteral("tighten:db.query"))); // spot-check findings
        QVERIFY(ids.contains(QStringLiteral("unassigned:calendar.invite")));
        QVERIFY(ids.contains(QStringLiteral("unassigned:crm.update_contact")));
        // The agents' hints, also the one the demo policy has no category for.
        for (const Recommendation &r : std::as_const(report->items)) {
            if (r.id == QLatin1String("unassigned:crm.update_contact")) {
                QCOMPARE(r.evidence.value(QLatin1String("category_hint")).toString(), QStringLiteral("sales"));
                QCOMPARE(r.evidence.value(QLatin1String("category_hint_known")).toBool(), false);
                QCOMPARE(r.proposedChanges.constFirst().category, QString());
            } else if (r.id == QLatin1String("unassigned:calendar.invite")) {
                QCOMPARE(r.evidence.value(QLatin1String("category_hint")).toString(), QStringLiteral("communications"));
                QCOMPARE(r.evidence.value(QLatin1String("category_hint_known")).toBool(), true);
                QCOMPARE(r.proposedChanges.constFirst().category, QStringLiteral("communications"));
            }
        }

        // The bottleneck week shows as SLA breaches in the window.
        auto rows = store->rollups(window->firstDay, window->endDay);
        QVERIFY(rows);
        qint64 breaches = 0;
        for (const RollupRow &r : std::as_const(*rows))
            breaches += r.counts.slaBreaches;
        QVERIFY(breaches > 10);
    }

    // The four reviewers are told apart in the reviewers report over the quarter: each has
    // checked approvals, chen's are found wrong most often, bruno's least, and no reviewer
    // judged their own approval.
    void reviewersDifferInTheirSpotChecks()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("reviewers.db")));
        QVERIFY(store);
        QVERIFY(DemoHistory::seedOnce(*store, demoPolicy(), m_now));
        auto window = ReportEngine::window(m_now.addDays(-91), m_now);
        QVERIFY(window);
        auto rows = store->rollups(window->firstDay, window->endDay, ReportGrouping::Reviewer);
        auto tallies = store->reviewerSpotChecks(window->from, window->to);
        QVERIFY(rows && tallies);
        const ReviewerReport report = ReviewerReport::compute(*rows, *tallies, *window);
        QHash<QString, ReviewerReport::Row> byName;
        for (const ReviewerReport::Row &r : report.rows)
            byName.insert(r.reviewer, r);
        QCOMPARE(byName.keys().size(), 4);
        for (const ReviewerReport::Row &r : std::as_const(byName)) {
            qInfo() << r.reviewer << r.decisions << r.spotChecked << r.spotProblems << r.foundWrongRate;
            QVERIFY(r.spotChecked >= 5);
            QVERIFY(r.foundWrongRate >= 0);
        }
        for (const QString &other : {QStringLiteral("alice"), QStringLiteral("bruno"), QStringLiteral("dana")})
            QVERIFY(byName.value(QStringLiteral("chen")).foundWrongRate > byName.value(other).foundWrongRate);
        QVERIFY(byName.value(QStringLiteral("bruno")).foundWrongRate
            < byName.value(QStringLiteral("alice")).foundWrongRate);
        auto checks = store->spotChecks(false, QDateTime(), QDateTime(), 100000);
        QVERIFY(checks);
        for (const SpotCheck &s : std::as_const(*checks))
            QVERIFY(s.source == SpotCheckSource::Auto || s.checkedBy != s.approvedBy);
    }
};

QTEST_GUILESS_MAIN(TestDemoHistory)
#include "tst_demohistory.moc"
