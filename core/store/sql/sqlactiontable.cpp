#include "sqlactiontable.h"

#include "../querycursor.h"
#include "../sqlconnection.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlQuery>

#include <cmath>

namespace Countersign {

namespace {

constexpr int MaxLimit = 1000;

QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// QtSql binds a null QString as SQL NULL; NOT NULL columns get the empty string instead.
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

// Every column but id, in the order of the INSERT statement below.
QVariantList columnValues(const Action &a, const QString &record)
{
    return {text(a.agent), text(a.type), text(a.category), actionStateName(a.state), tierName(a.tier),
        a.createdAt.toMSecsSinceEpoch(), msOrNull(a.slaDueAt), msOrNull(a.expiresAt), a.confidence,
        textOrNull(a.claimedBy), msOrNull(a.leaseExpiresAt), textOrNull(a.assignedTo), a.escalated,
        textOrNull(a.idempotencyKey), textOrNull(a.requestHash), a.version, msOrNull(a.decidedAt),
        textOrNull(a.snoozedBy), msOrNull(a.snoozedUntil), record};
}

// Any unique key (id, or agent and idempotency key) already taken means another submission won.
const QString InsertSql = QStringLiteral(
    "INSERT INTO actions (agent, type, category, state, tier, created_at, sla_due_at, expires_at, confidence, "
    "claimed_by, lease_expires_at, assigned_to, escalated, idempotency_key, request_hash, version, decided_at, "
    "snoozed_by, snoozed_until, record, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT DO NOTHING");

// Only what may change after submission: SQLite rewrites every index that covers a column in
// the SET list, changed or not, and most indexes cover the fixed ones (agent, type, category,
// created_at, confidence, idempotency key, request hash). SqlChangeWriter checks they stay fixed.
const QString UpdateSql = QStringLiteral(
    "UPDATE actions SET state = ?, tier = ?, sla_due_at = ?, expires_at = ?, claimed_by = ?, lease_expires_at = ?, "
    "assigned_to = ?, escalated = ?, version = ?, decided_at = ?, snoozed_by = ?, snoozed_until = ?, record = ? "
    "WHERE id = ? AND version = ?");

const QString SelectColumns = QStringLiteral("SELECT record, request_hash");

QString sortKey(ActionQuery::Sort sort, const SqlDialect &dialect)
{
    switch (sort) {
    case ActionQuery::Sort::Deadline:
        return dialect.deadlineKey;
    case ActionQuery::Sort::Age:
        return QStringLiteral("created_at");
    case ActionQuery::Sort::Confidence:
        break;
    }
    return QStringLiteral("confidence");
}

} // namespace

SqlActionTable::SqlActionTable(SqlConnection &connection, SqlDialect dialect)
    : m_connection(connection)
    , m_dialect(std::move(dialect))
{ }

Result<Action> SqlActionTable::decode(const QSqlQuery &row) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(row.value(0).toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(Error::internal(QStringLiteral("a stored action in %1 is unreadable: %2")
                .arg(m_connection.where(), parseError.errorString())));
    auto action = Action::fromJson(doc.object());
    if (!action)
        return fail(Error::internal(QStringLiteral("a stored action in %1 is invalid: %2")
                .arg(m_connection.where(), action.error().toString())));
    action->requestHash = row.value(1).toString();
    return action;
}

Result<Action> SqlActionTable::action(const QString &id)
{
    auto found = m_connection.selectFirst(SelectColumns + QStringLiteral(" FROM actions WHERE id = ?"), {id},
        QStringLiteral("reading an action"), [this](const QSqlQuery &row) {
            return decode(row);
        });
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(Error::notFound(QStringLiteral("no action %1").arg(id)));
    return std::move(**found);
}

Result<std::optional<Action>> SqlActionTable::byIdempotencyKey(const QString &agent, const QString &key)
{
    if (key.isEmpty())
        return std::optional<Action>();
    return m_connection.selectFirst(
        SelectColumns + QStringLiteral(" FROM actions WHERE agent = ? AND idempotency_key = ?"), {agent, key},
        QStringLiteral("looking up an idempotency key"), [this](const QSqlQuery &row) {
            return decode(row);
        });
}

Result<ActionPage> SqlActionTable::query(const ActionQuery &query)
{
    const int limit = qBound(1, query.limit, MaxLimit);
    const QString key = sortKey(query.sort, m_dialect);
    QStringList where;
    QVariantList values;
    if (query.state) {
        where.append(QStringLiteral("state = ?"));
        values.append(actionStateName(*query.state));
    }
    const std::pair<const char *, const QString *> textFilters[] = {{"category", &query.category},
        {"type", &query.type}, {"agent", &query.agent}, {"claimed_by", &query.claimedBy}};
    for (const auto &[column, value] : textFilters) {
        if (!value->isEmpty()) {
            where.append(QLatin1String(column) + QLatin1String(" = ?"));
            values.append(*value);
        }
    }
    // A snooze is live while its time lies ahead; nothing clears the columns when it passes.
    switch (query.snoozed) {
    case ActionQuery::Snoozed::Include:
        break;
    case ActionQuery::Snoozed::Exclude:
        where.append(QStringLiteral("(snoozed_by IS NULL OR snoozed_by <> ? OR snoozed_until <= ?)"));
        values.append(query.snoozer);
        values.append(query.now.toMSecsSinceEpoch());
        break;
    case ActionQuery::Snoozed::Only:
        where.append(QStringLiteral("snoozed_by = ? AND snoozed_until > ?"));
        values.append(query.snoozer);
        values.append(query.now.toMSecsSinceEpoch());
        break;
    }
    if (!query.cursor.isEmpty()) {
        const auto cursor = QueryCursor::decode(query.cursor, query.sort);
        if (!cursor)
            return fail(cursor.error());
        const QVariant k = std::visit(
            [](auto v) {
                return QVariant(v);
            },
            cursor->key);
        if (m_dialect.rowComparisonSeeks) {
            where.append(QStringLiteral("(%1, id) > (?, ?)").arg(key));
        } else {
            // The same order, written so that `key >= ?` is an index range.
            where.append(QStringLiteral("%1 >= ? AND (%1 > ? OR id > ?)").arg(key));
            values.append(k);
        }
        values.append(k);
        values.append(cursor->id);
    }
    QString sql = SelectColumns + QStringLiteral(", ") + key + QStringLiteral(" FROM actions");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY ") + key + QStringLiteral(", id LIMIT ?");
    values.append(limit + 1); // one more than asked tells whether another page follows

    auto q = m_connection.select(sql, values, QStringLiteral("listing actions"));
    if (!q)
        return fail(q.error());
    const auto done = qScopeGuard([&] {
        (*q)->finish();
    });
    ActionPage page;
    QVariant lastKey;
    while ((*q)->next()) {
        if (page.items.size() == limit) {
            QueryCursor next{query.sort, {}, page.items.constLast().id};
            if (query.sort == ActionQuery::Sort::Confidence)
                next.key = lastKey.toDouble();
            else
                next.key = lastKey.toLongLong();
            page.nextCursor = next.encode();
            break;
        }
        auto a = decode(**q);
        if (!a)
            return fail(a.error());
        page.items.append(std::move(*a));
        lastKey = (*q)->value(2);
    }
    return page;
}

Result<QList<Action>> SqlActionTable::due(const QDateTime &now, int limit)
{
    const qint64 t = now.toMSecsSinceEpoch();
    // Each reason matches a partial index of pending actions exactly, so the scheduler reads
    // only what is due rather than the whole queue.
    return m_connection.selectAll(SelectColumns + QStringLiteral(" FROM actions WHERE ") + m_dialect.dueCondition
            + QStringLiteral(" ORDER BY created_at, id LIMIT ?"),
        {t, t, t, qBound(1, limit, MaxLimit)}, QStringLiteral("listing due actions"), [this](const QSqlQuery &row) {
            return decode(row);
        });
}

Result<QueueStats> SqlActionTable::stats(const QDateTime &now)
{
    const QString doing = QStringLiteral("computing queue statistics");
    const qint64 t = now.toMSecsSinceEpoch();
    // One snapshot for both statements, so depth and claims agree with each other.
    if (auto begun = m_connection.beginRead(doing); !begun)
        return fail(begun.error());
    const auto end = qScopeGuard([&] {
        m_connection.rollback();
    });

    QueueStats stats;
    {
        auto q = m_connection.select(
            QStringLiteral("SELECT category, count(*), min(created_at), count(*) FILTER (WHERE sla_due_at <= ?), "
                           "count(*) FILTER (WHERE escalated) "
                           "FROM actions WHERE state = 'pending' GROUP BY category ORDER BY category"),
            {t}, doing);
        if (!q)
            return fail(q.error());
        const auto done = qScopeGuard([&] {
            (*q)->finish();
        });
        while ((*q)->next()) {
            QueueStats::Category c;
            c.name = (*q)->value(0).toString();
            c.depth = (*q)->value(1).toLongLong();
            c.oldestAgeSeconds = qMax<qint64>(0, (t - (*q)->value(2).toLongLong()) / 1000);
            c.slaBreaches = (*q)->value(3).toLongLong();
            c.escalated = (*q)->value(4).toLongLong();
            stats.totalDepth += c.depth;
            stats.oldestAgeSeconds = qMax(stats.oldestAgeSeconds, c.oldestAgeSeconds);
            stats.categories.append(c);
        }
    }
    auto claims = m_connection.selectAll(
        QStringLiteral("SELECT claimed_by, count(*) FROM actions WHERE state = 'pending' "
                       "AND claimed_by IS NOT NULL AND lease_expires_at > ? GROUP BY claimed_by"),
        {t}, doing, [](const QSqlQuery &q) {
            return std::pair{q.value(0).toString(), q.value(1).toLongLong()};
        });
    if (!claims)
        return fail(claims.error());
    for (const auto &[reviewer, count] : std::as_const(*claims))
        stats.claimedByReviewer.insert(reviewer, count);
    return stats;
}

Result<void> SqlActionTable::validate(const Action &a, qint64 expectedVersion)
{
    if (a.id.isEmpty())
        return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("is missing")));
    if (expectedVersion < 0)
        return fail(Error::invalid(QStringLiteral("version"), QStringLiteral("the expected version is negative")));
    if (a.version != expectedVersion + 1)
        return fail(Error::invalid(QStringLiteral("version"),
            QStringLiteral("action %1 moves from version %2 to %3; each change moves it by one")
                .arg(a.id)
                .arg(expectedVersion)
                .arg(a.version)));
    if (!a.createdAt.isValid())
        return fail(Error::invalid(QStringLiteral("created_at"), QStringLiteral("is missing")));
    if (!std::isfinite(a.confidence))
        return fail(Error::invalid(QStringLiteral("confidence"), QStringLiteral("is not a finite number")));
    return {};
}

