#pragma once

#include "../actionchange.h"
#include "domain/error.h"
#include "report/rolluprow.h"

#include <QList>

#include <functional>

namespace Countersign {

class SqlActionTable;
class SqlAuditLog;
class SqlConnection;
class SqlEventLog;
class SqlReportTables;
class SqlWebhookTable;

// Store::commit() as both SQL backends run it: one transaction for a whole batch (group
// commit), each change's action row, event and audit entry in it, the report rollup folded per
// batch. A change that lost a race (Conflict) fails alone: it is detected by its first statement,
// which then wrote nothing, so no savepoint is needed. Anything else undoes the whole batch.
class SqlChangeWriter
{
public:
    // What differs per backend around the batch: how the write transaction starts (PostgreSQL
    // also takes its log lock) and what runs just before COMMIT (PostgreSQL's NOTIFY).
    struct Steps {
        std::function<Result<void>(const QString &doing)> begin;
        std::function<Result<void>(qint64 lastEventSeq)> beforeCommit; // may be empty
    };

    SqlChangeWriter(SqlConnection &connection, SqlActionTable &actions, SqlEventLog &events, SqlAuditLog &audit,
        SqlReportTables &reports, SqlWebhookTable &webhooks);

    void setSpotCheckFraction(double fraction);

    // One result per change, in order. `appended` counts the changes written.
    QList<Result<CommitResult>> commit(
        const QList<ActionChange> &changes, const QDateTime &now, const Steps &steps, qint64 *appended = nullptr);

    // What the database never needs to see: a change that cannot be written as it stands.
    static Result<void> validate(const ActionChange &change);

private:
    // The action as it was, for the rollup: the planner's copy, or a read when it gave none.
    Result<std::optional<Action>> previousState(const ActionChange &change);
    Result<void> writeRollups();

    SqlConnection &m_connection;
    SqlActionTable &m_actions;
    SqlEventLog &m_events;
    SqlAuditLog &m_audit;
    SqlReportTables &m_reports;
    SqlWebhookTable &m_webhooks; // the outbox rows of the batch's events
    double m_spotCheckFraction = 0;
    QList<RollupRow> m_rollups; // this batch's rollup rows, one per key
};

} // namespace Countersign
