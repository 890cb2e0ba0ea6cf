#include "sqlitestore.h"

#include "../logging.h"
#include "../sql/sqleventlog.h"
#include "sqliteconnection.h"
#include "sqlitelogsync.h"
#include "sqlitemigrations.h"
#include "sqlitereporttables.h"

#include <QJsonValue>
#include <QSqlQuery>

namespace Countersign {

namespace {

// Changes between refreshes of the planner's statistics (a quick, bounded ANALYZE when needed).
constexpr qint64 StatisticsInterval = 20000;

} // namespace

SqliteStore::SqliteStore(QString path, const Clock &clock, SqliteOptions options)
    : SqlStore(parts(std::move(path), options), clock)
{ }

SqliteStore::~SqliteStore()
{
    close();
}

SqlStore::Parts SqliteStore::parts(QString path, SqliteOptions options)
{
    auto connection = std::make_unique<SqliteConnection>(std::move(path), options);
    auto events = std::make_unique<SqlEventLog>(*connection);
    auto reports = std::make_unique<SqliteReportTables>(*connection);
    return {std::move(connection), SqlDialect::sqlite(), std::move(events), std::move(reports)};
}

SqliteConnection &SqliteStore::sqlite() const
{
    return static_cast<SqliteConnection &>(connection());
}

QString SqliteStore::path() const
{
    return sqlite().path();
}

const SqliteOptions &SqliteStore::options() const
{
    return sqlite().options();
}

QString SqliteStore::backendName() const
{
    return QStringLiteral("sqlite");
}

Result<void> SqliteStore::open()
{
    if (schemaVersion() > 0 && sqlite().isOpen())
        return {};
    if (auto opened = sqlite().open(); !opened)
        return opened;
    if (auto migrated = migrate(); !migrated) {
        qCWarning(lcStore) << "cannot use" << path() << ":" << migrated.error().message;
        sqlite().close();
        return migrated;
    }
    qCInfo(lcStore) << "opened" << path() << "at schema version" << schemaVersion()
                    << (options().readOnly ? "(read-only)" : "");
    return {};
}

Result<void> SqliteStore::migrate()
{
    QSqlDatabase db = sqlite().database();
    const int latest = SqliteMigrations::latestVersion();
    if (latest == 0)
        return fail(SqliteMigrations::all().error());
    // Checked before anything is written: a foreign or newer file is left exactly as it was.
    auto current = SqliteMigrations::checkVersion(db, path());
    if (!current)
        return fail(current.error());
    if (options().readOnly) {
        if (*current < latest)
            return fail(Error::unavailable(QStringLiteral("the database %1 is at schema version %2 and needs upgrading "
                                                          "to %3, which a read-only store cannot do")
                    .arg(path())
                    .arg(*current)
                    .arg(latest)));
        setSchemaVersion(latest);
        return {};
    }
    if (auto wal = sqlite().enableWriteAheadLog(); !wal)
        return wal;
    auto migrated = SqliteMigrations::migrate(db, path(), latest);
    if (!migrated)
        return fail(migrated.error());
    setSchemaVersion(*migrated);
    // The partial indexes of pending actions only win the planner over once statistics say how
    // small the pending queue is next to the history; SQLite advises this at every open.
    refreshStatistics(QStringLiteral("PRAGMA optimize = 0x10002"));
    return {};
}

void SqliteStore::refreshStatistics(const QString &pragma)
{
    m_changesSinceStatistics = 0;
    if (auto r = sqlite().executeOnce(pragma, QStringLiteral("refreshing statistics")); !r)
        qCWarning(lcStore) << r.error().message;
}

std::optional<DeferredSync> SqliteStore::deferSync()
{
#ifdef Q_OS_UNIX
    if (!sqlite().isOpen() || options().readOnly)
        return std::nullopt;
    const QString doing = QStringLiteral("deferring syncs");
    auto mode = sqlite().executeOnce(QStringLiteral("PRAGMA journal_mode"), doing);
    if (!mode || mode->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return std::nullopt; // only a write-ahead log can be synced apart from its commits
    auto log = SqliteLogSync::open(path());
    if (!log) {
        qCWarning(lcStore) << "every commit syncs on its own:" << log.error().message;
        return std::nullopt;
    }
    // The log's own thread checkpoints once the log passes CheckpointBytes. A restart keeps up
    // to four times that: writing over the log's blocks again is cheaper than truncating the
    // file and growing it anew.
    for (const QString &setting :
        {QStringLiteral("PRAGMA synchronous = NORMAL"), QStringLiteral("PRAGMA wal_autocheckpoint = 0"),
            QStringLiteral("PRAGMA journal_size_limit = %1").arg(4 * SqliteLogSync::CheckpointBytes)}) {
        if (auto done = sqlite().executeOnce(setting, doing); !done) {
            qCWarning(lcStore) << "every commit syncs on its own:" << done.error().message;
            (void)sqlite().executeOnce(QStringLiteral("PRAGMA synchronous = FULL"), doing);
            (void)sqlite().executeOnce(QStringLiteral("PRAGMA wal_autocheckpoint = 1000"), doing);
            return std::nullopt;
        }
    }
    qCInfo(lcStore) << "commits to" << path() << "are synced by the caller (group commit)";
    return DeferredSync{[this]() -> qint64 {
                            // A cached statement: this runs once per batch.
                            auto n = sqlite().selectFirst(QStringLiteral("SELECT total_changes()"), {},
                                QStringLiteral("counting writes"), [](const QSqlQuery &q) {
                                    return q.value(0).toLongLong();
                                });
                            return n && *n ? **n : -1; // unknown: the worker syncs
                        },
        [log = *log] {
            return log->sync();
        }};
#else
    return std::nullopt;
#endif
}

void SqliteStore::close()
{
    if (sqlite().isOpen() && schemaVersion() > 0 && !options().readOnly)
        refreshStatistics(QStringLiteral("PRAGMA optimize"));
    sqlite().close();
    setSchemaVersion(0);
}

bool SqliteStore::connectionUsable() const
{
    return sqlite().isOpen();
}

void SqliteStore::afterCommit(qint64 appended)
{
    m_changesSinceStatistics += appended;
    if (m_changesSinceStatistics >= StatisticsInterval)
        refreshStatistics(QStringLiteral("PRAGMA optimize"));
}

Result<QJsonObject> SqliteStore::diagnostics()
{
    if (auto ok = checkOpen(QStringLiteral("reading diagnostics")); !ok)
        return fail(ok.error());
    QJsonObject o{{QStringLiteral("path"), path()}, {QStringLiteral("read_only"), options().readOnly},
        {QStringLiteral("schema_version"), schemaVersion()}};
    const char *pragmas[]
        = {"journal_mode", "synchronous", "foreign_keys", "busy_timeout", "page_size", "page_count", "max_page_count"};
    for (const char *name : pragmas) {
        auto value = sqlite().executeOnce(
            QLatin1String("PRAGMA ") + QLatin1String(name), QStringLiteral("reading diagnostics"));
        if (!value)
            return fail(value.error());
        o.insert(QLatin1String(name), QJsonValue::fromVariant(*value));
    }
    auto version
        = sqlite().executeOnce(QStringLiteral("SELECT sqlite_version()"), QStringLiteral("reading diagnostics"));
    if (!version)
        return fail(version.error());
    o.insert(QStringLiteral("sqlite_version"), version->toString());
    return o;
}

} // namespace Countersign
