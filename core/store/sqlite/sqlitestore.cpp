#include "sqlitestore.h"

#include "../actionauditsummary.h"
#include "../logging.h"
#include "../sql/sqlactiontable.h"
#include "../sql/sqlauditlog.h"
#include "../sql/sqlchangewriter.h"
#include "../sql/sqleventlog.h"
#include "../sql/sqlpolicytable.h"
#include "../sql/sqltokentable.h"
#include "domain/clock.h"
#include "lifecycle/statemachine.h"
#include "sqliteconnection.h"
#include "sqlitelogsync.h"
#include "sqlitemigrations.h"
#include "sqlitereporttables.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace Countersign {

namespace {

// Changes between refreshes of the planner's statistics (a quick, bounded ANALYZE when needed).
constexpr qint64 StatisticsInterval = 20000;

} // namespace

SqliteStore::SqliteStore(QString path, const Clock &clock, SqliteOptions options)
    : m_clock(clock)
    , m_connection(std::make_unique<SqliteConnection>(std::move(path), options))
    , m_actions(std::make_unique<SqlActionTable>(*m_connection, SqlDialect::sqlite()))
    , m_events(std::make_unique<SqlEventLog>(*m_connection))
    , m_audit(std::make_unique<SqlAuditLog>(*m_connection))
    , m_reports(std::make_unique<SqliteReportTables>(*m_connection))
    , m_writer(std::make_unique<SqlChangeWriter>(*m_connection, *m_actions, *m_events, *m_audit, *m_reports))
    , m_tokens(std::make_unique<SqlTokenTable>(*m_connection))
    , m_policies(std::make_unique<SqlPolicyTable>(*m_connection))
{ }

SqliteStore::~SqliteStore()
{
    close();
}

QString SqliteStore::path() const
{
    return m_connection->path();
}

const SqliteOptions &SqliteStore::options() const
{
    return m_connection->options();
}

QString SqliteStore::backendName() const
{
    return QStringLiteral("sqlite");
}

int SqliteStore::schemaVersion() const
{
    return m_schemaVersion;
}

Result<void> SqliteStore::open()
{
    if (m_schemaVersion > 0 && m_connection->isOpen())
        return {};
    if (auto opened = m_connection->open(); !opened)
        return opened;
    if (auto migrated = migrate(); !migrated) {
        qCWarning(lcStore) << "cannot use" << path() << ":" << migrated.error().message;
        m_connection->close();
        return migrated;
    }
    qCInfo(lcStore) << "opened" << path() << "at schema version" << m_schemaVersion
                    << (options().readOnly ? "(read-only)" : "");
    return {};
}

Result<void> SqliteStore::migrate()
{
    QSqlDatabase db = m_connection->database();
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
        m_schemaVersion = latest;
        return {};
    }
    if (auto wal = m_connection->enableWriteAheadLog(); !wal)
        return wal;
    auto migrated = SqliteMigrations::migrate(db, path(), latest);
    if (!migrated)
        return fail(migrated.error());
    m_schemaVersion = *migrated;
    // The partial indexes of pending actions only win the planner over once statistics say how
    // small the pending queue is next to the history; SQLite advises this at every open.
    refreshStatistics(QStringLiteral("PRAGMA optimize = 0x10002"));
    return {};
}

void SqliteStore::refreshStatistics(const QString &pragma)
{
    m_changesSinceStatistics = 0;
    if (auto r = m_connection->executeOnce(pragma, QStringLiteral("refreshing statistics")); !r)
        qCWarning(lcStore) << r.error().message;
}

