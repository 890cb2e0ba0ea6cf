#include "reporthistory.h"

#include "lifecycle/statemachine.h"

#include <QRandomGenerator>

#include <cmath>

namespace Countersign::Test {

namespace {

struct TypeSpec {
    const char *type;
    const char *category;
    Tier tier;
};

constexpr TypeSpec Types[] = {{"email.send_external", "communications", Tier::Review},
    {"email.send_internal", "communications", Tier::Auto}, {"refund.issue", "finance", Tier::Review},
    {"db.query", "data", Tier::Auto}, {"db.drop_table", "data", Tier::Prohibited},
    {"shell.run", "operations", Tier::Review}, {"crm.merge_contacts", "triage", Tier::Review}};
constexpr const char *Agents[] = {"support-bot", "finance-bot", "ops-bot"};
constexpr const char *Reviewers[] = {"rita", "sam", "lena", "omar"};

// A duration spread over every bucket a queue sees: 2^u seconds, u uniform in [lo, hi).
qint64 spreadMs(QRandomGenerator &rng, double lo, double hi)
{
    return qint64(std::pow(2.0, lo + rng.generateDouble() * (hi - lo)) * 1000.0);
}

} // namespace

QHash<QString, Tier> ReportHistory::policyTypes()
{
    QHash<QString, Tier> types;
    for (const TypeSpec &t : Types) {
        if (QLatin1String(t.category) != QLatin1String("triage"))
            types.insert(QLatin1String(t.type), t.tier);
    }
    return types;
}

ReportHistory ReportHistory::generate(int actions, quint32 seed, const QDateTime &start, int days)
{
    QRandomGenerator rng(seed);
    ReportHistory h;
    auto step = [&h](const Action *before, const Action &after, const char *event) {
        h.steps.append(
            HistoryStep{before ? std::optional<Action>(*before) : std::nullopt, after, QLatin1String(event)});
    };
    for (int i = 0; i < actions; ++i) {
        const TypeSpec &spec = Types[rng.bounded(int(std::size(Types)))];
        Action a;
        a.id = QStringLiteral("act-%1-%2").arg(seed).arg(i, 6, 10, QLatin1Char('0'));
        a.type = QLatin1String(spec.type);
        a.category = QLatin1String(spec.category);
        a.title = QStringLiteral("generated %1").arg(i);
        a.agent = QLatin1String(Agents[rng.bounded(int(std::size(Agents)))]);
        a.confidence = 0.5 + rng.generateDouble() * 0.5;
        a.tier = spec.tier;
        a.tierReason = QStringLiteral("type %1").arg(a.type);
        a.unassigned = a.category == QLatin1String("triage");
        a.createdAt = start.addMSecs(qint64(rng.generateDouble() * days * 86400000.0));
        a.slaDueAt = a.createdAt.addSecs(3600);
        a.expiresAt = a.createdAt.addSecs(3 * 86400);
        auto admitted = StateMachine::admit(a, a.createdAt);
        Q_ASSERT(admitted);
        Action current = *admitted;
        step(nullptr, current, "action.created");
        if (current.state != ActionState::Pending) {
            h.finals.append(current);
            continue;
        }
        const int fate = rng.bounded(100);
        if (fate < 8) { // still pending
            h.finals.append(current);
            continue;
        }
        QDateTime end;
        if (fate < 16)
            end = current.expiresAt;
        else
            end = current.createdAt.addMSecs(spreadMs(rng, -1.0, 17.5));
        if (end > current.slaDueAt) {
            const Action before = current;
            current = *StateMachine::escalate(before, before.slaDueAt);
            step(&before, current, "action.escalated");
        }
        if (fate < 16) {
            const Action before = current;
            const auto outcome = fate < 12 ? ExpiryOutcome::Expire : ExpiryOutcome::Reject;
            current = *StateMachine::expire(before, outcome, false, end);
            step(&before, current, "action.expired");
        } else if (fate < 24) {
            const Action before = current;
            current = *StateMachine::withdraw(before, before.agent, end);
            step(&before, current, "action.withdrawn");
        } else {
            const QString reviewer = QLatin1String(Reviewers[rng.bounded(int(std::size(Reviewers)))]);
            if (rng.bounded(100) < 60) {
                const qint64 wait = current.createdAt.msecsTo(end);
                const QDateTime at = current.createdAt.addMSecs(qint64(rng.generateDouble() * double(wait)));
                const Action before = current;
                current = *StateMachine::claim(before, reviewer, std::chrono::hours(24 * 30), at);
                step(&before, current, "action.claimed");
                h.claimedAt.insert(current.id, at);
            }
            Decision d;
            d.reviewer = reviewer;
            const int o = rng.bounded(100);
            d.outcome = o < 70 ? Outcome::Approve : o < 85 ? Outcome::Modify : Outcome::Reject;
            if (d.outcome == Outcome::Modify)
                d.payload = Payload{QStringLiteral("edited %1").arg(i), {}};
            if (d.outcome == Outcome::Reject)
                d.reason = QStringLiteral("not like this");
            const Action before = current;
            current = *StateMachine::decide(before, d, end);
            step(&before, current, "action.decided");
        }
        h.finals.append(current);
    }
    return h;
}

} // namespace Countersign::Test
