#include "drilldowncell.h"

#include "reportengine.h"

#include <QTimeZone>

namespace Countersign {

QDate DrillDownCell::cellFirstDay() const
{
    if (groupBy == ReportGrouping::Day || groupBy == ReportGrouping::Week)
        return qMax(firstDay, QDate::fromString(key, Qt::ISODate));
    return firstDay;
}

QDate DrillDownCell::cellLastDay() const
{
    const QDate day = QDate::fromString(key, Qt::ISODate);
    if (groupBy == ReportGrouping::Day)
        return qMin(lastDay, day);
    if (groupBy == ReportGrouping::Week)
        return qMin(lastDay, ReportEngine::weekStart(day).addDays(6));
    return lastDay;
}

QList<std::pair<QString, QString>> DrillDownCell::queryItems() const
{
    // The whole last day: the server rounds `to` up to the next midnight, which stays exclusive.
    QList<std::pair<QString, QString>> items{{QStringLiteral("measure"), drillDownMeasureName(measure)},
        {QStringLiteral("from"), QDateTime(cellFirstDay(), QTime(0, 0), QTimeZone::UTC).toString(Qt::ISODate)},
        {QStringLiteral("to"), QDateTime(cellLastDay().addDays(1), QTime(0, 0), QTimeZone::UTC).toString(Qt::ISODate)}};
    if (groupBy && *groupBy != ReportGrouping::Day && *groupBy != ReportGrouping::Week)
        items.append({reportGroupingName(*groupBy), key});
    return items;
}

} // namespace Countersign
