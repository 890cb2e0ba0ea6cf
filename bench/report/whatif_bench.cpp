// The policy what-if over N actions (default 1,000,000) of the last 90 days in a real SQLite file,
// seeded by a bulk path (one transaction, one prepared insert). Times, side by side: streaming
// the window from the store alone, and streaming plus re-evaluating every action under the policy
// in force and a proposal (the demo policy with three types re-tiered), which is what
// POST /v1/policy/simulate does. The goal is under 5 s for 1M actions.
//
//   whatif_bench [actions] [file]
#include "benchdatabase.h"
#include "domain/manualclock.h"
#include "policy/policyengine.h"
#include "report/policychange.h"
#include "report/whatifsimulation.h"
#include "store/sqlite/sqlitestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>

#include <ctime>

using namespace Countersign;

namespace {

QTextStream out(stdout);

struct TypeSpec {
    const char *type;
    const char *category;
    Tier tier;
};

constexpr TypeSpec Types[] = {{"email.send_external", "communications", Tier::Review},
    {"email.send_internal", "communications", Tier::Auto}, {"chat.post_status", "notifications", Tier::Review},
    {"refund.issue", "finance", Tier::Review}, {"invoice.void", "finance", Tier::Review},
    {"code.merge_patch", "code", Tier::Review}, {"db.query", "data", Tier::Auto}, {"db.migrate", "data", Tier::Review},
    {"shell.run", "operations", Tier::Review}, {"crm.merge_contacts", "triage", Tier::Review}};

bool generate(const QString &path, int count, const QDateTime &end)
{
    return Bench::fillInBulk(path, [count, &end](QSqlDatabase &db) {
        bool ok = true;
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
            "INSERT INTO actions (id, agent, type, category, state, tier, created_at, confidence, escalated, version, "
            "decided_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"));
        QSqlQuery check(db);
        check.prepare(QStringLiteral(
            "INSERT INTO spot_checks (action_id, type, category, agent, title, confidence, tier_reason, sampled_at, "
            "verdict, note, checked_by, checked_at) VALUES (?, ?, ?, 'bot', 'sampled', ?, 'policy', ?, ?, '', 'rita', "
            "?)"));
        QRandomGenerator rng(20261204);
        const QDateTime start = end.addDays(-90);
        for (int i = 0; i < count && ok; ++i) {
            const TypeSpec &spec = Types[rng.bounded(int(std::size(Types)))];
            Action a;
            a.id = QStringLiteral("bench-%1").arg(i, 8, 10, QLatin1Char('0'));
            a.type = QLatin1String(spec.type);
            a.category = QLatin1String(spec.category);
            a.title = QStringLiteral("Action %1").arg(i);
            a.agent = QStringLiteral("bot");
            a.confidence = 0.6 + 0.4 * rng.generateDouble();
            a.tier = spec.tier;
            a.createdAt = start.addMSecs(qint64(double(i) / count * 90.0 * 86400000.0));
            a.version = 3;
            if (i % 4 == 0)
                a.context = QJsonObject{{QStringLiteral("amount"), int(rng.bounded(8000))},
                    {QStringLiteral("sql"), QStringLiteral("select * from orders")}};
            if (spec.tier == Tier::Auto) {
                a.state = ActionState::Approved;
                a.decidedBy = QStringLiteral("policy");
            } else {
                const int o = rng.bounded(100);
                a.state = o < 90 ? ActionState::Approved : o < 97 ? ActionState::Rejected : ActionState::Expired;
                a.modified = o >= 85 && o < 90;
                a.decidedBy = a.state == ActionState::Expired ? QStringLiteral("expiry") : QStringLiteral("rita");
            }
            a.decidedAt = a.createdAt.addSecs(300);
            insert.bindValue(0, a.id);
            insert.bindValue(1, a.agent);
            insert.bindValue(2, a.type);
            insert.bindValue(3, a.category);
            insert.bindValue(4, actionStateName(a.state));
            insert.bindValue(5, tierName(a.tier));
            insert.bindValue(6, a.createdAt.toMSecsSinceEpoch());
            insert.bindValue(7, a.confidence);
            insert.bindValue(8, a.version);
            insert.bindValue(9, a.decidedAt.toMSecsSinceEpoch());
            insert.bindValue(10, QString::fromUtf8(a.toCompactJson()));
            ok = insert.exec();
            if (ok && spec.tier == Tier::Auto && i % 50 == 0) {
                check.bindValue(0, a.id);
                check.bindValue(1, a.type);
                check.bindValue(2, a.category);
                check.bindValue(3, a.confidence);
                check.bindValue(4, a.decidedAt.toMSecsSinceEpoch());
                check.bindValue(5, i % 100 == 0 ? QStringLiteral("problem") : QStringLiteral("ok"));
                check.bindValue(6, a.decidedAt.toMSecsSinceEpoch());
                ok = check.exec();
            }
            if (!ok)
                out << "SQL failed: " << insert.lastError().text() << check.lastError().text() << Qt::endl;
        }
        return ok;
    });
}

