#pragma once

#include <QDateTime>
#include <QJsonObject>

namespace Countersign {

// A change broadcast to subscribers. `seq` comes from the store and increases monotonically,
// so a client that reconnects asks for everything after the last seq it saw.
struct Event {
    qint64 seq = 0;
    QString type; // action.created|claimed|released|decided|expired|escalated|withdrawn|...
    QString actionId;
    QDateTime time;
    QJsonObject action; // the action as it is after the change

    QJsonObject toJson() const;
    static Event fromJson(const QJsonObject &object);
};

} // namespace Countersign
