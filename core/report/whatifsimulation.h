#pragma once

#include "pastaction.h"
#include "policy/policy.h"
#include "simulationreport.h"

#include <QHash>

namespace Countersign {

// Replays past actions under a proposed policy: each action's stored type, category, confidence
// and context are evaluated by the policy in force and by the proposal (the same
// Policy::evaluate the server admits with), and the pair of tiers is counted against what in fact
// became of the action. Fed one action at a time by a store stream; it keeps counters and at
// most SimulationGroup::MaxExamples ids per list, so its memory does not grow with the window.
//
// Both policies are evaluated, rather than comparing with the tier an action was stored with, so
// a proposal equal to the policy in force reports no moves even if the policy changed during the
// window. Types the policy does not name are evaluated with the stored category as the hint.
class WhatIfSimulation
{
public:
    WhatIfSimulation(Policy current, Policy proposed);

    // The median time from claim to reviewer decision per category in the window (the report's
    // decide time), and over all categories for one without reviewer decisions.
    void setMedianDecideSeconds(const QHash<QString, double> &perCategory, double overall);

    void add(const PastAction &action);

    SimulationReport report(const QDateTime &from, const QDateTime &to) const;

private:
    void count(SimulationGroup &group, const PastAction &action, Tier current, Tier proposed, double cost) const;
    double medianFor(const QString &category) const;

    Policy m_current;
    Policy m_proposed;
    QHash<QString, double> m_median;
    double m_overallMedian = 0;
    QHash<QString, SimulationGroup> m_types;
    SimulationGroup m_total;
};

} // namespace Countersign