// CPU time of this process in milliseconds: on a shared machine the wall time also counts the
// time other processes held the cores, so both are printed.
qint64 cpuMs()
{
    return qint64(std::clock()) * 1000 / CLOCKS_PER_SEC;
}

// The same rows without the record's JSON fields and the spot-check join: what the stream costs
// beyond a plain scan of the window.
qint64 plainScan(const QString &path, const QDateTime &from, const QDateTime &to)
{
    qint64 rows = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-scan"));
        db.setDatabaseName(path);
        if (!db.open())
            return -1;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, type, category, confidence, state, created_at FROM actions "
                                 "WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id"));
        q.addBindValue(from.toMSecsSinceEpoch());
        q.addBindValue(to.toMSecsSinceEpoch());
        q.exec();
        while (q.next()) {
            rows += q.value(0).toString().size() > 0 ? 1 : 0;
            q.value(1).toString();
            q.value(2).toString();
            q.value(3).toDouble();
            q.value(4).toString();
            q.value(5).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-scan"));
    return rows;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QDateTime end(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::UTC);
    ManualClock clock;
    clock.set(end);
    const auto database = Bench::seededDatabase(
        argc, argv, dir, QStringLiteral("whatif.db"), clock,
        [&end](const QString &file, int count) {
            return generate(file, count, end);
        },
        out);
    if (!database)
        return 1;
    const QString path = database->path;
    QElapsedTimer timer;

    auto current = Policy::parse(PolicyEngine::demoPolicy());
    if (!current) {
        out << "demo policy: " << current.error().toString() << Qt::endl;
        return 1;
    }
    const QList<PolicyChange> changes{{QStringLiteral("refund.issue"), Tier::Auto},
        {QStringLiteral("email.send_internal"), Tier::Review}, {QStringLiteral("db.migrate"), Tier::Prohibited}};
    auto document = PolicyChange::applyAll(current->document(), changes, current->unassignedCategory());
    auto proposed = document ? Policy::parse(*document) : Result<Policy>(fail(document.error()));
    if (!proposed) {
        out << "proposal: " << proposed.error().toString() << Qt::endl;
        return 1;
    }

    SqliteStore store(path, clock);
    if (auto ok = store.open(); !ok)
        return 1;
    const QDateTime from = end.addDays(-90);
    timer.restart();
    qint64 cpu = cpuMs();
    const qint64 scanned = plainScan(path, from, end);
    const qint64 scanMs = timer.elapsed();
    const qint64 scanCpuMs = cpuMs() - cpu;
    qint64 streamed = 0;
    timer.restart();
    cpu = cpuMs();
    if (auto ok = store.pastActions(from, end,
            [&](const PastAction &) {
                ++streamed;
            });
        !ok) {
        out << "stream: " << ok.error().toString() << Qt::endl;
        return 1;
    }
    const qint64 streamMs = timer.elapsed();
    const qint64 streamCpuMs = cpuMs() - cpu;

    WhatIfSimulation simulation(*current, *proposed);
    simulation.setMedianDecideSeconds({{QStringLiteral("communications"), 60.0}}, 90.0);
    timer.restart();
    cpu = cpuMs();
    if (auto ok = store.pastActions(from, end,
            [&](const PastAction &a) {
                simulation.add(a);
            });
        !ok)
        return 1;
    const SimulationReport report = simulation.report(from, end);
    const qint64 simulateMs = timer.elapsed();
    const qint64 simulateCpuMs = cpuMs() - cpu;

    out << Qt::endl << "actions in window       " << streamed << " (plain scan: " << scanned << ")" << Qt::endl;
    out << "                        wall ms   cpu ms" << Qt::endl;
    out << "plain scan, no JSON     " << qSetFieldWidth(7) << scanMs << qSetFieldWidth(0) << "  " << qSetFieldWidth(7)
        << scanCpuMs << qSetFieldWidth(0) << Qt::endl;
    out << "stream (pastActions)    " << qSetFieldWidth(7) << streamMs << qSetFieldWidth(0) << "  " << qSetFieldWidth(7)
        << streamCpuMs << qSetFieldWidth(0) << Qt::endl;
    out << "stream + simulate       " << qSetFieldWidth(7) << simulateMs << qSetFieldWidth(0) << "  "
        << qSetFieldWidth(7) << simulateCpuMs << qSetFieldWidth(0) << "   (goal < 5000 ms)" << Qt::endl;
    out << "moved                   " << report.total.moved() << " (to auto " << report.total.toAuto.count()
        << ", rejected or modified " << report.total.rejectedOrModified() << ", to review " << report.total.toReview
        << ", to prohibited " << report.total.toProhibited << ", problems kept auto " << report.total.problemsKeptAuto
        << ")" << Qt::endl;
    return 0;
}
