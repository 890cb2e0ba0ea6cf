#pragma once

#include "domain/error.h"
#include "domain/event.h"

#include <QList>

namespace Countersign {

// The event log, for WebSocket subscribers and long polls resuming with since=SEQ.
class EventLog
{
public:
    virtual ~EventLog() = default;

    virtual Result<QList<Event>> eventsSince(qint64 seq, int limit) = 0;
    virtual Result<qint64> lastEventSeq() = 0;
};

} // namespace Countersign