Result<Error> SqlActionTable::explainUpdateConflict(const Action &after, qint64 expectedVersion)
{
    auto version = m_connection.selectFirst(QStringLiteral("SELECT version FROM actions WHERE id = ?"), {after.id},
        QStringLiteral("reading action %1").arg(after.id), [](const QSqlQuery &q) {
            return q.value(0).toLongLong();
        });
    if (!version)
        return fail(version.error());
    if (!*version)
        return Error::conflict(QStringLiteral("action %1 does not exist, so it cannot be updated").arg(after.id));
    return Error::conflict(QStringLiteral("action %1 is at version %2, not %3: it changed concurrently")
            .arg(after.id)
            .arg(**version)
            .arg(expectedVersion));
}

Result<void> SqlActionTable::write(const Action &after, qint64 expectedVersion, const QString &record)
{
    if (expectedVersion == 0) {
        QVariantList values = columnValues(after, record);
        values.append(after.id);
        // Only a unique key is skipped by ON CONFLICT; any other constraint failing means a bug.
        auto inserted = m_connection.write(InsertSql, values, QStringLiteral("inserting an action"));
        if (!inserted)
            return fail(inserted.error().code == ErrorCode::Conflict ? Error::internal(inserted.error().message)
                                                                     : inserted.error());
        if (*inserted == 1)
            return {};
        return fail(Error::conflict(after.idempotencyKey.isEmpty()
                ? QStringLiteral("action %1 already exists").arg(after.id)
                : QStringLiteral("action %1 already exists or agent %2 already used idempotency key %3")
                      .arg(after.id, after.agent, after.idempotencyKey)));
    }
    const QVariantList values{actionStateName(after.state), tierName(after.tier), msOrNull(after.slaDueAt),
        msOrNull(after.expiresAt), textOrNull(after.claimedBy), msOrNull(after.leaseExpiresAt),
        textOrNull(after.assignedTo), after.escalated, after.version, msOrNull(after.decidedAt),
        textOrNull(after.snoozedBy), msOrNull(after.snoozedUntil), record, after.id, expectedVersion};
    auto rows = m_connection.write(UpdateSql, values, QStringLiteral("updating an action"));
    // The version guard, not a constraint, catches a lost race: a constraint failing is a bug.
    if (!rows)
        return fail(rows.error().code == ErrorCode::Conflict ? Error::internal(rows.error().message) : rows.error());
    if (*rows == 1)
        return {};
    auto conflict = explainUpdateConflict(after, expectedVersion);
    return fail(conflict ? *conflict : conflict.error());
}

} // namespace Countersign
