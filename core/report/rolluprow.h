#pragma once

#include "domain/action.h"
#include "rollupcounts.h"

#include <QDate>

#include <optional>

namespace Countersign {

// One row of the report rollup: what happened on one UTC day to the actions of one category,
// type, agent and tier, and (for outcomes) one reviewer. Stores keep these up to date in the
// same transaction as each change, so a report sums thousands of rows, not millions of actions.
//
// Each fact lands on the day it happened: a submission on the creation day (reviewer empty), an
// outcome on the decision day under its reviewer (empty for policy, expiry and withdrawal), an
// escalation on the escalation day.
struct RollupRow {
    QDate day;
    QString category;
    QString type;
    QString reviewer;
    QString agent;
    Tier tier = Tier::Review;
    RollupCounts counts;

    // What one committed change adds to the rollup, or nothing. `before` is the action as it was
    // (null for an insert); `after` is what the state machine made of it.
    static std::optional<RollupRow> forChange(const Action *before, const Action &after);

    friend bool operator==(const RollupRow &, const RollupRow &) = default;
};

} // namespace Countersign
