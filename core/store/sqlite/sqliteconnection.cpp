#include "sqliteconnection.h"

#include "../logging.h"
#include "sqliteerror.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace Countersign {

SqliteConnection::SqliteConnection(QString path, SqliteOptions options)
    : m_path(std::move(path))
    , m_options(options)
    , m_name(uniqueName(QStringLiteral("sqlite")))
{ }

SqliteConnection::~SqliteConnection()
{
    close();
}

Result<void> SqliteConnection::open()
{
    if (isOpen())
        return {};
    if (m_path.isEmpty())
        return fail(Error::invalid(QStringLiteral("location"), QStringLiteral("the database path is empty")));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(Error::unavailable(QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed")));

    const QFileInfo info(m_path);
    if (m_options.readOnly && !info.exists())
        return fail(Error::unavailable(QStringLiteral("cannot open %1 read-only: it does not exist").arg(m_path)));
    if (!m_options.readOnly && !QDir().mkpath(info.absolutePath()))
        return fail(Error::unavailable(QStringLiteral("cannot create the directory %1").arg(info.absolutePath())));

    QStringList connectOptions{QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(qMax(0, m_options.busyTimeoutMs))};
    if (m_options.readOnly)
        connectOptions.append(QStringLiteral("QSQLITE_OPEN_READONLY"));

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(connectOptions.join(u';'));
    if (!m_db.open()) {
        const Error e = error(m_db.lastError(), QStringLiteral("opening the database"));
        close();
        return fail(Error::unavailable(e.message));
    }
    if (auto configured = configure(); !configured) {
        close();
        return configured;
    }
    qCDebug(lcStore) << "opened" << m_path << "as" << m_name << (m_options.readOnly ? "read-only" : "read-write");
    return {};
}

Result<void> SqliteConnection::configure()
{
    // Reading the schema first tells a damaged or foreign file apart before anything is written.
    if (auto probe
        = executeOnce(QStringLiteral("SELECT count(*) FROM sqlite_master"), QStringLiteral("reading the schema"));
        !probe)
        return fail(probe.error());
    const QString settings[] = {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        // With WAL, synchronous=FULL makes every acknowledged commit durable across power loss at
        // the cost of one fsync of the log per commit, which group commit shares between changes.
        QStringLiteral("PRAGMA synchronous = FULL"),
        // Statement journals and sorts stay in memory rather than in temporary files.
        QStringLiteral("PRAGMA temp_store = MEMORY"),
        // 32 MiB of page cache (the default is 2 MiB): the hot index pages of a busy queue stay
        // in memory instead of being read back from the log with a system call each.
        QStringLiteral("PRAGMA cache_size = -32768"),
        QStringLiteral("PRAGMA busy_timeout = %1").arg(qMax(0, m_options.busyTimeoutMs)),
    };
    for (const QString &setting : settings) {
        if (auto r = executeOnce(setting, QStringLiteral("configuring the connection")); !r)
            return fail(r.error());
    }
    if (m_options.maxSizeBytes > 0) {
        auto pageSize = executeOnce(QStringLiteral("PRAGMA page_size"), QStringLiteral("reading the page size"));
        if (!pageSize)
            return fail(pageSize.error());
        const qint64 pages = qMax<qint64>(1, m_options.maxSizeBytes / qMax<qint64>(512, pageSize->toLongLong()));
        if (auto max = executeOnce(
                QStringLiteral("PRAGMA max_page_count = %1").arg(pages), QStringLiteral("limiting the database size"));
            !max)
            return fail(max.error());
    }
    return {};
}

Result<void> SqliteConnection::enableWriteAheadLog()
{
    if (m_options.readOnly)
        return {};
    // WAL lets readers proceed while one writer commits.
    auto mode = executeOnce(QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("enabling WAL"));
    if (!mode)
        return fail(mode.error());
    if (mode->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << m_path << "does not support WAL; the journal mode is" << mode->toString();
    return {};
}

void SqliteConnection::close()
{
    clearStatements();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
        qCDebug(lcStore) << "closed" << m_path;
    }
}

Error SqliteConnection::error(const QSqlError &e, const QString &doing)
{
    return sqliteError(e, m_path, doing);
}

Result<void> SqliteConnection::ensureOpen(const QString &doing)
{
    if (!isOpen())
        return fail(Error::unavailable(QStringLiteral("%1 failed: the store %2 is not open").arg(doing, m_path)));
    return {};
}

// SQLite prepares transaction control like any statement, so it is cached too.
Result<void> SqliteConnection::control(const QString &sql, const QString &doing)
{
    auto r = write(sql, {}, doing);
    return r ? Result<void>() : fail(r.error());
}

Result<qint64> SqliteConnection::insert(
    const QString &sql, const QVariantList &values, const QString & /*idColumn*/, const QString &doing)
{
    auto q = run(sql, values, doing);
    if (!q)
        return fail(q.error());
    const qint64 id = (*q)->lastInsertId().toLongLong();
    (*q)->finish();
    return id;
}

Result<QVariant> SqliteConnection::executeOnce(const QString &sql, const QString &doing)
{
    if (auto ok = ensureOpen(doing); !ok)
        return fail(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return fail(error(q.lastError(), doing));
    QVariant first;
    if (q.next())
        first = q.value(0);
    return first;
}

Result<void> SqliteConnection::beginWrite(const QString &doing)
{
    return control(QStringLiteral("BEGIN IMMEDIATE"), doing);
}

Result<void> SqliteConnection::beginRead(const QString &doing)
{
    return control(QStringLiteral("BEGIN"), doing);
}

Result<void> SqliteConnection::commit(const QString &doing)
{
    return control(QStringLiteral("COMMIT"), doing);
}

void SqliteConnection::rollback()
{
    if (!isOpen())
        return;
    // Fails harmlessly with "no transaction is active" when SQLite rolled back on its own.
    (void)write(QStringLiteral("ROLLBACK"), {}, QStringLiteral("rolling back"));
}

} // namespace Countersign
