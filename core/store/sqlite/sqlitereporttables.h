#pragma once

#include "../sql/sqlreporttables.h"

namespace Countersign {

class SqliteConnection;

// The SQLite side of the report tables: how the latest reviewer decisions are read.
class SqliteReportTables final : public SqlReportTables
{
public:
    explicit SqliteReportTables(SqliteConnection &connection);

    Result<QList<Outcome>> latestReviewOutcomes(
        const QString &type, const QDateTime &from, const QDateTime &to, int limit) override;
};

} // namespace Countersign
