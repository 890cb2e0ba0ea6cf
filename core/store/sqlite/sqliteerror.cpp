#include "sqliteerror.h"

#include <QSqlError>

namespace Countersign {

int sqlitePrimaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : 0;
}

Error sqliteError(const QSqlError &error, const QString &path, const QString &doing)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    auto unavailable = [&](const QString &what) {
        return Error::unavailable(QStringLiteral("%1 failed: %2 (%3)").arg(doing, what, detail));
    };
    switch (SqliteResult(sqlitePrimaryCode(error))) {
    case SqliteResult::Busy:
    case SqliteResult::Locked:
        return unavailable(QStringLiteral("the database %1 is locked by another connection; retry later").arg(path));
    case SqliteResult::ReadOnly:
        return unavailable(QStringLiteral("the database %1 is read-only").arg(path));
    case SqliteResult::Full:
        return unavailable(
            QStringLiteral("the disk holding %1 is full or the database reached its size limit").arg(path));
    case SqliteResult::IoError:
        return unavailable(QStringLiteral("an I/O error occurred on %1").arg(path));
    case SqliteResult::NoMemory:
        return unavailable(QStringLiteral("out of memory"));
    case SqliteResult::CantOpen:
        return unavailable(QStringLiteral("cannot open %1").arg(path));
    case SqliteResult::Corrupt:
    case SqliteResult::NotADatabase:
        return unavailable(QStringLiteral("%1 is damaged or not a database").arg(path));
    case SqliteResult::Constraint:
        return Error::conflict(QStringLiteral("%1 failed: %2").arg(doing, detail));
    case SqliteResult::Error:
        break;
    }
    return Error::internal(QStringLiteral("%1 failed on %2: %3").arg(doing, path, detail));
}

} // namespace Countersign
