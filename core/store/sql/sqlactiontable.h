#pragma once

#include "../queuestats.h"
#include "domain/action.h"
#include "domain/actionquery.h"
#include "domain/error.h"
#include "sqldialect.h"

#include <optional>

class QSqlQuery;

namespace Countersign {

class SqlConnection;

// The actions table of an SQL store: reads, keyset-paged listings, the scheduler's due list,
// queue statistics, and the compare-and-swap write that commit() runs inside its transaction.
// The write never raises an error for a lost race: an UPDATE guarded by the version it expects
// and an INSERT ... ON CONFLICT DO NOTHING change no row when another writer got there first,
// which is reported as Conflict without aborting the batch's transaction.
class SqlActionTable
{
public:
    SqlActionTable(SqlConnection &connection, SqlDialect dialect);

    Result<Action> action(const QString &id);
    Result<std::optional<Action>> byIdempotencyKey(const QString &agent, const QString &key);
    Result<ActionPage> query(const ActionQuery &query);
    Result<QList<Action>> due(const QDateTime &now, int limit);
    Result<QueueStats> stats(const QDateTime &now);

    // Checks what the database cannot: the version step and the fields every action must have.
    static Result<void> validate(const Action &after, qint64 expectedVersion);

    // Inserts (expectedVersion 0) or updates the row still at expectedVersion, inside the
    // caller's transaction. A duplicate id or (agent, idempotency key), or a row that moved on,
    // gives Conflict; storage failures give Unavailable.
    Result<void> write(const Action &after, qint64 expectedVersion, const QString &record);

private:
    Result<Action> decode(const QSqlQuery &row) const;
    Result<Error> explainUpdateConflict(const Action &after, qint64 expectedVersion);

    SqlConnection &m_connection;
    SqlDialect m_dialect;
};

} // namespace Countersign
