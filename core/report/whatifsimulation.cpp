#include "whatifsimulation.h"

#include "lifecycle/statemachine.h"

#include <QJsonDocument>

#include <algorithm>

namespace Countersign {

namespace {

void addExample(QStringList &examples, const QString &id)
{
    if (examples.size() < SimulationGroup::MaxExamples)
        examples.append(id);
}

QJsonObject parseContext(const QByteArray &json)
{
    // Most actions carry a small or no context; skip the parser for the empty object.
    if (json.isEmpty() || json == "{}")
        return {};
    return QJsonDocument::fromJson(json).object();
}

} // namespace

WhatIfSimulation::WhatIfSimulation(Policy current, Policy proposed)
    : m_current(std::move(current))
    , m_proposed(std::move(proposed))
{ }

void WhatIfSimulation::setMedianDecideSeconds(const QHash<QString, double> &perCategory, double overall)
{
    m_median = perCategory;
    m_overallMedian = overall;
}

double WhatIfSimulation::medianFor(const QString &category) const
{
    const auto it = m_median.constFind(category);
    return it != m_median.constEnd() ? *it : m_overallMedian;
}

void WhatIfSimulation::add(const PastAction &action)
{
    ActionFacts facts;
    facts.type = action.type;
    facts.categoryHint = action.category;
    facts.confidence = action.confidence;
    facts.context = parseContext(action.context);
    const PolicyEvaluation current = m_current.evaluate(facts);
    const PolicyEvaluation proposed = m_proposed.evaluate(facts);

    auto it = m_types.find(action.type);
    if (it == m_types.end()) {
        it = m_types.insert(action.type, SimulationGroup{});
        it->type = action.type;
        it->category = proposed.category;
    }
    // A review costs what deciding took in the category the proposal files it under.
    const double cost
        = proposed.tier == Tier::Review && current.tier != Tier::Review ? medianFor(proposed.category) : 0;
    count(*it, action, current.tier, proposed.tier, cost);
    count(m_total, action, current.tier, proposed.tier, cost);
}

void WhatIfSimulation::count(SimulationGroup &g, const PastAction &a, Tier current, Tier proposed, double cost) const
{
    ++g.actions;
    ++g.moves[std::size_t(current)][std::size_t(proposed)];
    const bool byPolicy = a.decidedBy == QLatin1String(StateMachine::PolicyActor);
    const bool byExpiry = a.decidedBy == QLatin1String(StateMachine::ExpiryActor);
    if (current != proposed) {
        switch (proposed) {
        case Tier::Auto:
            if (a.state == ActionState::Expired || byExpiry) {
                ++g.toAuto.expired;
                addExample(g.toAuto.expiredExamples, a.id);
            } else if (a.state == ActionState::Approved && !byPolicy) {
                if (a.modified) {
                    ++g.toAuto.modified;
                    addExample(g.toAuto.modifiedExamples, a.id);
                } else {
                    ++g.toAuto.approved;
                    addExample(g.toAuto.approvedExamples, a.id);
                }
            } else if (a.state == ActionState::Rejected && !byPolicy) {
                ++g.toAuto.rejected;
                addExample(g.toAuto.rejectedExamples, a.id);
            } else {
                ++g.toAuto.undecided;
            }
            break;
        case Tier::Review:
            ++g.toReview;
            g.reviewerSeconds += cost;
            break;
        case Tier::Prohibited:
            ++g.toProhibited;
            if (a.state == ActionState::Approved) {
                ++g.prohibitedApproved;
                addExample(g.prohibitedApprovedExamples, a.id);
            }
            break;
        }
    }
    if (proposed == Tier::Auto && byPolicy && a.state == ActionState::Approved
        && a.spotCheck == SpotCheckVerdict::Problem) {
        ++g.problemsKeptAuto;
        addExample(g.problemExamples, a.id);
    }
}

SimulationReport WhatIfSimulation::report(const QDateTime &from, const QDateTime &to) const
{
    SimulationReport r;
    r.from = from;
    r.to = to;
    r.currentVersion = m_current.version();
    r.proposedVersion = m_proposed.version();
    r.medianDecideSeconds = m_median;
    r.types = m_types.values();
    std::sort(r.types.begin(), r.types.end(), [](const SimulationGroup &a, const SimulationGroup &b) {
        return a.type < b.type;
    });
    r.total = m_total;
    return r;
}

} // namespace Countersign
