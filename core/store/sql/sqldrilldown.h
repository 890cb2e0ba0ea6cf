#pragma once

#include "domain/error.h"
#include "report/drilldownquery.h"
#include "sqldialect.h"

namespace Countersign {

class SqlConnection;

// The report drill-down over the actions table: the actions whose fact (submission, outcome,
// escalation) a report counted in a window, newest first, in keyset pages, with their total.
// Each measure's condition restates RollupRow::forChange on the action as it is now, so a
// drill-down lists exactly the actions an approval report row counts (tests/core/server
// tst_drilldown checks every row of several groupings). The window is a range of the
// actions_age or actions_decided_at index, the filters are plain columns or record fields.
class SqlDrillDown
{
public:
    SqlDrillDown(SqlConnection &connection, SqlDialect dialect);

    Result<DrillDownPage> page(const DrillDownQuery &query);

private:
    SqlConnection &m_connection;
    const SqlDialect m_dialect;
};

} // namespace Countersign
