#include "sqlpastactions.h"

#include "../sqlconnection.h"

#include <QScopeGuard>

namespace Countersign {

SqlPastActions::SqlPastActions(SqlConnection &connection, QString recordFields)
    : m_connection(connection)
    // `created_at >= ? AND (created_at > ? OR id > ?)` keeps the seek one range of the
    // (created_at, id) index on SQLite, which does not do that for a row comparison.
    , m_sql(QStringLiteral("SELECT a.id, a.type, a.category, a.confidence, a.state, a.created_at, %1, s.verdict "
                           "FROM actions a LEFT JOIN spot_checks s ON s.action_id = a.id AND s.source = 'auto' "
                           "WHERE a.created_at < ? AND a.created_at >= ? AND (a.created_at > ? OR a.id > ?) "
                           "ORDER BY a.created_at, a.id LIMIT %2")
              .arg(recordFields)
              .arg(PageSize))
{ }

Result<void> SqlPastActions::stream(
    const QDateTime &from, const QDateTime &to, const std::function<void(const PastAction &)> &visit)
{
    const QString doing = QStringLiteral("reading the actions of a simulation window");
    const qint64 end = to.toMSecsSinceEpoch();
    qint64 lastAt = from.toMSecsSinceEpoch();
    QString lastId; // empty sorts before every id, so the first page starts at `from` itself
    bool first = true;
    for (;;) {
        // The first page takes `from` inclusively: any id is greater than "", and created_at > from-1.
        auto q = m_connection.select(m_sql, {end, lastAt, first ? lastAt - 1 : lastAt, lastId}, doing);
        if (!q)
            return fail(q.error());
        const auto done = qScopeGuard([&] {
            (*q)->finish();
        });
        int rows = 0;
        PastAction a;
        while ((*q)->next()) {
            const QSqlQuery &r = **q;
            ++rows;
            a.id = r.value(0).toString();
            a.type = r.value(1).toString();
            a.category = r.value(2).toString();
            a.confidence = r.value(3).toDouble();
            a.state = actionStateFromName(r.value(4).toString()).value_or(ActionState::Pending);
            lastAt = r.value(5).toLongLong();
            a.context = r.value(6).toByteArray();
            a.decidedBy = r.value(7).toString();
            const QVariant modified = r.value(8);
            a.modified = modified.toString() == QLatin1String("true") || modified.toString() == QLatin1String("1");
            const QVariant verdict = r.value(9);
            a.spotCheck = verdict.isNull() ? std::nullopt : spotCheckVerdictFromName(verdict.toString());
            lastId = a.id;
            visit(a);
        }
        first = false;
        if (rows < PageSize)
            return {};
    }
}

} // namespace Countersign
