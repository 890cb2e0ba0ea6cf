#pragma once

#include "report/drilldownquery.h"
#include "report/recommendationthresholds.h"
#include "report/reportengine.h"

#include <QUrlQuery>

namespace Countersign {

// The query parameters of the report routes, checked at the edge; errors name the parameter.
class ReportParameters
{
public:
    static constexpr int DefaultWindowDays = 30;

    // from / to: UTC ISO 8601 times or dates ("2026-11-01"); by default the 30 days up to the
    // end of today. Rounded out to whole UTC days.
    static Result<ReportEngine::Window> window(const QUrlQuery &query, const QDateTime &now);
    // quarter=2026Q4 (or 2026-Q4), required: the quarter's year and number (1..4).
    static Result<std::pair<int, int>> quarter(const QUrlQuery &query);
    // The whole UTC days of a quarter: from its first day to the first day of the next (exclusive).
    static ReportEngine::Window quarterWindow(int year, int quarter);
    // group_by, default category.
    static Result<ReportGrouping> grouping(const QUrlQuery &query);
    // min_reviewed, promote_rate, no_rejection_in_last, tighten_rejection_rate,
    // tighten_modification_rate, min_tighten_reviewed, bottleneck_growth, overload_factor.
    static Result<RecommendationThresholds> thresholds(const QUrlQuery &query);
    // GET /v1/reports/actions: measure (required), the window as window(), the filters category,
    // type, agent, reviewer and tier, limit (1..500, default 50) and cursor.
    static Result<DrillDownQuery> drillDown(const QUrlQuery &query, const QDateTime &now);
};

} // namespace Countersign
