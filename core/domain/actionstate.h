#pragma once

#include <QString>

#include <optional>

namespace Countersign {

enum class ActionState { Pending, Approved, Rejected, Expired, Withdrawn };

QString actionStateName(ActionState state);
std::optional<ActionState> actionStateFromName(const QString &name);

constexpr bool isTerminal(ActionState state)
{
    return state != ActionState::Pending;
}

} // namespace Countersign
