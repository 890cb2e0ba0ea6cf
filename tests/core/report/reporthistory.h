#pragma once

#include "domain/action.h"

#include <QHash>
#include <QList>

#include <optional>

namespace Countersign::Test {

// One committed change of a generated history: the action before (none for a submission) and after.
struct HistoryStep {
    std::optional<Action> before;
    Action after;
    QString event;
};

// A seeded, realistic decision history made with the real StateMachine: submissions over `days`
// days from `start`, auto-approved, prohibited and reviewed types, claims, escalations, expiries,
// withdrawals and a type the policy does not name.
struct ReportHistory {
    QList<HistoryStep> steps; // in time order per action
    QList<Action> finals; // each action as it ended
    QHash<QString, QDateTime> claimedAt; // when the deciding reviewer claimed it, if they did

    static ReportHistory generate(int actions, quint32 seed, const QDateTime &start, int days);
    // The types it uses, as a policy would name them (the unassigned one excluded), with tiers.
    static QHash<QString, Tier> policyTypes();
};

} // namespace Countersign::Test
