#pragma once

#include "domain/error.h"
#include "domain/event.h"

#include <QList>

namespace Countersign {

class SqlConnection;

// The events table of an SQL store: one row per committed change, numbered by a sequence that
// is never reused (AUTOINCREMENT, or an identity column appended to under the log lock so
// numbers follow commit order), so subscribers resume with since=SEQ.
class SqlEventLog
{
public:
    explicit SqlEventLog(SqlConnection &connection);
    // SqlStore owns a backend's subclass (PostgresEventLog) through this class.
    virtual ~SqlEventLog();
    Q_DISABLE_COPY_MOVE(SqlEventLog)

    // Inside the caller's write transaction; returns the event's seq. `actionJson` is the
    // action's stored record (the same text as the actions row).
    Result<qint64> append(
        const QString &type, const QString &actionId, const QString &actionJson, const QDateTime &time);
    Result<QList<Event>> since(qint64 seq, int limit);
    Result<qint64> lastSeq();

protected:
    SqlConnection &m_connection;
};

} // namespace Countersign
