#pragma once

#include "reportgroup.h"
#include "reportgrouping.h"

#include <QDateTime>
#include <QList>

namespace Countersign {

// GET /v1/reports/approvals: one ReportGroup per key in the window, sorted by key, and the
// totals over every action in the window (including those no group holds, such as submissions
// in a by-reviewer report). Reports have whole-UTC-day resolution: `from` is the start of its
// day and `to` the end of the last day the window touches.
struct ApprovalReport {
    QDateTime from;
    QDateTime to;
    ReportGrouping groupBy = ReportGrouping::Category;
    QList<ReportGroup> groups;
    ReportGroup totals;

    QJsonObject toJson() const;
    static Result<ApprovalReport> fromJson(const QJsonObject &object);
};

} // namespace Countersign
