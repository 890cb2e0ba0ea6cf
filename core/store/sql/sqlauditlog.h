#pragma once

#include "audit/auditentry.h"
#include "audit/auditverification.h"
#include "domain/error.h"

#include <QList>

namespace Countersign {

class SqlConnection;

// The audit table of an SQL store: a linear hash chain plus its recorded head (last seq and
// hash), which catches deletions at the end of the log and entries appended behind the store's
// back. Appends run inside the caller's write transaction (on PostgreSQL holding the log lock,
// see PostgresLocks), so the chain never forks, however many server instances append.
class SqlAuditLog
{
public:
    struct Head {
        qint64 seq = 0;
        QByteArray hash;
    };

    explicit SqlAuditLog(SqlConnection &connection);

    // Inside a write transaction: the chain's current head.
    Result<Head> head();
    // Inside a write transaction: assigns seq, prevHash and hash from `head`, inserts the entry
    // and advances `head`. The caller persists the head with saveHead() before committing.
    Result<AuditEntry> append(AuditEntry entry, Head &head);
    Result<void> saveHead(const Head &head);
    // Inside a write transaction: one entry on its own (stamped `now` if it has no time), from
    // reading the head to saving it.
    Result<AuditEntry> appendOne(AuditEntry entry, const QDateTime &now);

    Result<QList<AuditEntry>> entries(qint64 afterSeq, int limit);
    // Streams the whole chain through AuditChainVerifier in one read snapshot, then checks that
    // it ends where the recorded head says it does.
    Result<AuditVerification> verify();

private:
    SqlConnection &m_connection;
};

} // namespace Countersign
