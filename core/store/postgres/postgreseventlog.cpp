#include "postgreseventlog.h"

#include "postgresconnection.h"

#include <QSqlQuery>

namespace Countersign {

PostgresEventLog::PostgresEventLog(PostgresConnection &connection)
    : SqlEventLog(connection)
{ }

Result<void> PostgresEventLog::notify(qint64 lastSeq)
{
    auto q = m_connection.select(QStringLiteral("SELECT pg_notify(?, ?)"), {channel(), QString::number(lastSeq)},
        QStringLiteral("notifying other instances"));
    if (!q)
        return fail(q.error());
    (*q)->finish();
    return {};
}

} // namespace Countersign
