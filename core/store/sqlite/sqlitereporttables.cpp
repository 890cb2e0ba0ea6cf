#include "sqlitereporttables.h"

#include "sqliteconnection.h"

#include <QScopeGuard>
#include <QSqlQuery>

namespace Countersign {

namespace {

constexpr int MaxLimit = 1000;

} // namespace

SqliteReportTables::SqliteReportTables(SqliteConnection &connection)
    : SqlReportTables(connection, QStringLiteral("NULL"))
{ }

Result<QList<Outcome>> SqliteReportTables::latestReviewOutcomes(
    const QString &type, const QDateTime &from, const QDateTime &to, int limit)
{
    const QString doing = QStringLiteral("reading the latest reviews of %1").arg(type);
    limit = qBound(1, limit, MaxLimit);
    // Policy and expiry outcomes are told apart by the record; read a page more than needed and
    // page on if they crowd the reviewer decisions out.
    QList<Outcome> outcomes;
    qint64 before = to.toMSecsSinceEpoch();
    const int page = limit * 2;
    for (;;) {
        auto q = m_connection.select(
            QStringLiteral("SELECT decided_at, state, json_extract(record, '$.decided_by'), "
                           "json_extract(record, '$.modified') FROM actions "
                           "WHERE type = ? AND decided_at IS NOT NULL AND decided_at >= ? AND decided_at < ? "
                           "ORDER BY decided_at DESC LIMIT ?"),
            {type, from.toMSecsSinceEpoch(), before, page}, doing);
        if (!q)
            return fail(q.error());
        const auto done = qScopeGuard([&] {
            (*q)->finish();
        });
        int rows = 0;
        qint64 oldest = before;
        while ((*q)->next() && outcomes.size() < limit) {
            ++rows;
            oldest = (*q)->value(0).toLongLong();
            const QString state = (*q)->value(1).toString();
            const QString by = (*q)->value(2).toString();
            if (by == QLatin1String("policy") || by == QLatin1String("expiry") || state == QLatin1String("withdrawn"))
                continue;
            if (state == QLatin1String("rejected"))
                outcomes.append(Outcome::Reject);
            else if (state == QLatin1String("approved"))
                outcomes.append((*q)->value(3).toInt() == 1 ? Outcome::Modify : Outcome::Approve);
        }
        if (outcomes.size() >= limit || rows < page)
            break;
        // Decisions sharing the oldest millisecond are re-read at most once per page; rare enough.
        before = oldest;
    }
    return outcomes;
}

} // namespace Countersign
