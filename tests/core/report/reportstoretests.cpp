#include "reportstoretests.h"

#include "report/reportengine.h"
#include "reporthistory.h"
#include "testresult.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>

namespace Countersign::Test {

namespace {

const QDateTime Start(QDate(2026, 11, 2), QTime(0, 0), QTimeZone::UTC);

using RowKey = std::tuple<QDate, QString, QString, QString, QString, Tier>;

QMap<RowKey, RollupCounts> keyed(const QList<RollupRow> &rows)
{
    QMap<RowKey, RollupCounts> map;
    for (const RollupRow &r : rows)
        map[RowKey{r.day, r.category, r.type, r.reviewer, r.agent, r.tier}] += r.counts;
    return map;
}

// Names the first row that differs, column by column.
void compareRollups(const QMap<RowKey, RollupCounts> &got, const QMap<RowKey, RollupCounts> &want)
{
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        const auto &[day, category, type, reviewer, agent, tier] = it.key();
        const QString where = QStringLiteral("%1 %2 %3 '%4' %5 %6")
                                  .arg(day.toString(Qt::ISODate), category, type, reviewer, agent, tierName(tier));
        QVERIFY2(got.contains(it.key()), qPrintable(QStringLiteral("missing row ") + where));
        for (int c = 0; c < RollupCounts::ColumnCount; ++c) {
            QVERIFY2(got.value(it.key()).column(c) == it->column(c),
                qPrintable(QStringLiteral("%1 of %2: %3, not %4")
                        .arg(RollupCounts::columnNames().at(c), where)
                        .arg(got.value(it.key()).column(c))
                        .arg(it->column(c))));
        }
    }
    QCOMPARE(got.size(), want.size());
}

void compareGroupings(Store &store, const QList<RollupRow> &fine, const ReportEngine::Window &window)
{
    const QList<RollupRow> inWindow = ReportEngine::rowsIn(fine, window);
    for (auto g : {ReportGrouping::Category, ReportGrouping::Type, ReportGrouping::Reviewer, ReportGrouping::Agent,
             ReportGrouping::Day, ReportGrouping::Week}) {
        auto grouped = store.rollups(window.firstDay, window.endDay, g);
        QVERIFY(grouped);
        const ApprovalReport fromGroups = ReportEngine::approvals(*grouped, g, window);
        const ApprovalReport fromRows = ReportEngine::approvals(inWindow, g, window);
        QCOMPARE(fromGroups.groups, fromRows.groups);
        QCOMPARE(fromGroups.totals, fromRows.totals);
        QVERIFY(fromRows.totals.submitted > 0);
    }
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

QList<ActionChange> changesOf(const ReportHistory &h)
{
    QList<ActionChange> changes;
    bool planned = false;
    for (const HistoryStep &s : h.steps) {
        ActionChange c{s.after, s.before ? s.before->version : 0, s.event, QStringLiteral("test"),
            QStringLiteral("system"), {}, {}};
        // Every other change carries the planner's copy of the action; the rest leave the store
        // to read it. Both must add up to the same rollup.
        if ((planned = !planned))
            c.before = s.before;
        changes.append(std::move(c));
    }
    return changes;
}

} // namespace

ReportStoreTests::ReportStoreTests(ReportBackend backend)
    : m_backend(std::move(backend))
{ }

QString ReportStoreTests::insertActionSql()
{
    return QStringLiteral("INSERT INTO actions (id, agent, type, category, state, tier, created_at, sla_due_at, "
                          "expires_at, confidence, claimed_by, lease_expires_at, assigned_to, escalated, "
                          "idempotency_key, request_hash, version, decided_at, record) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

QVariantList ReportStoreTests::actionRow(const Action &a)
{
    const auto ms = [](const QDateTime &t) {
        return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
    };
    const auto textOrNull = [](const QString &s) {
        return s.isEmpty() ? QVariant() : QVariant(s);
    };
    const QString record = QString::fromUtf8(QJsonDocument(a.toJson()).toJson(QJsonDocument::Compact));
    return {a.id, a.agent, a.type, a.category, actionStateName(a.state), tierName(a.tier), ms(a.createdAt),
        ms(a.slaDueAt), ms(a.expiresAt), a.confidence, textOrNull(a.claimedBy), ms(a.leaseExpiresAt),
        textOrNull(a.assignedTo), a.escalated, QVariant(), QVariant(), a.version, ms(a.decidedAt), record};
}

void ReportStoreTests::initTestCase()
{
    if (m_backend.store.unavailable) {
        if (const QString why = m_backend.store.unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
    }
}

void ReportStoreTests::init()
{
    m_clock.set(Start.addDays(40));
}

std::unique_ptr<Store> ReportStoreTests::freshStore(double fraction)
{
    const QString location = m_backend.store.freshLocation();
    if (location.isEmpty())
        return {};
    auto store = m_backend.store.create(location, m_clock);
    if (!store) {
        qWarning("cannot create a %s store: %s", qPrintable(m_backend.store.name), qPrintable(store.error().message));
        return {};
    }
    (*store)->setSpotCheckFraction(fraction);
    if (auto opened = (*store)->open(); !opened) {
        qWarning("cannot open a %s store: %s", qPrintable(m_backend.store.name), qPrintable(opened.error().message));
        return {};
    }
    return std::move(*store);
}

void ReportStoreTests::commitKeepsTheRollup()
{
    const ReportHistory history = ReportHistory::generate(1500, 7, Start, 21);
    auto opened = freshStore(0.3);
    QVERIFY(opened);
    Store &store = *opened;
    QVERIFY(store.schemaVersion() >= 5); // the reports schema (0004), the spot checks' source (0005) and later
    const QList<ActionChange> changes = changesOf(history);
    // Several group commits.
    for (qsizetype i = 0; i < changes.size(); i += 500) {
        const auto results = store.commit(changes.mid(i, 500));
        for (const auto &r : results)
            CS_VERIFY_OK(r);
    }
    // A refused change (stale version) leaves the rollup alone.
    const HistoryStep &last = history.steps.constLast();
    const auto stale = store.commit({ActionChange{last.after, 0, last.event, QStringLiteral("x"), {}, {}, {}}});
    QVERIFY(!stale.constFirst());

    const QDate first = Start.date();
    const QDate end = first.addDays(40);
    auto rows = store.rollups(first, end);
    QVERIFY(rows);
    compareRollups(keyed(*rows), keyed(rollupOf(history)));

    // The store's grouped sums agree with summing the fine rows, also for a window that
    // starts and ends mid-week.
    compareGroupings(store, *rows, *ReportEngine::window(Start, Start.addDays(40)));
    compareGroupings(store, *rows, *ReportEngine::window(Start.addDays(3), Start.addDays(12)));
    auto byType = store.rollups(first, end, ReportGrouping::Type);
    for (const RollupRow &r : *byType)
        QVERIFY2(!r.category.isEmpty(), qPrintable(r.type));

    // Spot checks: exactly the sampled approvals, the policy's and the reviewers' (approved or
    // modified, not expiries), all open, each with its source and approver.
    QHash<QString, QString> expected; // id -> approved by
    qsizetype byReviewers = 0;
    for (const Action &a : history.finals) {
        if (a.state == ActionState::Approved && a.decidedBy != QLatin1String("expiry")
            && SpotCheck::isSampled(a.id, 0.3)) {
            expected.insert(a.id, a.decidedBy);
            byReviewers += a.decidedBy != QLatin1String("policy");
        }
    }
    auto checks = store.spotChecks(std::nullopt, QDateTime(), QDateTime(), 100000);
    QVERIFY(checks);
    QHash<QString, QString> sampled;
    for (const SpotCheck &s : *checks) {
        QVERIFY(s.isOpen());
        QCOMPARE(s.source, s.approvedBy == QLatin1String("policy") ? SpotCheckSource::Auto : SpotCheckSource::Review);
        sampled.insert(s.actionId, s.approvedBy);
    }
    QCOMPARE(sampled, expected);
    QVERIFY(expected.size() - byReviewers > 50);
    QVERIFY(byReviewers > 50);
}

// Two stores on one database (two server instances, or two connections to one SQLite file)
// taking turns: each reads the action as the other left it, and the rollup and spot checks add
// up as if one store had committed everything.
void ReportStoreTests::twoStoresKeepOneRollup()
{
    const ReportHistory history = ReportHistory::generate(600, 23, Start, 14);
    const QString location = m_backend.store.freshLocation();
    QVERIFY(!location.isEmpty());
    std::unique_ptr<Store> stores[2];
    for (auto &store : stores) {
        auto created = m_backend.store.create(location, m_clock);
        QVERIFY(created);
        store = std::move(*created);
        store->setSpotCheckFraction(0.5);
        QVERIFY(store->open());
    }
    const QList<ActionChange> changes = changesOf(history);
    for (qsizetype i = 0, turn = 0; i < changes.size(); i += 37, ++turn) {
        for (const auto &r : stores[turn % 2]->commit(changes.mid(i, 37)))
            CS_VERIFY_OK(r);
    }
    for (auto &store : stores) {
        auto rows = store->rollups(Start.date(), Start.date().addDays(30));
        QVERIFY(rows);
        compareRollups(keyed(*rows), keyed(rollupOf(history)));
        auto checks = store->spotChecks(true, QDateTime(), QDateTime(), 100000);
        QVERIFY(checks);
        qsizetype sampled = 0;
        for (const Action &a : history.finals) {
            if (a.state == ActionState::Approved && a.decidedBy != QLatin1String("expiry")
                && SpotCheck::isSampled(a.id, 0.5))
                ++sampled;
        }
        QCOMPARE(checks->size(), sampled);
    }
    QVERIFY(stores[0]->verifyAudit()->ok);
}

void ReportStoreTests::latestReviewOutcomesSkipPolicyAndExpiry()
{
    auto opened = freshStore();
    QVERIFY(opened);
    Store &store = *opened;
    const ReportHistory history = ReportHistory::generate(1200, 11, Start, 10);
    for (const auto &r : store.commit(changesOf(history)))
        QVERIFY(r);
    const QString type = QStringLiteral("refund.issue");
    QList<Action> reviewed;
    for (const Action &a : history.finals) {
        if (a.type == type && a.state != ActionState::Pending && a.state != ActionState::Withdrawn
            && a.decidedBy != QLatin1String("expiry") && a.decidedBy != QLatin1String("policy")
            && a.decidedAt < Start.addDays(8))
            reviewed.append(a);
    }
    std::sort(reviewed.begin(), reviewed.end(), [](const Action &a, const Action &b) {
        return a.decidedAt > b.decidedAt;
    });
    auto latest = store.latestReviewOutcomes(type, Start, Start.addDays(8), 40);
    QVERIFY(latest);
    QCOMPARE(latest->size(), qMin<qsizetype>(40, reviewed.size()));
    for (qsizetype i = 0; i < latest->size(); ++i) {
        const Action &a = reviewed.at(i);
        const Outcome want = a.state == ActionState::Rejected ? Outcome::Reject
            : a.modified                                      ? Outcome::Modify
                                                              : Outcome::Approve;
        QCOMPARE(latest->at(i), want);
    }
}

void ReportStoreTests::spotChecksTakeOneVerdict()
{
    auto opened = freshStore(1.0);
    QVERIFY(opened);
    Store &store = *opened;
    const ReportHistory history = ReportHistory::generate(60, 3, Start, 2);
    for (const auto &r : store.commit(changesOf(history)))
        QVERIFY(r);
    auto open = store.spotChecks(true, QDateTime(), QDateTime(), 1000);
    QVERIFY(open && !open->isEmpty());
    SpotCheck verdict;
    verdict.actionId = open->constFirst().actionId;
    verdict.verdict = SpotCheckVerdict::Problem;
    verdict.note = QStringLiteral("sent to the wrong list");
    verdict.checkedBy = QStringLiteral("rita");
    verdict.checkedAt = m_clock.now();
    AuditEntry audit;
    audit.actor = QStringLiteral("rita");
    audit.role = QStringLiteral("reviewer");
    audit.kind = QStringLiteral("spotcheck.checked");
    audit.subject = verdict.actionId;
    auto recorded = store.recordSpotCheck(verdict, audit);
    QVERIFY(recorded);
    QCOMPARE(recorded->verdict, std::optional<SpotCheckVerdict>(SpotCheckVerdict::Problem));
    QCOMPARE(recorded->type, open->constFirst().type);
    const auto again = store.recordSpotCheck(verdict, audit);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    verdict.actionId = QStringLiteral("nope");
    QCOMPARE(store.recordSpotCheck(verdict, audit).error().code, ErrorCode::NotFound);
    auto done = store.spotChecks(false, QDateTime(), QDateTime(), 1000);
    QCOMPARE(done->size(), 1);
    QCOMPARE(store.spotChecks(true, QDateTime(), QDateTime(), 1000)->size(), open->size() - 1);
    // One audit entry for the verdict, none for the refusals; the chain holds.
    auto entries = store.auditEntries(0, 1000);
    QCOMPARE(std::count_if(entries->begin(), entries->end(),
                 [](const AuditEntry &e) {
                     return e.kind == QLatin1String("spotcheck.checked");
                 }),
        1);
    QVERIFY(store.verifyAudit()->ok);
}

void ReportStoreTests::proposalsMoveOnOnce()
{
    auto opened = freshStore();
    QVERIFY(opened);
    Store &store = *opened;
    PolicyProposal p;
    p.id = QStringLiteral("p1");
    p.changes = {{QStringLiteral("a.b"), Tier::Auto}};
    p.note = QStringLiteral("n");
    p.createdBy = QStringLiteral("lena");
    p.createdAt = m_clock.now();
    AuditEntry audit;
    audit.actor = QStringLiteral("lena");
    audit.role = QStringLiteral("lead");
    audit.kind = QStringLiteral("policy.proposal.created");
    audit.subject = QStringLiteral("proposal p1");
    QVERIFY(store.saveProposal(p, std::nullopt, audit));
    QCOMPARE(store.saveProposal(p, std::nullopt, audit).error().code, ErrorCode::Conflict);
    QCOMPARE(*store.proposal(QStringLiteral("p1")), p);
    PolicyProposal applied = p;
    applied.state = ProposalState::Applied;
    applied.policyVersion = 2;
    applied.decidedBy = QStringLiteral("ada");
    applied.decidedAt = m_clock.now();
    QVERIFY(store.saveProposal(applied, ProposalState::Draft, audit));
    QCOMPARE(store.saveProposal(applied, ProposalState::Draft, audit).error().code, ErrorCode::Conflict);
    applied.id = QStringLiteral("missing");
    QCOMPARE(store.saveProposal(applied, ProposalState::Draft, audit).error().code, ErrorCode::NotFound);
    QCOMPARE(store.proposal(QStringLiteral("missing")).error().code, ErrorCode::NotFound);
    QCOMPARE(store.proposals(10)->size(), 1);
    QCOMPARE(store.proposals(10)->constFirst().state, ProposalState::Applied);
    QCOMPARE(store.auditEntries(0, 100)->size(), 2);
    QVERIFY(store.verifyAudit()->ok);
}

// A database left by version 3 holds actions but no rollup; opening it backfills the rollup

// with everything the stored rows tell (not decide times, which need the claim).

void ReportStoreTests::upgradeFromVersion3Backfills()
{
    const ReportHistory history = ReportHistory::generate(1500, 99, Start, 14);
    const QString location = m_backend.store.freshLocation();
    QVERIFY(!location.isEmpty());
    auto built = m_backend.createVersion3(location, history.finals);
    CS_VERIFY_OK(built);
    auto created = m_backend.store.create(location, m_clock);
    QVERIFY(created);
    Store &store = **created;
    auto opened = store.open();
    CS_VERIFY_OK(opened);
    QVERIFY(store.schemaVersion() >= 5); // the reports schema (0004), the spot checks' source (0005) and later
    auto rows = store.rollups(Start.date(), Start.date().addDays(30));
    QVERIFY(rows);
    QList<RollupRow> expected = rollupOf(history);
    for (RollupRow &r : expected)
        r.counts.decideTime = {};
    auto want = keyed(expected);
    auto got = keyed(*rows);
    // Rows that only held decide times are empty once those are dropped.
    for (auto it = want.begin(); it != want.end();) {
        if (it->isEmpty())
            it = want.erase(it);
        else
            ++it;
    }
    QCOMPARE(got.size(), want.size());
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        QVERIFY2(got.contains(it.key()), qPrintable(std::get<2>(it.key())));
        QCOMPARE(got.value(it.key()), *it);
    }
    // And the upgraded store keeps counting from there.
    Action a = history.finals.constFirst();
    a.id = QStringLiteral("after-upgrade");
    a.version = 1;
    QVERIFY(store
            .commit({ActionChange{
                a, 0, QStringLiteral("action.created"), QStringLiteral("bot"), QStringLiteral("agent"), {}, {}}})
            .constFirst());
    auto after = store.rollups(Start.date(), Start.date().addDays(30), ReportGrouping::Category);
    qint64 submitted = 0;
    for (const RollupRow &r : *after)
        submitted += r.counts.submitted;
    QCOMPARE(submitted, qint64(history.finals.size() + 1));
}

} // namespace Countersign::Test
