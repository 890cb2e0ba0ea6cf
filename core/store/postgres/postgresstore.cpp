#include "postgresstore.h"

#include "../logging.h"
#include "postgresconnection.h"
#include "postgreseventlog.h"
#include "postgreslocks.h"
#include "postgresmigrations.h"
#include "postgresreporttables.h"

namespace Countersign {

PostgresStore::PostgresStore(PostgresOptions options, const Clock &clock)
    : SqlStore(parts(std::move(options)), clock)
{ }

PostgresStore::~PostgresStore()
{
    close();
}

SqlStore::Parts PostgresStore::parts(PostgresOptions options)
{
    auto connection = std::make_unique<PostgresConnection>(std::move(options));
    auto events = std::make_unique<PostgresEventLog>(*connection);
    auto reports = std::make_unique<PostgresReportTables>(*connection);
    return {std::move(connection), SqlDialect::postgres(), std::move(events), std::move(reports)};
}

PostgresConnection &PostgresStore::postgres() const
{
    return static_cast<PostgresConnection &>(connection());
}

const PostgresOptions &PostgresStore::options() const
{
    return postgres().options();
}

QString PostgresStore::backendName() const
{
    return QStringLiteral("postgresql");
}

Result<void> PostgresStore::open()
{
    return openAtVersion(PostgresMigrations::latestVersion());
}

Result<void> PostgresStore::openAtVersion(int version)
{
    if (schemaVersion() > 0 && postgres().isOpen())
        return {};
    if (PostgresMigrations::latestVersion() == 0)
        return fail(PostgresMigrations::all().error());
    if (auto opened = postgres().open(); !opened)
        return opened;
    auto migrated = PostgresMigrations::migrate(postgres(), version);
    if (!migrated) {
        qCWarning(lcStore) << "cannot use" << postgres().where() << ":" << migrated.error().message;
        postgres().close();
        return fail(migrated.error());
    }
    setSchemaVersion(*migrated);
    qCInfo(lcStore) << "opened" << postgres().where() << "at schema version" << schemaVersion();
    return {};
}

void PostgresStore::close()
{
    postgres().close();
    setSchemaVersion(0);
}

Result<void> PostgresStore::beginWrite(Writes writes, const QString &doing)
{
    if (auto begun = postgres().begin(doing); !begun)
        return begun;
    // Log: one writer at a time across every instance, so the event seq follows commit order and
    // the audit head read next is the newest. Policy: two instances saving at once get
    // consecutive versions rather than a clash. Held until COMMIT, so batches stay short.
    const auto lock = writes == Writes::Log ? PostgresLocks::Log : PostgresLocks::Policy;
    if (auto locked = postgres().executeOnce(PostgresLocks::lockSql(lock), doing); !locked) {
        postgres().rollback();
        return fail(locked.error());
    }
    return {};
}

Result<void> PostgresStore::beforeCommit(qint64 lastEventSeq)
{
    return static_cast<PostgresEventLog &>(events()).notify(lastEventSeq);
}

} // namespace Countersign
