#pragma once

#include "domain/error.h"
#include "domain/event.h"

#include <QList>

namespace Countersign {

class SqliteConnection;

// The events table of the SQLite store: one row per committed change, numbered by an
// AUTOINCREMENT sequence that is never reused, so subscribers resume with since=SEQ.
class SqliteEventLog
{
public:
    explicit SqliteEventLog(SqliteConnection &connection);

    // Inside the caller's write transaction; returns the event's seq. `actionJson` is the
    // action's stored record (the same text as the actions row).
    Result<qint64> append(
        const QString &type, const QString &actionId, const QString &actionJson, const QDateTime &time);
    Result<QList<Event>> since(qint64 seq, int limit);
    Result<qint64> lastSeq();

private:
    SqliteConnection &m_connection;
};

} // namespace Countersign
