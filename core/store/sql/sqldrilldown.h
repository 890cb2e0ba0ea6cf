#pragma once

#include "domain/error.h"
#include "report/drilldownquery.h"
#include "sqldialect.h"

namespace Countersign {

class SqlConnection;

// The report drill-down over the actions table: the actions whose fact (submission, outcome,
// escalation) a report counted in a window, newest first, in keyset pages. Each measure's
// condition restates RollupRow::forChange on the action as it is now, so a drill-down lists
// exactly the actions an approval report row counts (tests/core/server tst_drilldown checks
// every row of several groupings). Pages walk the actions_age or actions_decided_at index from
// the newest fact and stop once full: decided_by and modified are read from the record, which
// costs a JSON parse per row, so no page reads more rows than it must, and the total comes from
// the rollup rather than a count over the window.
class SqlDrillDown
{
public:
    SqlDrillDown(SqlConnection &connection, SqlDialect dialect);

    // `counted`: the rollup's count of the query's facts per UTC day of the window (only days
    // with facts). Their sum is the total; the listing reads only the span of those days and stops
    // at the last fact it still has to list.
    Result<DrillDownPage> page(const DrillDownQuery &query, const QMap<QDate, qint64> &counted);

private:
    SqlConnection &m_connection;
    const SqlDialect m_dialect;
};

} // namespace Countersign
