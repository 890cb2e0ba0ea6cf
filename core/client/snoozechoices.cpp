#include "snoozechoices.h"

#include "lifecycle/statemachine.h"

namespace Countersign {

QDateTime SnoozeChoices::until(Choice choice, const QDateTime &now, const QTimeZone &zone)
{
    switch (choice) {
    case Choice::FifteenMinutes:
        return now.addSecs(15 * 60);
    case Choice::OneHour:
        return now.addSecs(3600);
    case Choice::TomorrowMorning:
        break;
    }
    const QDate tomorrow = now.toTimeZone(zone).date().addDays(1);
    return QDateTime(tomorrow, QTime(9, 0), zone).toUTC();
}

QDateTime SnoozeChoices::latest(const Action &action, const QDateTime &now)
{
    const QDateTime week = now.addSecs(StateMachine::MaxSnoozeSeconds);
    return action.expiresAt.isValid() && action.expiresAt < week ? action.expiresAt : week;
}

bool SnoozeChoices::allowed(const Action &action, const QDateTime &until, const QDateTime &now)
{
    return until.isValid() && until > now && until <= latest(action, now) && action.state == ActionState::Pending;
}

} // namespace Countersign
