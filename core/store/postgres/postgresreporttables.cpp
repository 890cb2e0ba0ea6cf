#include "postgresreporttables.h"

#include "postgresconnection.h"

#include <QSqlQuery>

namespace Countersign {

namespace {

constexpr int MaxLimit = 1000;

} // namespace

PostgresReportTables::PostgresReportTables(PostgresConnection &connection)
    : SqlReportTables(connection, QStringLiteral("NULL::integer"))
{ }

Result<QList<Outcome>> PostgresReportTables::latestReviewOutcomes(
    const QString &type, const QDateTime &from, const QDateTime &to, int limit)
{
    // Unlike SQLite, the filter on the record's decided_by runs in the statement (jsonb), so one
    // page holds exactly the reviewer decisions wanted. The range stays on the
    // actions_type_decided index; only rows in it are parsed.
    return m_connection.selectAll(
        QStringLiteral("SELECT state, (record::jsonb -> 'modified') = 'true'::jsonb FROM actions "
                       "WHERE type = ? AND decided_at IS NOT NULL AND decided_at >= ? AND decided_at < ? "
                       "AND state IN ('approved', 'rejected') "
                       "AND coalesce(record::jsonb ->> 'decided_by', '') NOT IN ('policy', 'expiry') "
                       "ORDER BY decided_at DESC LIMIT ?"),
        {type, from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch(), qBound(1, limit, MaxLimit)},
        QStringLiteral("reading the latest reviews of %1").arg(type), [](const QSqlQuery &q) {
            if (q.value(0).toString() == QLatin1String("rejected"))
                return Outcome::Reject;
            return q.value(1).toBool() ? Outcome::Modify : Outcome::Approve;
        });
}

} // namespace Countersign
