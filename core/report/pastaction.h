#pragma once

#include "domain/actionstate.h"
#include "spotcheck.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Countersign {

// What a policy simulation needs of one stored action: the facts the policy evaluates and what
// in fact became of it. Stores stream these a page at a time, so a window of a million actions
// never sits in memory at once.
struct PastAction {
    QString id;
    QString type;
    QString category; // the category it was filed under (the agent's hint for unassigned types)
    double confidence = 1.0;
    QByteArray context; // the context object as JSON text; empty or "{}" when there is none
    ActionState state = ActionState::Pending;
    bool modified = false;
    QString decidedBy; // reviewer, "policy" or "expiry"; empty while pending
    std::optional<SpotCheckVerdict> spotCheck; // the verdict of its spot check, if sampled and checked
};

} // namespace Countersign
