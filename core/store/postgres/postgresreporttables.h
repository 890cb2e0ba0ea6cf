#pragma once

#include "../sql/sqlreporttables.h"

namespace Countersign {

class PostgresConnection;

// The PostgreSQL side of the report tables: how the latest reviewer decisions are read.
class PostgresReportTables final : public SqlReportTables
{
public:
    explicit PostgresReportTables(PostgresConnection &connection);

    Result<QList<Outcome>> latestReviewOutcomes(
        const QString &type, const QDateTime &from, const QDateTime &to, int limit) override;
};

} // namespace Countersign
