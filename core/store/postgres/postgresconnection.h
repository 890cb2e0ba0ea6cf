#pragma once

#include "../sqlconnection.h"
#include "postgresoptions.h"

namespace Countersign {

// One QtSql QPSQL connection with the session settings the store relies on (statement and lock
// timeouts, UTC, quiet notices) and a unique connection name per instance; statements are
// prepared on the server. A lost connection (server restart, failover, network) is
// opened again before the next statement outside a transaction, so a store survives a restart
// of its database server without a restart of its own.
class PostgresConnection final : public SqlConnection
{
public:
    explicit PostgresConnection(PostgresOptions options);
    ~PostgresConnection() override;
    Q_DISABLE_COPY_MOVE(PostgresConnection)

    Result<void> open();
    void close();
    bool isOpen() const { return m_db.isOpen(); }

    const PostgresOptions &options() const { return m_options; }
    QString where() const override { return m_options.displayName(); }
    QSqlDatabase database() const override { return m_db; }

    // INSERT ... RETURNING idColumn.
    Result<qint64> insert(
        const QString &sql, const QVariantList &values, const QString &idColumn, const QString &doing) override;
    // Also for what cannot be prepared (transaction control, DDL, SET, a multi-statement
    // migration script).
    Result<QVariant> executeOnce(const QString &sql, const QString &doing) override;

    // READ COMMITTED: each statement sees what committed before it started.
    Result<void> beginWrite(const QString &doing) override;
    // REPEATABLE READ, READ ONLY: one consistent snapshot across several statements.
    Result<void> beginRead(const QString &doing) override;
    Result<void> commit(const QString &doing) override;
    // Best effort; also ends a transaction the server already aborted.
    void rollback() override;
    bool inTransaction() const { return m_inTransaction; }

    // The names the PostgreSQL store has always used.
    Result<void> begin(const QString &doing) { return beginWrite(doing); }
    Result<void> beginSnapshot(const QString &doing) { return beginRead(doing); }

    // Marks the connection broken when the error says it was lost.
    Error error(const QSqlError &error, const QString &doing) override;

protected:
    // Reconnects a lost connection, outside a transaction.
    Result<void> ensureOpen(const QString &doing) override;
    Result<void> control(const QString &sql, const QString &doing) override;

private:
    Result<void> configure();
    Result<void> startTransaction(const QString &sql, const QString &doing);

    PostgresOptions m_options;
    QString m_name;
    QSqlDatabase m_db;
    bool m_broken = false;
    bool m_inTransaction = false;
    bool m_wasOpened = false;
};

} // namespace Countersign
