#pragma once

#include "../sql/sqlmigrationset.h"

#include <QList>
#include <QString>

namespace Countersign {

class PostgresConnection;

// The numbered schema migrations of the PostgreSQL store: the same numbers and meaning as the
// SQLite ones (core/store/sqlite/migrations), with PostgreSQL DDL, in
// core/store/postgres/migrations/NNNN_name.sql (embedded as Qt resources). Each is applied
// once, in order, and recorded in schema_migrations. A database newer than the code is
// refused, never touched. Several server instances starting at once migrate one after the
// other: the migration transaction holds an advisory lock, and DDL is transactional.
class PostgresMigrations
{
public:
    using Migration = SqlMigrationSet::Migration;

    static Result<QList<Migration>> all();
    static int latestVersion();

    // The version recorded in the connection's schema (0 when empty). A schema holding tables
    // but no schema_migrations table is not a Countersign database and gives an error.
    static Result<int> currentVersion(PostgresConnection &connection);
    // Brings the database to `targetVersion` in one transaction (all or nothing); never
    // downgrades. Tests use a target below the latest to build older databases.
    static Result<int> migrate(PostgresConnection &connection, int targetVersion);
};

} // namespace Countersign
