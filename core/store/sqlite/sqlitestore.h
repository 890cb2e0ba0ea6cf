#pragma once

#include "../sql/sqlstore.h"
#include "sqliteoptions.h"

#include <QJsonObject>

namespace Countersign {

class SqliteConnection;

// The embedded default store: one SQLite file in WAL mode with synchronous=FULL, migrated to the
// latest schema on open (see SqliteMigrations). Every write is one transaction; commit() puts
// a whole batch of changes in one (group commit: one fsync for all of them). After deferSync()
// commits skip the fsync (synchronous=NORMAL) and the caller syncs the log for them.
//
// Several instances may use the same file, in one process or several: each has its own
// connection, and SQLite's locking serialises the writers (a writer waits up to
// SqliteOptions::busyTimeoutMs, then fails with Unavailable).
// Not final: tests derive from it to observe commits and syncs (tests/core/server/ObservedStore).
class SqliteStore : public SqlStore
{
public:
    SqliteStore(QString path, const Clock &clock, SqliteOptions options = {});
    ~SqliteStore() override;
    Q_DISABLE_COPY_MOVE(SqliteStore)

    QString path() const;
    const SqliteOptions &options() const;
    // The connection's effective settings (journal mode, synchronous, foreign keys, busy
    // timeout, size), for health checks and support requests.
    Result<QJsonObject> diagnostics();

    QString backendName() const override;
    Result<void> open() override;
    void close() override;
    std::optional<DeferredSync> deferSync() override;

protected:
    // The handle must be open: SQLite never reopens one on its own. Writers need no lock of
    // the store's: BEGIN IMMEDIATE and SQLite's locking serialise them (see beginWrite()).
    bool connectionUsable() const override;
    // Refreshes the planner's statistics every so many written changes.
    void afterCommit(qint64 appended) override;

private:
    static Parts parts(QString path, SqliteOptions options);
    SqliteConnection &sqlite() const;

    Result<void> migrate();
    void refreshStatistics(const QString &pragma);

    qint64 m_changesSinceStatistics = 0;
};

} // namespace Countersign
