#pragma once

#include "actionchange.h"
#include "actionquery.h"
#include "audit/auditentry.h"
#include "audit/auditverification.h"
#include "domain/action.h"
#include "domain/error.h"
#include "event.h"
#include "policyversion.h"
#include "queuestats.h"
#include "tokenrecord.h"

#include <QList>

#include <memory>
#include <optional>

namespace Countersign {

// The persistence interface the server uses; SQLite (embedded default) and PostgreSQL
// implement it and pass the same test suite.
//
// A Store instance belongs to the thread that opened it (QtSql connections are per thread).
// Every write a caller acknowledges has been committed when the call returns.
class Store
{
public:
    virtual ~Store() = default;

    virtual QString backendName() const = 0;
    // Opens (creating if needed) and migrates the database to the latest schema.
    virtual Result<void> open() = 0;
    virtual void close() = 0;
    virtual int schemaVersion() const = 0;

    // --- actions
    virtual Result<Action> action(const QString &id) = 0;
    virtual Result<std::optional<Action>> actionByIdempotencyKey(const QString &agent, const QString &key) = 0;
    virtual Result<ActionPage> actions(const ActionQuery &query) = 0;
    // Pending actions that need the scheduler: SLA passed and not escalated, expiry passed,
    // or a claim whose lease has lapsed. Oldest first.
    virtual Result<QList<Action>> dueActions(const QDateTime &now, int limit) = 0;

    // Persists transitions produced by the StateMachine. The whole list is one transaction
    // (group commit); each change succeeds or fails on its own: a stale expectedVersion gives
    // ErrorCode::Conflict for that change only, a duplicate (agent, idempotency key) on insert
    // gives Conflict too. Each committed change appends one event and one audit entry.
    // Storage failures (busy, locked, disk full, read-only) fail every change with Unavailable.
    virtual QList<Result<CommitResult>> commit(const QList<ActionChange> &changes) = 0;

    // --- events (for WebSocket subscribers resuming with since=SEQ)
    virtual Result<QList<Event>> eventsSince(qint64 seq, int limit) = 0;
    virtual Result<qint64> lastEventSeq() = 0;

    // --- audit chain
    // For changes that are not action transitions (policy, tokens). seq, prevHash and hash are
    // assigned by the store; returns the entry's seq.
    virtual Result<qint64> appendAudit(const AuditEntry &entry) = 0;
    virtual Result<QList<AuditEntry>> auditEntries(qint64 afterSeq, int limit) = 0;
    virtual Result<AuditVerification> verifyAudit() = 0;

    // --- tokens (only hashes are stored)
    virtual Result<void> saveToken(const TokenRecord &token) = 0;
    virtual Result<std::optional<TokenRecord>> tokenByHash(const QByteArray &hash) = 0;
    virtual Result<QList<TokenRecord>> tokens() = 0;

    // --- policy versions
    virtual Result<PolicyVersion> savePolicyVersion(const QByteArray &document, const QString &actor) = 0;
    virtual Result<QList<PolicyVersion>> policyVersions() = 0;
    virtual Result<std::optional<PolicyVersion>> currentPolicy() = 0;

    // --- queue statistics
    virtual Result<QueueStats> queueStats(const QDateTime &now) = 0;
};

} // namespace Countersign
