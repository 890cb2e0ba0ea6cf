#include "actionstate.h"

namespace Countersign {

QString actionStateName(ActionState state)
{
    switch (state) {
    case ActionState::Pending:
        return QStringLiteral("pending");
    case ActionState::Approved:
        return QStringLiteral("approved");
    case ActionState::Rejected:
        return QStringLiteral("rejected");
    case ActionState::Expired:
        return QStringLiteral("expired");
    case ActionState::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return {};
}

std::optional<ActionState> actionStateFromName(const QString &name)
{
    for (auto s : {ActionState::Pending, ActionState::Approved, ActionState::Rejected, ActionState::Expired,
             ActionState::Withdrawn}) {
        if (actionStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace Countersign
