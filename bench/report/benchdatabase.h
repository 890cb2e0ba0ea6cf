#pragma once

// What the report benchmarks share: the file they fill, migrated by the real store, and the bulk
// path that fills it far faster than commit() would (one transaction, syncing off).
#include "domain/clock.h"
#include "store/sqlite/sqlitestore.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>
#include <optional>

namespace Countersign::Bench {

// A benchmark's arguments `[actions] [file]`.
struct BenchDatabase {
    int count; // actions to seed, 1,000,000 by default
    QString path; // the SQLite file, `fileName` in a temporary directory by default
};

// The arguments, with the file created and migrated to the latest schema; nothing (the reason
// said on `out`) when it cannot be opened.
inline std::optional<BenchDatabase> migratedDatabase(
    int argc, char **argv, const QTemporaryDir &dir, const QString &fileName, const Clock &clock, QTextStream &out)
{
    BenchDatabase database;
    database.count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1'000'000;
    database.path = argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(fileName);
    SqliteStore fresh(database.path, clock);
    if (auto ok = fresh.open(); !ok) {
        out << "cannot open " << database.path << ": " << ok.error().message << Qt::endl;
        return std::nullopt;
    }
    return database;
}

// The same, filled by `seed(path, count)` once migrated, which is timed and said on `out`.
inline std::optional<BenchDatabase> seededDatabase(int argc, char **argv, const QTemporaryDir &dir,
    const QString &fileName, const Clock &clock, const std::function<bool(const QString &, int)> &seed,
    QTextStream &out)
{
    auto database = migratedDatabase(argc, argv, dir, fileName, clock, out);
    if (!database)
        return std::nullopt;
    QElapsedTimer timer;
    timer.start();
    if (!seed(database->path, database->count))
        return std::nullopt;
    out << "seeded " << database->count << " actions in " << timer.elapsed() << " ms into " << database->path
        << Qt::endl;
    return database;
}

// Runs `fill` on a connection of its own to `path` in one transaction with syncing off, commits
// it and refreshes the planner's statistics; false when it cannot open or `fill` fails.
inline bool fillInBulk(const QString &path, const std::function<bool(QSqlDatabase &)> &fill)
{
    const QString name = QStringLiteral("bench-bulk");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = OFF"));
            QSqlQuery(db).exec(QStringLiteral("BEGIN"));
            ok = fill(db);
            QSqlQuery(db).exec(ok ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
            QSqlQuery(db).exec(QStringLiteral("ANALYZE"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace Countersign::Bench
