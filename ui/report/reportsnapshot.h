#pragma once

#include "report/approvalreport.h"
#include "report/recommendationreport.h"
#include "report/reviewerreport.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>

namespace Countersign {

// Everything the report window shows for one date range, fetched together.
struct ReportSnapshot {
    QDate from;
    QDate to;
    ApprovalReport byCategory; // the charts per category
    ApprovalReport byWeek; // trend and tier volume
    ApprovalReport previousByWeek; // the period before, a faint line in the trend
    ApprovalReport byReviewer; // reviewers' load
    ApprovalReport table; // the table in the grouping the user chose
    ApprovalReport previousTable; // the same grouping over the period of equal length just before
    RecommendationReport recommendations;
    QJsonObject queueStats; // the queue right now (GET /v1/queue/stats)
};

// The quarterly review: the quarter's snapshot and the quarter before, for the evolution.
struct QuarterData {
    int year = 0;
    int quarter = 0; // 1..4
    ReportSnapshot current;
    ApprovalReport previousByCategory;
    ApprovalReport previousTotals; // the previous quarter by week: its totals compare with ours
    ReviewerReport reviewers; // the quarter's reviewers with their spot-check figures
    // By promote recommendation id: how many actions of the quarter its changes would have
    // auto-approved that reviewers rejected or edited (a simulation over the quarter). Absent:
    // the simulation failed.
    QHash<QString, qint64> whatIfRejectedOrModified;

    static QDate firstDay(int year, int quarter);
    static QDate lastDay(int year, int quarter);
};

inline QDate QuarterData::firstDay(int year, int quarter)
{
    return QDate(year, (quarter - 1) * 3 + 1, 1);
}

inline QDate QuarterData::lastDay(int year, int quarter)
{
    return firstDay(year, quarter).addMonths(3).addDays(-1);
}

} // namespace Countersign
