#include "sqlitemigrations.h"

#include "../logging.h"
#include "sqliteerror.h"

#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Countersign {

namespace {

const QString MigrationsDir = QStringLiteral(":/countersign/store/sqlite/migrations");

Result<QVariant> scalar(QSqlDatabase &db, const QString &path, const QString &sql, const QString &doing)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return fail(sqliteError(q.lastError(), path, doing));
    return q.next() ? q.value(0) : QVariant();
}

Result<void> exec(QSqlDatabase &db, const QString &path, const QString &sql, const QString &doing)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return fail(sqliteError(q.lastError(), path, doing));
    return {};
}

// Applies migrations (current, target] inside the caller's transaction.
Result<void> apply(QSqlDatabase &db, const QString &path, const QList<SqliteMigrations::Migration> &migrations,
    int current, int target)
{
    for (int v = current + 1; v <= target; ++v) {
        const auto &m = migrations.at(v - 1);
        const QString doing = QStringLiteral("applying migration %1").arg(m.name);
        for (const QString &statement : SqliteMigrations::splitStatements(m.sql)) {
            if (auto r = exec(db, path, statement, doing); !r)
                return r;
        }
        QSqlQuery record(db);
        record.prepare(SqlMigrationSet::recordSql());
        const QVariantList values = SqlMigrationSet::recordValues(m);
        for (qsizetype i = 0; i < values.size(); ++i)
            record.bindValue(int(i), values.at(i));
        if (!record.exec())
            return fail(sqliteError(record.lastError(), path, doing));
        qCInfo(lcStore) << "applied migration" << m.name << "to" << path;
    }
    // Migrations run with foreign keys off (so a table can be rebuilt); check them before commit.
    QSqlQuery check(db);
    check.setForwardOnly(true);
    if (!check.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return fail(sqliteError(check.lastError(), path, QStringLiteral("checking foreign keys")));
    if (check.next())
        return fail(Error::internal(
            QStringLiteral("migrating %1 left a dangling reference in table %2").arg(path, check.value(0).toString())));
    return {};
}

} // namespace

Result<QList<SqliteMigrations::Migration>> SqliteMigrations::all()
{
    static const Result<QList<Migration>> migrations = SqlMigrationSet::load(MigrationsDir, QString());
    return migrations;
}

int SqliteMigrations::latestVersion()
{
    const auto migrations = all();
    return migrations ? int(migrations->size()) : 0;
}

Result<int> SqliteMigrations::currentVersion(QSqlDatabase &db, const QString &path)
{
    const QString doing = QStringLiteral("reading the schema version");
    auto hasTable = scalar(db, path,
        QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"),
        doing);
    if (!hasTable)
        return fail(hasTable.error());
    if (hasTable->toInt() == 0) {
        auto tables = scalar(db, path,
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"),
            doing);
        if (!tables)
            return fail(tables.error());
        if (tables->toInt() > 0)
            return fail(Error::unavailable(
                QStringLiteral("%1 holds tables of another application, not a Countersign database").arg(path)));
        return 0;
    }
    auto version = scalar(db, path, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"), doing);
    if (!version)
        return fail(version.error());
    return version->toInt();
}

Result<int> SqliteMigrations::checkVersion(QSqlDatabase &db, const QString &path)
{
    return SqlMigrationSet::refuseNewer(currentVersion(db, path), latestVersion(), path);
}

Result<int> SqliteMigrations::migrate(QSqlDatabase &db, const QString &path, int targetVersion)
{
    const auto migrations = all();
    if (!migrations)
        return fail(migrations.error());
    if (auto valid = SqlMigrationSet::checkTarget(targetVersion, int(migrations->size())); !valid)
        return fail(valid.error());

    auto current = checkVersion(db, path);
    if (!current)
        return current;
    if (*current >= targetVersion)
        return *current;

    // Foreign keys can only be switched outside a transaction; they are off while migrations
    // run (so a table can be rebuilt) and checked before the commit.
    auto foreignKeys = scalar(db, path, QStringLiteral("PRAGMA foreign_keys"), QStringLiteral("preparing migrations"));
    if (!foreignKeys)
        return fail(foreignKeys.error());
    if (auto r = exec(db, path, QStringLiteral("PRAGMA foreign_keys = OFF"), QStringLiteral("preparing migrations"));
        !r)
        return fail(r.error());
    const auto restoreForeignKeys = qScopeGuard([&] {
        QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = %1").arg(foreignKeys->toInt() ? 1 : 0));
    });
    const QString doing = QStringLiteral("migrating the schema");
    if (auto r = exec(db, path, QStringLiteral("BEGIN IMMEDIATE"), doing); !r)
        return fail(r.error());
    // Another process may have migrated while this one waited for the lock.
    current = checkVersion(db, path);
    Result<void> applied = current ? Result<void>() : fail(current.error());
    if (applied && *current < targetVersion)
        applied = apply(db, path, *migrations, *current, targetVersion);
    if (applied)
        applied = exec(db, path, QStringLiteral("COMMIT"), doing);
    if (!applied) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        qCWarning(lcStore) << "migration of" << path << "failed:" << applied.error().message;
        return fail(applied.error());
    }
    return qMax(*current, targetVersion);
}

QStringList SqliteMigrations::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    QStringList words; // upper-cased words of the current statement, outside literals
    QString word;
    int blockDepth = 0; // BEGIN/CASE ... END nesting inside a trigger body
    auto isTrigger = [&] {
        return words.size() >= 2 && words.at(0) == QLatin1String("CREATE")
            && (words.at(1) == QLatin1String("TRIGGER")
                || (words.size() >= 3 && words.at(2) == QLatin1String("TRIGGER")));
    };
    auto endWord = [&] {
        if (word.isEmpty())
            return;
        const QString w = word.toUpper();
        words.append(w);
        word.clear();
        if (isTrigger()) {
            if (w == QLatin1String("BEGIN") || (blockDepth > 0 && w == QLatin1String("CASE")))
                ++blockDepth;
            else if (blockDepth > 0 && w == QLatin1String("END"))
                --blockDepth;
        }
    };

    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == u'-' && next == u'-') { // comment to the end of the line
            endWord();
            while (i < n && script.at(i) != u'\n')
                ++i;
            current.append(u'\n');
            continue;
        }
        if (c == u'/' && next == u'*') {
            endWord();
            i += 2;
            while (i + 1 < n && !(script.at(i) == u'*' && script.at(i + 1) == u'/'))
                ++i;
            ++i;
            current.append(u' ');
            continue;
        }
        if (c == u'\'' || c == u'"' || c == u'`' || c == u'[') {
            endWord();
            const QChar close = c == u'[' ? QChar(u']') : c;
            current.append(c);
            for (++i; i < n; ++i) {
                current.append(script.at(i));
                if (script.at(i) == close) {
                    if (close != u']' && i + 1 < n && script.at(i + 1) == close) { // doubled quote
                        current.append(script.at(++i));
                        continue;
                    }
                    break;
                }
            }
            continue;
        }
        if (c.isLetterOrNumber() || c == u'_') {
            word.append(c);
            current.append(c);
            continue;
        }
        endWord();
        if (c == u';' && blockDepth == 0) {
            const QString statement = current.trimmed();
            if (!statement.isEmpty())
                statements.append(statement);
            current.clear();
            words.clear();
            continue;
        }
        current.append(c);
    }
    endWord();
    const QString rest = current.trimmed();
    if (!rest.isEmpty())
        statements.append(rest);
    return statements;
}

} // namespace Countersign
