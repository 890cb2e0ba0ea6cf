#pragma once

#include "domain/action.h"
#include "rolluprow.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace Countersign {

// What a drill-down lists: the counter of an approval report row it explains. The names are the
// report's own counter names ("submitted", "auto_approved", ..., "sla_breaches", "escalations").
enum class DrillDownMeasure {
    Submitted,
    AutoApproved,
    Prohibited,
    Reviewed,
    Approved,
    Modified,
    Rejected,
    Expired,
    Withdrawn,
    SlaBreaches,
    Escalations
};

QString drillDownMeasureName(DrillDownMeasure measure);
std::optional<DrillDownMeasure> drillDownMeasureFromName(QStringView name);
// Every measure's name, in the order of the report's counters.
QStringList drillDownMeasureNames();

// GET /v1/reports/actions: the actions behind one cell of an approval report. An action is listed
// when the fact `measure` names happened to it in [from, to) on the day the report counts it
// (see RollupRow): a submission on its creation, an outcome on its decision, an escalation when
// it was escalated; the filters match the rollup's fields (the reviewer is the decider of a
// reviewer's outcome and empty for every other fact). Newest first, keyset-paged.
struct DrillDownQuery {
    DrillDownMeasure measure = DrillDownMeasure::Submitted;
    QDateTime from; // inclusive, whole UTC days (ReportEngine::window)
    QDateTime to; // exclusive
    QString category;
    QString type;
    QString agent;
    std::optional<QString> reviewer; // set: only facts of this reviewer ("" matches none of a reviewer)
    std::optional<Tier> tier;
    int limit = 50; // 1..MaxLimit
    QString cursor; // next_cursor of the previous page

    // Whether the rollup row's facts are among the query's (its filters; the window is the caller's).
    bool matches(const RollupRow &row) const;
    // The rollup's count of `measure` in `counts`: what the report shows and the drill-down lists.
    static qint64 count(const RollupCounts &counts, DrillDownMeasure measure);

    static constexpr int DefaultLimit = 50;
    static constexpr int MaxLimit = 500;
};

struct DrillDownPage {
    QList<Action> items;
    qint64 total = 0; // the actions the query matches across all pages
    QString nextCursor; // empty on the last page
};

} // namespace Countersign
