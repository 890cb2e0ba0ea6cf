#pragma once

#include "drilldownquery.h"
#include "reportgrouping.h"

#include <QDate>
#include <QList>

#include <optional>
#include <utility>

namespace Countersign {

// One figure of an approval report a lead can open: a counter of a group row (or of the totals)
// in a window of whole UTC days. It knows which GET /v1/reports/actions query lists exactly the
// actions behind it: the row's key as a filter, or, for a day or week row, the window narrowed
// to that day or that week's days inside the report's window.
struct DrillDownCell {
    DrillDownMeasure measure = DrillDownMeasure::Submitted;
    std::optional<ReportGrouping> groupBy; // unset: the totals, no filter
    QString key; // the row's key (an ISO date for day and week)
    QDate firstDay; // the report's window, inclusive
    QDate lastDay;

    // The days the cell covers: the report's window, or its part in the row's day or week.
    QDate cellFirstDay() const;
    QDate cellLastDay() const;
    // The query items of the drill-down's first page (no limit or cursor); `from` and `to` as
    // the report client sends them.
    QList<std::pair<QString, QString>> queryItems() const;
};

} // namespace Countersign
