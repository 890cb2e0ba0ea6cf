#pragma once

#include "../sqlconnection.h"
#include "sqliteoptions.h"

namespace Countersign {

// One QtSql SQLite connection with the settings the store relies on (WAL, foreign keys,
// synchronous=FULL, busy timeout) and a unique connection name per instance.
class SqliteConnection final : public SqlConnection
{
public:
    SqliteConnection(QString path, SqliteOptions options);
    ~SqliteConnection() override;
    Q_DISABLE_COPY_MOVE(SqliteConnection)

    // Opens the file and applies the per-connection settings. The journal mode is switched to
    // WAL separately, once the file is known to be ours, so a foreign file is left untouched.
    Result<void> open();
    Result<void> enableWriteAheadLog();
    void close();
    bool isOpen() const { return m_db.isOpen(); }

    const QString &path() const { return m_path; }
    const SqliteOptions &options() const { return m_options; }
    QString connectionName() const { return m_name; }
    QString where() const override { return m_path; }
    QSqlDatabase database() const override { return m_db; }

    // The rowid SQLite assigned; `idColumn` is an alias of it.
    Result<qint64> insert(
        const QString &sql, const QVariantList &values, const QString &idColumn, const QString &doing) override;
    Result<QVariant> executeOnce(const QString &sql, const QString &doing) override;

    // BEGIN IMMEDIATE: takes the write lock up front so a transaction never deadlocks on upgrade.
    Result<void> beginWrite(const QString &doing) override;
    // BEGIN (deferred): a consistent read snapshot across several statements.
    Result<void> beginRead(const QString &doing) override;
    Result<void> commit(const QString &doing) override;
    // Best effort: SQLite may already have rolled back after a disk-full or I/O error.
    void rollback() override;

    Error error(const QSqlError &error, const QString &doing) override;

protected:
    Result<void> ensureOpen(const QString &doing) override;
    Result<void> control(const QString &sql, const QString &doing) override;

private:
    Result<void> configure();

    QString m_path;
    SqliteOptions m_options;
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace Countersign
