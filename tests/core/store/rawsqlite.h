#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace Countersign::Test {

// A plain QtSql connection to a store's file, bypassing the store: to build old schema versions,
// hold locks, and tamper with rows the way an attacker with file access could.
class RawSqlite
{
public:
    explicit RawSqlite(const QString &path, const QString &connectOptions = QString());
    ~RawSqlite();
    Q_DISABLE_COPY_MOVE(RawSqlite)

    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &db() { return m_db; }
    // Runs one statement, binding `values` positionally; false (with lastError()) on failure.
    bool exec(const QString &sql, const QVariantList &values = {});
    // The first column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql, const QVariantList &values = {});
    // Every row of a query, columns joined with '|', for comparing whole tables.
    QStringList rows(const QString &sql);
    QString lastError() const { return m_lastError; }

private:
    QString m_name;
    QSqlDatabase m_db;
    QString m_lastError;
};

// SHA-256 of a file's bytes (empty for a missing file), to prove a file was not touched.
QByteArray fileDigest(const QString &path);

} // namespace Countersign::Test
