#pragma once

#include "../sql/sqlmigrationset.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace Countersign {

// The numbered schema migrations of the SQLite store. Each is a SQL file
// (core/store/sqlite/migrations/NNNN_name.sql, embedded as a Qt resource) applied once, in
// order, and recorded in the schema_migrations table; the PostgreSQL backend mirrors the
// numbering. A database whose version is newer than the code is refused, never touched.
class SqliteMigrations
{
public:
    using Migration = SqlMigrationSet::Migration;

    // All migrations, ordered by version (1, 2, 3, ... without gaps), or why they are unusable.
    static Result<QList<Migration>> all();
    static int latestVersion();

    // The version recorded in `db` (0 for an empty file). A file that holds tables but no
    // schema_migrations table is not a Countersign database and gives an error.
    static Result<int> currentVersion(QSqlDatabase &db, const QString &path);
    // currentVersion(), refusing a database newer than this build (Unavailable, naming both).
    static Result<int> checkVersion(QSqlDatabase &db, const QString &path);

    // Brings `db` to `targetVersion` in one transaction (all or nothing). Refuses a database
    // newer than `targetVersion`'s code and never downgrades. Tests use a target below the
    // latest to build databases as older releases left them.
    static Result<int> migrate(QSqlDatabase &db, const QString &path, int targetVersion);

    // Splits a script into statements at top-level semicolons, skipping comments and keeping
    // string literals and CREATE TRIGGER ... BEGIN ... END bodies intact.
    static QStringList splitStatements(const QString &script);
};

} // namespace Countersign
