#pragma once

#include "domain/action.h"

#include <optional>

namespace Countersign {

// The outcome of one id in a batch decision: the decided action, or why it was not decided
// (already decided by someone else, missing, changed meanwhile).
struct BatchItemResult {
    QString id;
    std::optional<Action> action;
    std::optional<Error> error;
};

} // namespace Countersign
