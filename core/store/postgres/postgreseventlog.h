#pragma once

#include "../sql/sqleventlog.h"

namespace Countersign {

class PostgresConnection;

// The events table of the PostgreSQL store. Appends happen under the log lock (see
// PostgresStore::commit), so sequence numbers are handed out in commit order and every
// instance's subscribers can resume with since=SEQ without missing a concurrent commit. What
// only PostgreSQL has: telling the other instances through NOTIFY.
class PostgresEventLog : public SqlEventLog
{
public:
    // The channel every commit notifies with its last event's seq (see PostgresNotifier).
    static QString channel() { return QStringLiteral("countersign_events"); }

    explicit PostgresEventLog(PostgresConnection &connection);

    // Inside the caller's transaction: tells every listening instance, at commit, that events
    // up to `lastSeq` exist.
    Result<void> notify(qint64 lastSeq);
};

} // namespace Countersign
