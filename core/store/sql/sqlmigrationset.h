#pragma once

#include "domain/error.h"

#include <QList>
#include <QString>
#include <QVariantList>

namespace Countersign {

// What the migration runners of the SQL stores share: the numbered scripts of one backend
// (NNNN_name.sql in a resource folder, numbered 1, 2, 3 ... without gaps, the same numbers and
// meaning on every backend), the checks of a target or recorded version against them, and the
// row that records an applied migration. How the scripts run stays with each backend
// (statement by statement with foreign keys off on SQLite; one script per call under an
// advisory lock on PostgreSQL).
class SqlMigrationSet
{
public:
    struct Migration {
        int version = 0;
        QString name; // "0001_initial"
        QString sql;
    };

    // The scripts in `resourceDir`, ordered by version, or why they are unusable; `backend`
    // names them in the error when there are none ("PostgreSQL ", or empty).
    static Result<QList<Migration>> load(const QString &resourceDir, const QString &backend);

    // Invalid unless 0 <= targetVersion <= latest.
    static Result<void> checkTarget(int targetVersion, int latest);
    // Unavailable when the database `where` records a version newer than this build's latest.
    static Result<int> refuseNewer(Result<int> current, int latest, const QString &where);

    // Records `migration` in schema_migrations: the statement and its values.
    static QString recordSql();
    static QVariantList recordValues(const Migration &migration);
};

} // namespace Countersign
