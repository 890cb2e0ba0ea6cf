#pragma once

#include "domain/action.h"

#include <QDateTime>
#include <QTimeZone>

namespace Countersign {

// The times "not now" (S in the app) offers, and the bounds of a custom one. The server
// checks the same bounds (StateMachine::snooze); the app keeps its offer within them so a
// choice is not refused: ahead of now, within 7 days, never after the action expires.
class SnoozeChoices
{
public:
    enum class Choice { FifteenMinutes, OneHour, TomorrowMorning };

    // Tomorrow at 09:00 in `zone` (the reviewer's local time): when a new working day starts.
    static QDateTime until(
        Choice choice, const QDateTime &now, const QTimeZone &zone = QTimeZone(QTimeZone::LocalTime));
    // The latest time a snooze of `action` may end: 7 days ahead, or its expiry if sooner.
    static QDateTime latest(const Action &action, const QDateTime &now);
    // Whether `until` lies within the bounds for `action` at `now`.
    static bool allowed(const Action &action, const QDateTime &until, const QDateTime &now);
};

} // namespace Countersign
