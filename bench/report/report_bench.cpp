// Reports over a year of history: N decided actions (default 1,000,000) in a real SQLite file,
// made by a bulk path (one transaction, prepared inserts, the rollup summed in memory with the
// same RollupRow::forChange commit() uses). Then each report is timed through the store and
// ReportEngine, next to a plain GROUP BY over the actions table that computes less.
//
//   report_bench [actions] [file]
#include "benchdatabase.h"
#include "domain/manualclock.h"
#include "lifecycle/statemachine.h"
#include "policy/policyengine.h"
#include "report/reportengine.h"
#include "server/recommendationreader.h"
#include "store/sqlite/sqlitereporttables.h"
#include "store/sqlite/sqlitestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

using namespace Countersign;

namespace {

QTextStream out(stdout);

struct TypeSpec {
    const char *type;
    const char *category;
    Tier tier;
    int agents[2];
};

// The demo policy's types: each agent works its own domain, each category has its own reviewers.
constexpr TypeSpec Types[] = {{"email.send_external", "communications", Tier::Review, {0, 1}},
    {"email.send_internal", "communications", Tier::Auto, {0, 1}},
    {"chat.post_status", "notifications", Tier::Review, {0, 0}}, {"refund.issue", "finance", Tier::Review, {2, 2}},
    {"invoice.void", "finance", Tier::Review, {2, 2}}, {"code.merge_patch", "code", Tier::Review, {3, 3}},
    {"db.query", "data", Tier::Auto, {4, 4}}, {"db.migrate", "data", Tier::Review, {4, 4}},
    {"db.drop_table", "data", Tier::Prohibited, {4, 4}}, {"shell.run", "operations", Tier::Review, {5, 5}},
    {"crm.merge_contacts", "triage", Tier::Review, {0, 0}}};
constexpr const char *Agents[] = {"support-bot", "outreach-bot", "finance-bot", "coder-bot", "data-bot", "ops-bot"};

QString reviewerFor(const QString &category, int n)
{
    return category.left(3) + QStringLiteral("-reviewer-") + QString::number(n);
}

using Key = std::tuple<QDate, QString, QString, QString, QString, int>;

bool exec(QSqlQuery &q)
{
    if (q.exec())
        return true;
    out << "SQL failed: " << q.lastError().text() << Qt::endl;
    return false;
}

// Inserts `count` actions over the year before `end` and their rollup rows, summed in `rollup`.
bool fill(QSqlDatabase &db, int count, const QDateTime &end, QMap<Key, RollupCounts> &rollup)
{
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO actions (id, agent, type, category, state, tier, created_at, sla_due_at, expires_at, "
        "confidence, escalated, version, decided_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QRandomGenerator rng(20261123);
    auto add = [&rollup](const std::optional<RollupRow> &row) {
        if (row)
            rollup[Key{row->day, row->category, row->type, row->reviewer, row->agent, int(row->tier)}] += row->counts;
    };
    const QDateTime start = end.addDays(-365);
    for (int i = 0; i < count; ++i) {
        const TypeSpec &spec = Types[rng.bounded(int(std::size(Types)))];
        Action a;
        a.id = QStringLiteral("bench-%1").arg(i, 8, 10, QLatin1Char('0'));
        a.type = QLatin1String(spec.type);
        a.category = QLatin1String(spec.category);
        a.title = QStringLiteral("Action %1").arg(i);
        a.agent = QLatin1String(Agents[spec.agents[rng.bounded(2)]]);
        a.confidence = 0.6 + 0.4 * rng.generateDouble();
        a.tier = spec.tier;
        a.createdAt = start.addMSecs(qint64(rng.generateDouble() * 365.0 * 86400000.0));
        a.slaDueAt = a.createdAt.addSecs(4 * 3600);
        a.expiresAt = a.createdAt.addSecs(86400);
        Action current = *StateMachine::admit(a, a.createdAt);
        add(RollupRow::forChange(nullptr, current));
        if (current.state == ActionState::Pending) {
            const int fate = rng.bounded(100);
            // A year of queue: some types wait longer, and the wait grows through the year.
            const double growth = double(a.createdAt.secsTo(end)) < 30 * 86400.0 ? 1.5 : 0.0;
            const QDateTime done
                = a.createdAt.addMSecs(qint64(std::pow(2.0, 4.0 + growth + rng.generateDouble() * 10.0) * 1000.0));
            if (done > current.slaDueAt) {
                const Action before = current;
                current = *StateMachine::escalate(before, before.slaDueAt);
                add(RollupRow::forChange(&before, current));
            }
            const Action before = [&] {
                if (fate >= 95)
                    return current;
                const QString reviewer = reviewerFor(a.category, rng.bounded(4));
                return *StateMachine::claim(
                    current, reviewer, std::chrono::hours(48), a.createdAt.addMSecs(a.createdAt.msecsTo(done) * 3 / 4));
            }();
            if (fate >= 97) {
                current = *StateMachine::expire(before, ExpiryOutcome::Expire, false, before.expiresAt);
            } else if (fate >= 95) {
                current = *StateMachine::withdraw(before, before.agent, done);
            } else {
                Decision d;
                d.reviewer = before.claimedBy;
                const int o = rng.bounded(1000);
                d.outcome = o < 930 ? Outcome::Approve : o < 975 ? Outcome::Modify : Outcome::Reject;
                if (d.outcome == Outcome::Modify)
                    d.payload = Payload{QStringLiteral("edited"), {}};
                d.reason = QStringLiteral("reviewed");
                current = *StateMachine::decide(before, d, done);
            }
            add(RollupRow::forChange(&before, current));
        }
        insert.bindValue(0, current.id);
        insert.bindValue(1, current.agent);
        insert.bindValue(2, current.type);
        insert.bindValue(3, current.category);
        insert.bindValue(4, actionStateName(current.state));
        insert.bindValue(5, tierName(current.tier));
        insert.bindValue(6, current.createdAt.toMSecsSinceEpoch());
        insert.bindValue(7, current.slaDueAt.toMSecsSinceEpoch());
        insert.bindValue(8, current.expiresAt.toMSecsSinceEpoch());
        insert.bindValue(9, current.confidence);
        insert.bindValue(10, current.escalated ? 1 : 0);
        insert.bindValue(11, current.version);
        insert.bindValue(
            12, current.decidedAt.isValid() ? QVariant(current.decidedAt.toMSecsSinceEpoch()) : QVariant());
        insert.bindValue(13, QString::fromUtf8(QJsonDocument(current.toJson()).toJson(QJsonDocument::Compact)));
        if (!exec(insert))
            return false;
    }
    const QStringList &columns = RollupCounts::columnNames();
    QSqlQuery row(db);
    row.prepare(QStringLiteral("INSERT INTO report_rollups (day, category, type, reviewer, agent, tier, ")
        + columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (")
        + QStringList(6 + columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")) + u')');
    for (auto it = rollup.cbegin(); it != rollup.cend(); ++it) {
        const auto &[day, category, type, reviewer, agent, tier] = it.key();
        row.bindValue(0, SqliteReportTables::dayNumber(day));
        row.bindValue(1, category);
        row.bindValue(2, type);
        row.bindValue(3, reviewer.isNull() ? QStringLiteral("") : reviewer);
        row.bindValue(4, agent);
        row.bindValue(5, tierName(Tier(tier)));
        for (int c = 0; c < RollupCounts::ColumnCount; ++c)
            row.bindValue(6 + c, it->column(c));
        if (!exec(row))
            return false;
    }
    return true;
}

// Fills `path` (already migrated) with `count` actions over the year before `end`, in bulk.
bool generate(const QString &path, int count, const QDateTime &end)
{
    QMap<Key, RollupCounts> rollup; // ordered: the inserts follow the primary key
    const bool filled = Bench::fillInBulk(path, [count, &end, &rollup](QSqlDatabase &db) {
        return fill(db, count, end, rollup);
    });
    if (filled)
        out << "rollup rows: " << rollup.size() << Qt::endl;
    return filled;
}

// The best of `runs` timings, in milliseconds.
template<typename Fn>
double bestOf(int runs, Fn fn)
{
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!fn())
            return -1;
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QDateTime end(QDate(2026, 11, 23), QTime(0, 0), QTimeZone::UTC);
    ManualClock clock;
    clock.set(end);
    const auto database = Bench::seededDatabase(
        argc, argv, dir, QStringLiteral("reports.db"), clock,
        [&end](const QString &file, int count) {
            return generate(file, count, end);
        },
        out);
    if (!database)
        return 1;
    const QString path = database->path;

    SqliteStore store(path, clock);
    if (!store.open())
        return 1;
    QSqlDatabase plain = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-plain"));
    plain.setDatabaseName(path);
    plain.open();

    const auto window = *ReportEngine::window(end.addDays(-365), end);
    out << Qt::endl << "report (window: 365 days)       rollup ms   plain GROUP BY ms   ratio" << Qt::endl;
    struct Case {
        ReportGrouping grouping;
        QString plainKey;
    };
    const Case cases[]
        = {{ReportGrouping::Category, QStringLiteral("category")}, {ReportGrouping::Type, QStringLiteral("type")},
            {ReportGrouping::Reviewer, QStringLiteral("json_extract(record, '$.decided_by')")},
            {ReportGrouping::Week, QStringLiteral("(created_at / 86400000) - ((created_at / 86400000 + 3) % 7)")}};
    bool allFast = true;
    for (const Case &c : cases) {
        qsizetype groups = 0;
        const double rollupMs = bestOf(3, [&] {
            auto rows = store.rollups(window.firstDay, window.endDay, c.grouping);
            if (!rows)
                return false;
            groups = ReportEngine::approvals(*rows, c.grouping, window).groups.size();
            return true;
        });
        // Counts and a mean only: a real equivalent (medians, reviewers, SLA) would cost more.
        const QString sql = QStringLiteral(
            "SELECT %1, count(*), sum(state = 'approved'), sum(state = 'rejected'), sum(escalated), "
            "avg(decided_at - created_at) FROM actions WHERE created_at >= ? AND created_at < ? GROUP BY 1")
                                .arg(c.plainKey);
        const double plainMs = bestOf(1, [&] {
            QSqlQuery q(plain);
            q.prepare(sql);
            q.addBindValue(window.from.toMSecsSinceEpoch());
            q.addBindValue(window.to.toMSecsSinceEpoch());
            if (!q.exec())
                return false;
            while (q.next()) { }
            return true;
        });
        allFast = allFast && rollupMs < 1000;
        out << "approvals by " << reportGroupingName(c.grouping).leftJustified(10) << " (" << groups << " groups)"
            << QString::number(rollupMs, 'f', 1).rightJustified(12)
            << QString::number(plainMs, 'f', 1).rightJustified(16)
            << QString::number(plainMs / rollupMs, 'f', 0).rightJustified(9) << 'x' << Qt::endl;
    }
    const Policy policy = *Policy::parse(PolicyEngine::demoPolicy());
    ReportEngine::RecommendationInputs in;
    in.window = *ReportEngine::window(end.addDays(-30), end);
    RecommendationReader::addPolicy(policy, in);
    qsizetype items = 0;
    const double recommendMs = bestOf(3, [&] {
        auto r = RecommendationReader::read(store, in, end);
        if (!r)
            return false;
        items = r->items.size();
        return true;
    });
    allFast = allFast && recommendMs < 1000;
    out << "recommendations (30 days, " << items << " items)" << QString::number(recommendMs, 'f', 1).rightJustified(9)
        << Qt::endl;

    // The drill-down reads the actions themselves: a page of the newest 50 with the total, the
    // first page and the tenth (keyset cursor), over the last 90 days.
    out << Qt::endl << "drill-down (window: 90 days)          total   first page ms   10th page ms" << Qt::endl;
    const auto recent = *ReportEngine::window(end.addDays(-90), end);
    struct DrillCase {
        DrillDownMeasure measure;
        QString category;
    };
    const DrillCase drills[] = {{DrillDownMeasure::Submitted, {}}, {DrillDownMeasure::Reviewed, {}},
        {DrillDownMeasure::Rejected, QStringLiteral("finance")}, {DrillDownMeasure::SlaBreaches, {}},
        {DrillDownMeasure::Escalations, {}}, {DrillDownMeasure::Expired, {}}, {DrillDownMeasure::Withdrawn, {}}};
    for (const DrillCase &d : drills) {
        DrillDownQuery q;
        q.measure = d.measure;
        q.from = recent.from;
        q.to = recent.to;
        q.category = d.category;
        qint64 total = 0;
        const double firstMs = bestOf(3, [&] {
            auto page = store.drillDown(q);
            total = page ? page->total : -1;
            return bool(page);
        });
        double tenthMs = 0;
        DrillDownQuery next = q;
        for (int i = 0; i < 9; ++i) {
            auto page = store.drillDown(next);
            if (!page || page->nextCursor.isEmpty())
                break;
            next.cursor = page->nextCursor;
        }
        if (!next.cursor.isEmpty()) {
            tenthMs = bestOf(3, [&] {
                return bool(store.drillDown(next));
            });
        }
        allFast = allFast && firstMs < 1000 && tenthMs < 1000;
        const QString name = drillDownMeasureName(d.measure) + (d.category.isEmpty() ? QString() : u' ' + d.category);
        out << name.leftJustified(34) << QString::number(total).rightJustified(9)
            << QString::number(firstMs, 'f', 1).rightJustified(16)
            << QString::number(tenthMs, 'f', 1).rightJustified(15) << Qt::endl;
    }
    out << Qt::endl
        << (allFast ? "goal met: every report and drill-down page under 1 s"
                    : "GOAL MISSED: a report or a drill-down page took 1 s or more")
        << Qt::endl;
    plain.close();
    return allFast ? 0 : 2;
}
