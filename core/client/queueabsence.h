#pragma once

#include "domain/action.h"

namespace Countersign {

// Why an action a link opens is not in the reviewer's queue, so the app can say so when it shows
// the action read-only instead (mainwindow/LinkOpener).
class QueueAbsence
{
public:
    enum class Reason {
        None, // pending and not hidden from this reviewer: it belongs in the queue
        Decided, // approved or rejected, by a reviewer or the policy
        Expired,
        Withdrawn,
        SnoozedByMe, // hidden from my queue until `snoozedUntil`
    };

    static Reason of(const Action &action, const QString &reviewer, const QDateTime &now);
};

} // namespace Countersign
