#pragma once

#include "policymodel.h"

#include "domain/manualclock.h"
#include "policy/policy.h"

#include <QRandomGenerator>
#include <QStringList>

namespace Countersign {

// Random policy/action/transition sequences, shared by the property test (100k sequences) and
// the benchmark (1M). One sequence: a policy is in force (often a freshly generated one), an
// action is evaluated and admitted, then a few random transitions follow: single decisions,
// batch-like repeated decisions, expiry with random outcomes, claims, withdrawals and policy
// reloads with retiering. Every evaluation is compared with the model's own reading of the
// policy, and every transition is checked by LifecycleInvariants. Deterministic for a seed.
class PolicySimulation
{
public:
    struct Stats {
        qint64 sequences = 0;
        qint64 evaluations = 0;
        qint64 evaluationNanoseconds = 0; // time spent inside Policy::evaluate only
        qint64 policiesParsed = 0;
        qint64 parseNanoseconds = 0;
        qint64 reloads = 0;
        qint64 transitions = 0; // attempted
        qint64 accepted = 0;
        qint64 admittedAuto = 0;
        qint64 admittedProhibited = 0;
        qint64 approvals = 0; // by reviewers or expiry
        qint64 prohibitedApprovalsRefused = 0;
        qint64 decisionsOnDecidedRefused = 0;
        qint64 retiers = 0; // successful
        qint64 expiries = 0;
        qint64 violations = 0;
        QStringList firstViolations; // the first few, with enough detail to reproduce

        QString summary() const;
    };

    explicit PolicySimulation(quint32 seed, int policyPoolSize = 256);

    Stats run(qint64 sequences);

private:
    struct Entry {
        PolicyModel model;
        Policy policy;
    };

    Entry freshPolicy();
    Entry choosePolicy();
    PolicyEvaluation evaluate(const Entry &entry, const ActionFacts &facts, qint64 sequence);
    void runSequence(qint64 sequence);
    void violation(qint64 sequence, const QString &what);

    quint32 m_seed;
    QRandomGenerator m_random;
    ManualClock m_clock;
    int m_poolSize;
    QList<Entry> m_pool;
    Entry m_current;
    int m_nextVersion = 1;
    Stats m_stats;
};

} // namespace Countersign
