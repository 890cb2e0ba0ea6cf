#pragma once

#include <QString>

namespace Countersign {

// Where the SQL the stores share truly differs between SQLite and PostgreSQL. Both speak
// ON CONFLICT, FILTER and coalesce; what is left are the spellings each backend's indexes and
// planner need.
struct SqlDialect {
    // The deadline sort key: actions without one sort after every action with one. It must
    // match the actions_state_deadline index expression of the backend's schema exactly, or the
    // index cannot serve the listing.
    QString deadlineKey;
    // Whether `(key, id) > (?, ?)` becomes one index range. SQLite does not turn a row
    // comparison into a range on an expression index, so it gets `key >= ? AND (key > ? OR
    // id > ?)` instead.
    bool rowComparisonSeeks = false;
    // The condition selecting due pending actions, with three placeholders for now (SLA,
    // expiry, lease), shaped so each reason walks its own partial index.
    QString dueCondition;
    // The action record's context (JSON text), decided_by and modified (true as 1 or "true"), for
    // the policy simulation's stream; the row is aliased `a`.
    QString recordFields;
    // For the report drill-down, on the row aliased `a`: the record's decided_by (text or NULL),
    // a condition true when the record says modified, and escalated_at (ISO 8601 text or NULL).
    QString decidedBy;
    QString modifiedTrue;
    QString escalatedAt;
    // What follows the webhook outbox claim's row selection: PostgreSQL skips the rows another
    // instance is claiming at the same moment; SQLite has one writer.
    QString claimLock;

    static SqlDialect sqlite()
    {
        return {
            .deadlineKey = QStringLiteral("ifnull(sla_due_at, 9223372036854775807)"),
            .rowComparisonSeeks = false,
            // One branch per reason: SQLite uses a partial index per UNION arm, not for an OR.
            .dueCondition = QStringLiteral(
                "rowid IN (SELECT rowid FROM actions WHERE state = 'pending' AND escalated = 0 AND sla_due_at <= ? "
                "UNION SELECT rowid FROM actions WHERE state = 'pending' AND expires_at <= ? "
                "UNION SELECT rowid FROM actions WHERE state = 'pending' AND claimed_by IS NOT NULL "
                "AND lease_expires_at <= ?)"),
            .recordFields
            = QStringLiteral("json_extract(a.record, '$.context'), json_extract(a.record, '$.decided_by'), "
                             "json_extract(a.record, '$.modified')"),
            .decidedBy = QStringLiteral("json_extract(a.record, '$.decided_by')"),
            .modifiedTrue = QStringLiteral("json_extract(a.record, '$.modified') = 1"),
            .escalatedAt = QStringLiteral("json_extract(a.record, '$.escalated_at')"),
            .claimLock = QString(),
        };
    }

    static SqlDialect postgres()
    {
        return {
            .deadlineKey = QStringLiteral("coalesce(sla_due_at, 9223372036854775807)"),
            .rowComparisonSeeks = true,
            // PostgreSQL combines the three partial indexes with a BitmapOr.
            .dueCondition = QStringLiteral("state = 'pending' AND ((NOT escalated AND sla_due_at <= ?) "
                                           "OR expires_at <= ? OR (claimed_by IS NOT NULL AND lease_expires_at <= ?))"),
            .recordFields = QStringLiteral("(a.record::jsonb -> 'context')::text, a.record::jsonb ->> 'decided_by', "
                                           "a.record::jsonb ->> 'modified'"),
            .decidedBy = QStringLiteral("(a.record::jsonb ->> 'decided_by')"),
            .modifiedTrue = QStringLiteral("(a.record::jsonb ->> 'modified') = 'true'"),
            .escalatedAt = QStringLiteral("(a.record::jsonb ->> 'escalated_at')"),
            .claimLock = QStringLiteral(" FOR UPDATE SKIP LOCKED"),
        };
    }
};

} // namespace Countersign
