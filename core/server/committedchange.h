#pragma once

#include "domain/action.h"
#include "domain/event.h"

#include <QMetaType>

namespace Countersign {

// A change the store thread has just committed, as it travels to the event loop: the action as
// a value, so its JSON is only built for those who need it (subscribers, a woken long poll).
struct CommittedChange {
    qint64 seq = 0;
    QString type; // "action.created", ...
    QDateTime time;
    Action action;

    Event toEvent() const { return Event{seq, type, action.id, time, action.toJson()}; }
};

} // namespace Countersign

Q_DECLARE_METATYPE(Countersign::CommittedChange)
