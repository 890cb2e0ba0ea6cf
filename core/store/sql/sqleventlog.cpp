#include "sqleventlog.h"

#include "../sqlconnection.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>

namespace Countersign {

namespace {

constexpr int MaxLimit = 1000;

} // namespace

SqlEventLog::SqlEventLog(SqlConnection &connection)
    : m_connection(connection)
{ }

SqlEventLog::~SqlEventLog() = default;

Result<qint64> SqlEventLog::append(
    const QString &type, const QString &actionId, const QString &actionJson, const QDateTime &time)
{
    return m_connection.insert(QStringLiteral("INSERT INTO events (type, action_id, time, action) VALUES (?, ?, ?, ?)"),
        {type, actionId, time.toMSecsSinceEpoch(), actionJson}, QStringLiteral("seq"),
        QStringLiteral("recording an event"));
}

Result<QList<Event>> SqlEventLog::since(qint64 seq, int limit)
{
    return m_connection.selectAll(
        QStringLiteral("SELECT seq, type, action_id, time, action FROM events WHERE seq > ? ORDER BY seq LIMIT ?"),
        {seq, qBound(1, limit, MaxLimit)}, QStringLiteral("reading events"), [](const QSqlQuery &q) {
            return Event{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), QTimeZone::UTC),
                QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object()};
        });
}

Result<qint64> SqlEventLog::lastSeq()
{
    auto seq = m_connection.selectFirst(QStringLiteral("SELECT coalesce(max(seq), 0) FROM events"), {},
        QStringLiteral("reading the last event"), [](const QSqlQuery &q) {
            return q.value(0).toLongLong();
        });
    if (!seq)
        return fail(seq.error());
    return seq->value_or(0);
}

} // namespace Countersign
