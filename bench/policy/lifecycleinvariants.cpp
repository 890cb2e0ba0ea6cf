#include "lifecycleinvariants.h"

namespace Countersign {

LifecycleInvariants::LifecycleInvariants(const Action &admitted, Tier typeFloor)
    : m_current(admitted)
    , m_floor(typeFloor)
    , m_prohibited(admitted.tier == Tier::Prohibited)
{ }

void LifecycleInvariants::markProhibited()
{
    if (m_current.state == ActionState::Pending)
        m_prohibited = true;
}

QString LifecycleInvariants::checkAdmission() const
{
    const Action &a = m_current;
    if (isStricter(m_floor, a.tier))
        return QStringLiteral("admitted at tier %1, looser than its type's %2")
            .arg(tierName(a.tier), tierName(m_floor));
    const ActionState expected = a.tier == Tier::Auto ? ActionState::Approved
        : a.tier == Tier::Prohibited                  ? ActionState::Rejected
                                                      : ActionState::Pending;
    if (a.state != expected)
        return QStringLiteral("admitted at tier %1 into state %2").arg(tierName(a.tier), actionStateName(a.state));
    if (m_prohibited && a.state == ActionState::Approved)
        return QStringLiteral("prohibited action approved at admission");
    return {};
}

QString LifecycleInvariants::check(const QString &attempt, const Result<Action> &result)
{
    if (!result)
        return {}; // refused: the action stays as it was
    const Action &before = m_current;
    const Action &after = *result;
    QString problem;
    if (isTerminal(before.state))
        problem = QStringLiteral("%1 changed an action that was already %2 (now %3)")
                      .arg(attempt, actionStateName(before.state), actionStateName(after.state));
    else if (after.version != before.version + 1)
        problem
            = QStringLiteral("%1 moved the version from %2 to %3").arg(attempt).arg(before.version).arg(after.version);
    else if (isStricter(before.tier, after.tier))
        problem = QStringLiteral("%1 loosened the tier from %2 to %3")
                      .arg(attempt, tierName(before.tier), tierName(after.tier));
    else if (isStricter(m_floor, after.tier))
        problem = QStringLiteral("%1 left tier %2 below the type's %3")
                      .arg(attempt, tierName(after.tier), tierName(m_floor));
    else if (after.state == ActionState::Approved && (m_prohibited || after.tier == Tier::Prohibited))
        problem = QStringLiteral("%1 approved a prohibited action").arg(attempt);
    else if (after.id != before.id || after.type != before.type)
        problem = QStringLiteral("%1 changed the identity of the action").arg(attempt);
    m_current = after;
    return problem;
}

} // namespace Countersign
