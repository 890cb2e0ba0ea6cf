#include "queueabsence.h"

namespace Countersign {

QueueAbsence::Reason QueueAbsence::of(const Action &action, const QString &reviewer, const QDateTime &now)
{
    switch (action.state) {
    case ActionState::Approved:
    case ActionState::Rejected:
        return Reason::Decided;
    case ActionState::Expired:
        return Reason::Expired;
    case ActionState::Withdrawn:
        return Reason::Withdrawn;
    case ActionState::Pending:
        break;
    }
    return action.isSnoozedFor(reviewer, now) ? Reason::SnoozedByMe : Reason::None;
}

} // namespace Countersign
