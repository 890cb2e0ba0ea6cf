#include "policysimulation.h"

#include "lifecycleinvariants.h"

#include "lifecycle/statemachine.h"

#include <QElapsedTimer>
#include <QJsonDocument>

namespace Countersign {

using namespace std::chrono_literals;

namespace {

const QStringList Reviewers{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};
const QString Agent = QStringLiteral("agent-1");

bool chance(QRandomGenerator &random, int percent)
{
    return random.bounded(100) < percent;
}

Decision randomDecision(QRandomGenerator &random, const Action &action, const QDateTime &now)
{
    Decision d;
    const int o = random.bounded(100);
    d.outcome = o < 45 ? Outcome::Approve : o < 65 ? Outcome::Modify : Outcome::Reject;
    d.reviewer = Reviewers.at(random.bounded(static_cast<int>(Reviewers.size())));
    d.decidedAt = now;
    if (d.outcome == Outcome::Reject && chance(random, 90))
        d.reason = QStringLiteral("not like this");
    if (d.outcome == Outcome::Modify && chance(random, 90))
        d.payload = Payload{QStringLiteral("edited by ") + d.reviewer, {}};
    const int v = random.bounded(100);
    if (v < 30)
        d.expectedVersion = action.version;
    else if (v < 40)
        d.expectedVersion = action.version - 1;
    return d;
}

// Whether the state machine must accept this decision: the simulation's own reading of the rules.
bool decisionAllowed(const Action &a, const Decision &d, const QDateTime &now)
{
    if (a.state != ActionState::Pending)
        return false;
    if (d.expectedVersion && *d.expectedVersion != a.version)
        return false;
    if (!a.claimedBy.isEmpty() && a.leaseExpiresAt > now && a.claimedBy != d.reviewer)
        return false;
    switch (d.outcome) {
    case Outcome::Approve:
        return a.tier != Tier::Prohibited;
    case Outcome::Modify:
        return a.tier != Tier::Prohibited && d.payload.has_value();
    case Outcome::Reject:
        return !d.reason.trimmed().isEmpty();
    }
    return false;
}

} // namespace

QString PolicySimulation::Stats::summary() const
{
    return QStringLiteral("%1 sequences, %2 evaluations, %3 policies parsed, %4 reloads, %5 transitions tried "
                          "(%6 accepted), %7 admitted auto, %8 admitted prohibited, %9 approvals, "
                          "%10 prohibited approvals refused, %11 decisions on decided actions refused, "
                          "%12 retiers, %13 expiries, %14 violations")
        .arg(sequences)
        .arg(evaluations)
        .arg(policiesParsed)
        .arg(reloads)
        .arg(transitions)
        .arg(accepted)
        .arg(admittedAuto)
        .arg(admittedProhibited)
        .arg(approvals)
        .arg(prohibitedApprovalsRefused)
        .arg(decisionsOnDecidedRefused)
        .arg(retiers)
        .arg(expiries)
        .arg(violations);
}

PolicySimulation::PolicySimulation(quint32 seed, int policyPoolSize)
    : m_seed(seed)
    , m_random(seed)
    , m_poolSize(policyPoolSize)
{ }

void PolicySimulation::violation(qint64 sequence, const QString &what)
{
    ++m_stats.violations;
    if (m_stats.firstViolations.size() < 20)
        m_stats.firstViolations.append(QStringLiteral("seed %1, sequence %2: %3").arg(m_seed).arg(sequence).arg(what));
}

PolicySimulation::Entry PolicySimulation::freshPolicy()
{
    Entry e;
    e.model = PolicyModel::generate(m_random, m_nextVersion++);
    const QByteArray json = e.model.toJson();
    QElapsedTimer timer;
    timer.start();
    auto parsed = Policy::parse(json);
    m_stats.parseNanoseconds += timer.nsecsElapsed();
    ++m_stats.policiesParsed;
    if (!parsed)
        violation(-1,
            QStringLiteral("generated policy refused (%1): %2")
                .arg(parsed.error().toString(), QString::fromUtf8(json)));
    else
        e.policy = *parsed;
    return e;
}

// Mostly policies seen before (parsing every time would measure the parser, not the queue),
// with a steady trickle of new ones.
PolicySimulation::Entry PolicySimulation::choosePolicy()
{
    if (m_pool.size() < m_poolSize) {
        m_pool.append(freshPolicy());
        return m_pool.constLast();
    }
    const int slot = m_random.bounded(static_cast<int>(m_pool.size()));
    if (m_random.bounded(8) == 0)
        m_pool[slot] = freshPolicy();
    return m_pool.at(slot);
}

PolicyEvaluation PolicySimulation::evaluate(const Entry &entry, const ActionFacts &facts, qint64 sequence)
{
    QElapsedTimer timer;
    timer.start();
    const PolicyEvaluation e = entry.policy.evaluate(facts);
    m_stats.evaluationNanoseconds += timer.nsecsElapsed();
    ++m_stats.evaluations;

    const PolicyModel::Result expected = entry.model.evaluate(facts);
    if (e.tier != expected.tier || e.category != expected.category || e.reason != expected.reason
        || e.unassigned != expected.unassigned) {
        violation(sequence,
            QStringLiteral("policy says %1/%2/\"%3\", model says %4/%5/\"%6\" for %7 (confidence %8, hint %9, "
                           "context %10) under %11")
                .arg(tierName(e.tier), e.category, e.reason, tierName(expected.tier), expected.category,
                    expected.reason, facts.type)
                .arg(facts.confidence)
                .arg(facts.categoryHint, QString::fromUtf8(QJsonDocument(facts.context).toJson(QJsonDocument::Compact)),
                    QString::fromUtf8(entry.model.toJson())));
    }
    const Tier floor = entry.model.typeFloor(facts.type);
    if (isStricter(floor, e.tier))
        violation(sequence,
            QStringLiteral("%1 evaluated %2, looser than its type's %3")
                .arg(facts.type, tierName(e.tier), tierName(floor)));
    return e;
}

PolicySimulation::Stats PolicySimulation::run(qint64 sequences)
{
    m_stats = Stats{};
    for (qint64 i = 0; i < sequences; ++i)
        runSequence(i);
    return m_stats;
}

void PolicySimulation::runSequence(qint64 sequence)
{
    ++m_stats.sequences;
    if (sequence == 0 || m_random.bounded(4) == 0)
        m_current = choosePolicy();

    const ActionFacts facts = PolicyModel::randomFacts(m_random);
    const PolicyEvaluation e = evaluate(m_current, facts, sequence);

    QDateTime now = m_clock.now();
    Action proposed;
    proposed.id = QStringLiteral("a-") + QString::number(sequence);
    proposed.type = facts.type;
    proposed.category = e.category;
    proposed.payload = Payload{QStringLiteral("do it"), QStringLiteral("text")};
    proposed.context = facts.context;
    proposed.confidence = facts.confidence;
    proposed.agent = Agent;
    proposed.createdAt = now;
    proposed.slaDueAt = now.addSecs(e.sla.count());
    proposed.expiresAt = now.addSecs(e.expiresAfter.count());
    proposed.tier = e.tier;
    proposed.tierReason = e.reason;
    proposed.unassigned = e.unassigned;

    const auto admitted = StateMachine::admit(proposed, now);
    if (!admitted) {
        violation(sequence, QStringLiteral("admission refused: ") + admitted.error().toString());
        return;
    }
    LifecycleInvariants life(*admitted, m_current.model.typeFloor(facts.type));
    if (const QString problem = life.checkAdmission(); !problem.isEmpty())
        violation(sequence, problem);
    m_stats.admittedAuto += admitted->tier == Tier::Auto;
    m_stats.admittedProhibited += admitted->tier == Tier::Prohibited;

    auto attempt = [&](const QString &what, const Result<Action> &result) {
        ++m_stats.transitions;
        const bool wasTerminal = isTerminal(life.current().state);
        if (result) {
            ++m_stats.accepted;
            if (result->state == ActionState::Approved)
                ++m_stats.approvals;
        } else if (wasTerminal) {
            ++m_stats.decisionsOnDecidedRefused;
        }
        if (const QString problem = life.check(what, result); !problem.isEmpty())
            violation(sequence, problem);
    };

    const int steps = 1 + m_random.bounded(6);
    for (int step = 0; step < steps; ++step) {
        m_clock.advance(m_random.bounded(600'000));
        now = m_clock.now();
        const Action current = life.current();
        const int op = m_random.bounded(100);
        if (op < 45) {
            // A single decision, or the same decision sent several times as a batch would.
            const Decision d = randomDecision(m_random, current, now);
            const int repeats = op < 30 ? 1 : 2 + m_random.bounded(3);
            for (int r = 0; r < repeats; ++r) {
                const Action before = life.current();
                const bool allowed = decisionAllowed(before, d, now);
                const auto result = StateMachine::decide(before, d, now);
                if (result.has_value() != allowed)
                    violation(sequence,
                        QStringLiteral("decide %1 on a %2 %3 action was %4")
                            .arg(outcomeName(d.outcome), actionStateName(before.state), tierName(before.tier),
                                result ? QStringLiteral("accepted") : QStringLiteral("refused")));
                if (!result && d.outcome != Outcome::Reject && before.tier == Tier::Prohibited)
                    ++m_stats.prohibitedApprovalsRefused;
                attempt(QStringLiteral("decide %1").arg(outcomeName(d.outcome)), result);
            }
        } else if (op < 57) {
            const auto outcome = static_cast<ExpiryOutcome>(m_random.bounded(3));
            const bool approveAllowed = chance(m_random, 50) ? e.expiryApprovalAllowed : chance(m_random, 50);
            const auto result = StateMachine::expire(current, outcome, approveAllowed, now);
            if (result.has_value() != (current.state == ActionState::Pending))
                violation(sequence,
                    QStringLiteral("expiry of a %1 action was %2")
                        .arg(actionStateName(current.state),
                            result ? QStringLiteral("accepted") : QStringLiteral("refused")));
            if (result && result->state == ActionState::Approved
                && !(approveAllowed && outcome == ExpiryOutcome::Approve))
                violation(sequence, QStringLiteral("expiry approved without the policy allowing it"));
            m_stats.expiries += result.has_value();
            attempt(QStringLiteral("expire %1").arg(expiryOutcomeName(outcome)), result);
        } else if (op < 77) {
            // A policy reload: the new policy's verdict on the same facts may only tighten.
            ++m_stats.reloads;
            m_current = choosePolicy();
            const PolicyEvaluation reloaded = evaluate(m_current, facts, sequence);
            const bool pending = current.state == ActionState::Pending;
            if (pending && reloaded.tier == Tier::Prohibited)
                life.markProhibited();
            const auto result = StateMachine::retier(current, reloaded.tier, reloaded.reason, now);
            if (result.has_value() != (pending && isStricter(reloaded.tier, current.tier)))
                violation(sequence,
                    QStringLiteral("retier from %1 to %2 of a %3 action was %4")
                        .arg(tierName(current.tier), tierName(reloaded.tier), actionStateName(current.state),
                            result ? QStringLiteral("accepted") : QStringLiteral("refused")));
            m_stats.retiers += result.has_value();
            attempt(QStringLiteral("retier to %1").arg(tierName(reloaded.tier)), result);
            if (pending && reloaded.tier == Tier::Prohibited && life.current().state != ActionState::Rejected)
                violation(sequence, QStringLiteral("a pending action that became prohibited was not rejected"));
        } else if (op < 85) {
            const QString reviewer = Reviewers.at(m_random.bounded(static_cast<int>(Reviewers.size())));
            attempt(QStringLiteral("claim"), StateMachine::claim(current, reviewer, 300s, now));
        } else if (op < 90) {
            const QString reviewer = Reviewers.at(m_random.bounded(static_cast<int>(Reviewers.size())));
            attempt(QStringLiteral("release"), StateMachine::release(current, reviewer, chance(m_random, 30), now));
        } else if (op < 95) {
            const QString agent = chance(m_random, 80) ? Agent : QStringLiteral("agent-2");
            attempt(QStringLiteral("withdraw"), StateMachine::withdraw(current, agent, now));
        } else {
            attempt(QStringLiteral("escalate"), StateMachine::escalate(current, now));
        }
    }
}

} // namespace Countersign
