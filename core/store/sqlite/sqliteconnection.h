#pragma once

#include "domain/error.h"
#include "sqliteoptions.h"

#include <QSqlDatabase>
#include <QVariantList>

#include <memory>
#include <unordered_map>

class QSqlError;
class QSqlQuery;

namespace Countersign {

// One QtSql SQLite connection with the settings the store relies on (WAL, foreign keys,
// synchronous=FULL, busy timeout), a unique connection name per instance, and a cache of
// prepared statements so hot paths never re-prepare SQL.
//
// Like every QtSql connection it belongs to the thread that opened it.
class SqliteConnection
{
public:
    SqliteConnection(QString path, SqliteOptions options);
    ~SqliteConnection();
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
    QSqlDatabase database() const { return m_db; }

    // Runs a cached prepared statement that changes rows and returns the number it changed.
    Result<qint64> write(const QString &sql, const QVariantList &values, const QString &doing);
    // Runs a cached prepared INSERT and returns the rowid it assigned.
    Result<qint64> insert(const QString &sql, const QVariantList &values, const QString &doing);
    // Runs a cached prepared SELECT and returns it positioned before the first row. The caller
    // must finish() it once done so no read snapshot stays open.
    Result<QSqlQuery *> select(const QString &sql, const QVariantList &values, const QString &doing);
    // A one-off statement (pragmas, DDL); not cached.
    Result<QVariant> executeOnce(const QString &sql, const QString &doing);

    // BEGIN IMMEDIATE: takes the write lock up front so a transaction never deadlocks on upgrade.
    Result<void> beginWrite(const QString &doing);
    // BEGIN (deferred): a consistent read snapshot across several statements.
    Result<void> beginRead(const QString &doing);
    Result<void> commit(const QString &doing);
    // Best effort: SQLite may already have rolled back after a disk-full or I/O error.
    void rollback();
    Result<void> savepoint(const QString &doing);
    Result<void> releaseSavepoint(const QString &doing);
    Result<void> rollbackToSavepoint(const QString &doing);

    Error error(const QSqlError &error, const QString &doing) const;

private:
    Result<QSqlQuery *> prepared(const QString &sql, const QString &doing);
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values, const QString &doing);
    Result<void> configure();

    QString m_path;
    SqliteOptions m_options;
    QString m_name;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace Countersign
