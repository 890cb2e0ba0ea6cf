#pragma once

#include "domain/action.h"

#include <QString>

namespace Countersign {

// Watches one action through its life and checks every attempted transition against the
// promises of the queue, independently of the state machine that performs them:
//  - a prohibited action is never approved (once any policy in force called it prohibited
//    while it was pending, it may not reach Approved afterwards);
//  - a decided action never changes again (no double decision);
//  - the tier never becomes looser, and never looser than its type's tier.
// Each check returns a description of the violation, or an empty string.
class LifecycleInvariants
{
public:
    LifecycleInvariants(const Action &admitted, Tier typeFloor);

    QString checkAdmission() const;
    // `attempt` names the operation for the report.
    QString check(const QString &attempt, const Result<Action> &result);
    // A policy now in force says this action is prohibited; from here on it may never be approved.
    void markProhibited();

    const Action &current() const { return m_current; }
    bool prohibitedSeen() const { return m_prohibited; }

private:
    Action m_current;
    Tier m_floor;
    bool m_prohibited = false;
};

} // namespace Countersign