std::optional<DeferredSync> SqliteStore::deferSync()
{
#ifdef Q_OS_UNIX
    if (!m_connection->isOpen() || options().readOnly)
        return std::nullopt;
    const QString doing = QStringLiteral("deferring syncs");
    auto mode = m_connection->executeOnce(QStringLiteral("PRAGMA journal_mode"), doing);
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
        if (auto done = m_connection->executeOnce(setting, doing); !done) {
            qCWarning(lcStore) << "every commit syncs on its own:" << done.error().message;
            (void)m_connection->executeOnce(QStringLiteral("PRAGMA synchronous = FULL"), doing);
            (void)m_connection->executeOnce(QStringLiteral("PRAGMA wal_autocheckpoint = 1000"), doing);
            return std::nullopt;
        }
    }
    qCInfo(lcStore) << "commits to" << path() << "are synced by the caller (group commit)";
    return DeferredSync{[this]() -> qint64 {
                            auto n = m_connection->executeOnce(
                                QStringLiteral("SELECT total_changes()"), QStringLiteral("counting writes"));
                            return n ? n->toLongLong() : -1; // unknown: the worker syncs
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
    if (m_connection->isOpen() && m_schemaVersion > 0 && !options().readOnly)
        refreshStatistics(QStringLiteral("PRAGMA optimize"));
    m_connection->close();
    m_schemaVersion = 0;
}

Result<void> SqliteStore::checkOpen(const QString &doing) const
{
    if (m_schemaVersion > 0 && m_connection->isOpen())
        return {};
    return fail(Error::unavailable(QStringLiteral("%1 failed: the store %2 is not open").arg(doing, path())));
}

Result<QJsonObject> SqliteStore::diagnostics()
{
    if (auto ok = checkOpen(QStringLiteral("reading diagnostics")); !ok)
        return fail(ok.error());
    QJsonObject o{{QStringLiteral("path"), path()}, {QStringLiteral("read_only"), options().readOnly},
        {QStringLiteral("schema_version"), m_schemaVersion}};
    const char *pragmas[]
        = {"journal_mode", "synchronous", "foreign_keys", "busy_timeout", "page_size", "page_count", "max_page_count"};
    for (const char *name : pragmas) {
        auto value = m_connection->executeOnce(
            QLatin1String("PRAGMA ") + QLatin1String(name), QStringLiteral("reading diagnostics"));
        if (!value)
            return fail(value.error());
        o.insert(QLatin1String(name), QJsonValue::fromVariant(*value));
    }
    auto version
        = m_connection->executeOnce(QStringLiteral("SELECT sqlite_version()"), QStringLiteral("reading diagnostics"));
    if (!version)
        return fail(version.error());
    o.insert(QStringLiteral("sqlite_version"), version->toString());
    return o;
}

Result<Action> SqliteStore::action(const QString &id)
{
    if (auto ok = checkOpen(QStringLiteral("reading an action")); !ok)
        return fail(ok.error());
    return m_actions->action(id);
}

Result<std::optional<Action>> SqliteStore::actionByIdempotencyKey(const QString &agent, const QString &key)
{
    if (auto ok = checkOpen(QStringLiteral("looking up an idempotency key")); !ok)
        return fail(ok.error());
    return m_actions->byIdempotencyKey(agent, key);
}

Result<ActionPage> SqliteStore::actions(const ActionQuery &query)
{
    if (auto ok = checkOpen(QStringLiteral("listing actions")); !ok)
        return fail(ok.error());
    return m_actions->query(query);
}

Result<QList<Action>> SqliteStore::dueActions(const QDateTime &now, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing due actions")); !ok)
        return fail(ok.error());
    return m_actions->due(now, limit);
}

QList<Result<CommitResult>> SqliteStore::commit(const QList<ActionChange> &changes)
{
    if (auto ok = checkOpen(QStringLiteral("committing changes")); !ok) {
        QList<Result<CommitResult>> results;
        for (qsizetype i = 0; i < changes.size(); ++i)
            results.append(fail(ok.error()));
        return results;
    }
    const SqlChangeWriter::Steps steps{[this](const QString &doing) {
                                           return m_connection->beginWrite(doing);
                                       },
        {}};
    qint64 appended = 0;
    auto results = m_writer->commit(changes, m_clock.now(), steps, &appended);
    m_changesSinceStatistics += appended;
    if (m_changesSinceStatistics >= StatisticsInterval)
        refreshStatistics(QStringLiteral("PRAGMA optimize"));
    return results;
}

Result<QList<Event>> SqliteStore::eventsSince(qint64 seq, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading events")); !ok)
        return fail(ok.error());
    return m_events->since(seq, limit);
}

Result<qint64> SqliteStore::lastEventSeq()
{
    if (auto ok = checkOpen(QStringLiteral("reading the last event")); !ok)
        return fail(ok.error());
    return m_events->lastSeq();
}

Result<qint64> SqliteStore::appendAudit(const AuditEntry &entry)
{
    const QString doing = QStringLiteral("appending to the audit log");
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (entry.kind.isEmpty())
        return fail(Error::invalid(QStringLiteral("kind"), QStringLiteral("is missing")));
    return writeAudited(doing, entry, [] {
        return Result<void>();
    });
}

Result<QList<AuditEntry>> SqliteStore::auditEntries(qint64 afterSeq, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading audit entries")); !ok)
        return fail(ok.error());
    return m_audit->entries(afterSeq, limit);
}

Result<AuditVerification> SqliteStore::verifyAudit()
{
    if (auto ok = checkOpen(QStringLiteral("verifying the audit log")); !ok)
        return fail(ok.error());
    return m_audit->verify();
}

Result<void> SqliteStore::saveToken(const TokenRecord &token)
{
    if (auto ok = checkOpen(QStringLiteral("saving a token")); !ok)
        return fail(ok.error());
    return m_tokens->save(token, m_clock.now());
}

Result<std::optional<TokenRecord>> SqliteStore::tokenByHash(const QByteArray &hash)
{
    if (auto ok = checkOpen(QStringLiteral("looking up a token")); !ok)
        return fail(ok.error());
    return m_tokens->byHash(hash);
}

Result<QList<TokenRecord>> SqliteStore::tokens()
{
    if (auto ok = checkOpen(QStringLiteral("listing tokens")); !ok)
        return fail(ok.error());
    return m_tokens->all();
}

Result<PolicyVersion> SqliteStore::savePolicyVersion(const QByteArray &document, const QString &actor)
{
    const QString doing = QStringLiteral("saving a policy version");
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (auto begun = m_connection->beginWrite(doing); !begun)
        return fail(begun.error());
    auto rollback = qScopeGuard([&] {
        m_connection->rollback();
    });
    auto saved = m_policies->append(document, actor, m_clock.now());
    if (!saved)
        return fail(saved.error());
    if (auto committed = m_connection->commit(doing); !committed)
        return fail(committed.error());
    rollback.dismiss();
    return saved;
}

Result<QList<PolicyVersion>> SqliteStore::policyVersions()
{
    if (auto ok = checkOpen(QStringLiteral("listing policy versions")); !ok)
        return fail(ok.error());
    return m_policies->all();
}

Result<std::optional<PolicyVersion>> SqliteStore::currentPolicy()
{
    if (auto ok = checkOpen(QStringLiteral("reading the current policy")); !ok)
        return fail(ok.error());
    return m_policies->current();
}

Result<QueueStats> SqliteStore::queueStats(const QDateTime &now)
{
    if (auto ok = checkOpen(QStringLiteral("computing queue statistics")); !ok)
        return fail(ok.error());
    return m_actions->stats(now);
}

void SqliteStore::setSpotCheckFraction(double fraction)
{
    m_writer->setSpotCheckFraction(fraction);
}

Result<QList<RollupRow>> SqliteStore::rollups(const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy)
{
    if (auto ok = checkOpen(QStringLiteral("reading the report rollup")); !ok)
        return fail(ok.error());
    if (!from.isValid() || !to.isValid())
        return fail(Error::invalid(QStringLiteral("from"), QStringLiteral("the rollup window needs two days")));
    return m_reports->rollups(from, to, groupBy);
}

Result<QList<Outcome>> SqliteStore::latestReviewOutcomes(
    const QString &type, const QDateTime &from, const QDateTime &to, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading the latest reviews")); !ok)
        return fail(ok.error());
    return m_reports->latestReviewOutcomes(type, from, to, limit);
}

Result<QList<SpotCheck>> SqliteStore::spotChecks(
    std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing spot checks")); !ok)
        return fail(ok.error());
    return m_reports->spotChecks(open, from, to, limit);
}

Result<qint64> SqliteStore::writeAudited(
    const QString &doing, const AuditEntry &audit, const std::function<Result<void>()> &write)
{
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (auto begun = m_connection->beginWrite(doing); !begun)
        return fail(begun.error());
    auto rollback = qScopeGuard([&] {
        m_connection->rollback();
    });
    if (auto written = write(); !written)
        return fail(written.error());
    auto appended = m_audit->appendOne(audit, m_clock.now());
    if (!appended)
        return fail(appended.error());
    if (auto committed = m_connection->commit(doing); !committed)
        return fail(committed.error());
    rollback.dismiss();
    return appended->seq;
}

Result<SpotCheck> SqliteStore::recordSpotCheck(const SpotCheck &checked, const AuditEntry &audit)
{
    SpotCheck result;
    auto written = writeAudited(QStringLiteral("recording spot check %1").arg(checked.actionId), audit, [&] {
        auto recorded = m_reports->recordVerdict(checked);
        if (!recorded)
            return Result<void>(fail(recorded.error()));
        result = *recorded;
        return Result<void>();
    });
    if (!written)
        return fail(written.error());
    return result;
}

Result<void> SqliteStore::saveProposal(
    const PolicyProposal &proposal, std::optional<ProposalState> expectedState, const AuditEntry &audit)
{
    if (proposal.id.isEmpty())
        return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("is missing")));
    auto saved = writeAudited(QStringLiteral("saving proposal %1").arg(proposal.id), audit, [&] {
        return m_reports->saveProposal(proposal, expectedState);
    });
    return saved ? Result<void>() : fail(saved.error());
}

Result<PolicyProposal> SqliteStore::proposal(const QString &id)
{
    if (auto ok = checkOpen(QStringLiteral("reading a proposal")); !ok)
        return fail(ok.error());
    auto p = m_reports->proposal(id);
    if (!p)
        return fail(p.error());
    if (!*p)
        return fail(Error::notFound(QStringLiteral("no proposal %1").arg(id)));
    return **p;
}

Result<QList<PolicyProposal>> SqliteStore::proposals(int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing proposals")); !ok)
        return fail(ok.error());
    return m_reports->proposals(limit);
}

} // namespace Countersign
