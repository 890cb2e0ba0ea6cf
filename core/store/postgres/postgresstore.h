#pragma once

#include "../sql/sqlstore.h"
#include "postgresoptions.h"

namespace Countersign {

class PostgresConnection;

// The store for several server instances: one PostgreSQL (>= 15) database shared by stateless
// countersign-server processes, migrated on open with the same numbered migrations as SQLite.
//
// What keeps the instances honest is in the database, not in any one process:
// - commit() holds a transaction-level advisory lock (PostgresLocks::Log) while it writes, so
//   event sequence numbers follow commit order and the audit chain stays one linear chain;
// - each action write is a compare-and-swap on its version (claims and decisions are single-use
//   across instances) and the (agent, idempotency key) pair is a unique index;
// - commit() keeps the report rollup and the spot-check list in the same transaction as each
//   change, and every other report write (verdicts, proposals) takes the same lock with its
//   audit entry;
// - each commit notifies the channel PostgresEventLog::channel() with its last seq, which
//   PostgresNotifier turns into a signal on the other instances.
class PostgresStore final : public SqlStore
{
public:
    PostgresStore(PostgresOptions options, const Clock &clock);
    ~PostgresStore() override;
    Q_DISABLE_COPY_MOVE(PostgresStore)

    const PostgresOptions &options() const;
    // Opens and migrates to `version` rather than the latest (tests build older databases).
    Result<void> openAtVersion(int version);

    QString backendName() const override;
    Result<void> open() override;
    void close() override;

protected:
    // Every instance writes the same database, so a write takes an advisory lock as well
    // (PostgresLocks::Log or Policy), until COMMIT.
    Result<void> beginWrite(Writes writes, const QString &doing) override;
    // Tells the other instances about the batch's events (PostgresEventLog::notify).
    Result<void> beforeCommit(qint64 lastEventSeq) override;

private:
    static Parts parts(PostgresOptions options);
    PostgresConnection &postgres() const;
};

} // namespace Countersign
