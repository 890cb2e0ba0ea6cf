#include "postgresmigrations.h"

#include "../logging.h"
#include "postgresconnection.h"
#include "postgreslocks.h"

#include <QScopeGuard>

namespace Countersign {

namespace {

const QString MigrationsDir = QStringLiteral(":/countersign/store/postgres/migrations");

} // namespace

Result<QList<PostgresMigrations::Migration>> PostgresMigrations::all()
{
    static const Result<QList<Migration>> migrations
        = SqlMigrationSet::load(MigrationsDir, QStringLiteral("PostgreSQL "));
    return migrations;
}

int PostgresMigrations::latestVersion()
{
    const auto migrations = all();
    return migrations ? int(migrations->size()) : 0;
}

Result<int> PostgresMigrations::currentVersion(PostgresConnection &connection)
{
    const QString doing = QStringLiteral("reading the schema version");
    auto hasTable
        = connection.executeOnce(QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL"), doing);
    if (!hasTable)
        return fail(hasTable.error());
    if (!hasTable->toBool()) {
        auto tables = connection.executeOnce(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables "
                                                            "WHERE schemaname = current_schema()"),
            doing);
        if (!tables)
            return fail(tables.error());
        if (tables->toLongLong() > 0)
            return fail(
                Error::unavailable(QStringLiteral("%1 holds tables of another application, not a Countersign database")
                        .arg(connection.where())));
        return 0;
    }
    auto version
        = connection.executeOnce(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"), doing);
    if (!version)
        return fail(version.error());
    return version->toInt();
}

Result<int> PostgresMigrations::migrate(PostgresConnection &connection, int targetVersion)
{
    const auto migrations = all();
    if (!migrations)
        return fail(migrations.error());
    if (auto valid = SqlMigrationSet::checkTarget(targetVersion, int(migrations->size())); !valid)
        return fail(valid.error());
    // Every open checks under the lock: a check outside it could see another instance's
    // migration half-way between two catalog reads.
    const QString doing = QStringLiteral("migrating the schema");
    if (auto begun = connection.beginWrite(doing); !begun)
        return fail(begun.error());
    auto rollback = qScopeGuard([&] {
        connection.rollback();
    });
    // Instances starting together queue here; the ones behind find the work done.
    if (auto locked = connection.executeOnce(PostgresLocks::lockSql(PostgresLocks::Migrations), doing); !locked)
        return fail(locked.error());
    auto current = SqlMigrationSet::refuseNewer(currentVersion(connection), latestVersion(), connection.where());
    if (!current)
        return current;
    if (*current >= targetVersion) {
        connection.rollback();
        rollback.dismiss();
        return current;
    }
    for (int v = *current + 1; v <= targetVersion; ++v) {
        const auto &m = migrations->at(v - 1);
        const QString applying = QStringLiteral("applying migration %1").arg(m.name);
        // One script per call: PostgreSQL runs a multi-statement text in the transaction.
        if (auto r = connection.executeOnce(m.sql, applying); !r) {
            qCWarning(lcStore) << "migration of" << connection.where() << "failed:" << r.error().message;
            return fail(r.error());
        }
        auto recorded = connection.write(SqlMigrationSet::recordSql(), SqlMigrationSet::recordValues(m), applying);
        if (!recorded)
            return fail(recorded.error());
        qCInfo(lcStore) << "applied migration" << m.name << "to" << connection.where();
    }
    if (auto committed = connection.commit(doing); !committed)
        return fail(committed.error());
    rollback.dismiss();
    return qMax(*current, targetVersion);
}

} // namespace Countersign
