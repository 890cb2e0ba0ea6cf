#include "postgresstore.h"

#include "../actionauditsummary.h"
#include "../logging.h"
#include "../sql/sqlactiontable.h"
#include "../sql/sqlauditlog.h"
#include "../sql/sqlchangewriter.h"
#include "../sql/sqlpolicytable.h"
#include "../sql/sqltokentable.h"
#include "domain/clock.h"
#include "lifecycle/statemachine.h"
#include "postgresconnection.h"
#include "postgreseventlog.h"
#include "postgreslocks.h"
#include "postgresmigrations.h"
#include "postgresreporttables.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace Countersign {

namespace { } // namespace

PostgresStore::PostgresStore(PostgresOptions options, const Clock &clock)
    : m_clock(clock)
    , m_connection(std::make_unique<PostgresConnection>(std::move(options)))
    , m_actions(std::make_unique<SqlActionTable>(*m_connection, SqlDialect::postgres()))
    , m_events(std::make_unique<PostgresEventLog>(*m_connection))
    , m_audit(std::make_unique<SqlAuditLog>(*m_connection))
    , m_reports(std::make_unique<PostgresReportTables>(*m_connection))
    , m_writer(std::make_unique<SqlChangeWriter>(*m_connection, *m_actions, *m_events, *m_audit, *m_reports))
    , m_tokens(std::make_unique<SqlTokenTable>(*m_connection))
    , m_policies(std::make_unique<SqlPolicyTable>(*m_connection))
{ }

PostgresStore::~PostgresStore()
{
    close();
}

const PostgresOptions &PostgresStore::options() const
{
    return m_connection->options();
}

QString PostgresStore::backendName() const
{
    return QStringLiteral("postgresql");
}

int PostgresStore::schemaVersion() const
{
    return m_schemaVersion;
}

Result<void> PostgresStore::open()
{
    return openAtVersion(PostgresMigrations::latestVersion());
}

Result<void> PostgresStore::openAtVersion(int version)
{
    if (m_schemaVersion > 0 && m_connection->isOpen())
        return {};
    if (PostgresMigrations::latestVersion() == 0)
        return fail(PostgresMigrations::all().error());
    if (auto opened = m_connection->open(); !opened)
        return opened;
    auto migrated = PostgresMigrations::migrate(*m_connection, version);
    if (!migrated) {
        qCWarning(lcStore) << "cannot use" << m_connection->where() << ":" << migrated.error().message;
        m_connection->close();
        return fail(migrated.error());
    }
    m_schemaVersion = *migrated;
    qCInfo(lcStore) << "opened" << m_connection->where() << "at schema version" << m_schemaVersion;
    return {};
}

void PostgresStore::close()
{
    m_connection->close();
    m_schemaVersion = 0;
}

Result<void> PostgresStore::checkOpen(const QString &doing) const
{
    if (m_schemaVersion > 0)
        return {};
    return fail(
        Error::unavailable(QStringLiteral("%1 failed: the store %2 is not open").arg(doing, m_connection->where())));
}

Result<Action> PostgresStore::action(const QString &id)
{
    if (auto ok = checkOpen(QStringLiteral("reading an action")); !ok)
        return fail(ok.error());
    return m_actions->action(id);
}

Result<std::optional<Action>> PostgresStore::actionByIdempotencyKey(const QString &agent, const QString &key)
{
    if (auto ok = checkOpen(QStringLiteral("looking up an idempotency key")); !ok)
        return fail(ok.error());
    return m_actions->byIdempotencyKey(agent, key);
}

Result<ActionPage> PostgresStore::actions(const ActionQuery &query)
{
    if (auto ok = checkOpen(QStringLiteral("listing actions")); !ok)
        return fail(ok.error());
    return m_actions->query(query);
}

Result<QList<Action>> PostgresStore::dueActions(const QDateTime &now, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing due actions")); !ok)
        return fail(ok.error());
    return m_actions->due(now, limit);
}

QList<Result<CommitResult>> PostgresStore::commit(const QList<ActionChange> &changes)
{
    if (auto ok = checkOpen(QStringLiteral("committing changes")); !ok) {
        QList<Result<CommitResult>> results;
        for (qsizetype i = 0; i < changes.size(); ++i)
            results.append(fail(ok.error()));
        return results;
    }
    const SqlChangeWriter::Steps steps{[this](const QString &doing) -> Result<void> {
                                           if (auto begun = m_connection->begin(doing); !begun)
                                               return begun;
                                           // One writer at a time across every instance: the event seq follows commit
                                           // order and the audit head read next is the newest. Held until COMMIT, so
                                           // batches stay short.
                                           auto locked = m_connection->executeOnce(
                                               PostgresLocks::lockSql(PostgresLocks::Log), doing);
                                           if (!locked) {
                                               m_connection->rollback();
                                               return fail(locked.error());
                                           }
                                           return {};
                                       },
        [this](qint64 lastEventSeq) {
            return m_events->notify(lastEventSeq);
        }};
    return m_writer->commit(changes, m_clock.now(), steps);
}

Result<QList<Event>> PostgresStore::eventsSince(qint64 seq, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading events")); !ok)
        return fail(ok.error());
    return m_events->since(seq, limit);
}

Result<qint64> PostgresStore::lastEventSeq()
{
    if (auto ok = checkOpen(QStringLiteral("reading the last event")); !ok)
        return fail(ok.error());
    return m_events->lastSeq();
}

Result<qint64> PostgresStore::appendAudit(const AuditEntry &entry)
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

Result<QList<AuditEntry>> PostgresStore::auditEntries(qint64 afterSeq, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading audit entries")); !ok)
        return fail(ok.error());
    return m_audit->entries(afterSeq, limit);
}

Result<AuditVerification> PostgresStore::verifyAudit()
{
    if (auto ok = checkOpen(QStringLiteral("verifying the audit log")); !ok)
        return fail(ok.error());
    return m_audit->verify();
}

Result<void> PostgresStore::saveToken(const TokenRecord &token)
{
    if (auto ok = checkOpen(QStringLiteral("saving a token")); !ok)
        return fail(ok.error());
    return m_tokens->save(token, m_clock.now());
}

Result<std::optional<TokenRecord>> PostgresStore::tokenByHash(const QByteArray &hash)
{
    if (auto ok = checkOpen(QStringLiteral("looking up a token")); !ok)
        return fail(ok.error());
    return m_tokens->byHash(hash);
}

Result<QList<TokenRecord>> PostgresStore::tokens()
{
    if (auto ok = checkOpen(QStringLiteral("listing tokens")); !ok)
        return fail(ok.error());
    return m_tokens->all();
}

Result<PolicyVersion> PostgresStore::savePolicyVersion(const QByteArray &document, const QString &actor)
{
    const QString doing = QStringLiteral("saving a policy version");
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (auto begun = m_connection->begin(doing); !begun)
        return fail(begun.error());
    auto rollback = qScopeGuard([&] {
        m_connection->rollback();
    });
    // Two instances saving at once get consecutive versions rather than a clash.
    if (auto locked = m_connection->executeOnce(PostgresLocks::lockSql(PostgresLocks::Policy), doing); !locked)
        return fail(locked.error());
    auto saved = m_policies->append(document, actor, m_clock.now());
    if (!saved)
        return fail(saved.error());
    if (auto committed = m_connection->commit(doing); !committed)
        return fail(committed.error());
    rollback.dismiss();
    return saved;
}

Result<QList<PolicyVersion>> PostgresStore::policyVersions()
{
    if (auto ok = checkOpen(QStringLiteral("listing policy versions")); !ok)
        return fail(ok.error());
    return m_policies->all();
}

Result<std::optional<PolicyVersion>> PostgresStore::currentPolicy()
{
    if (auto ok = checkOpen(QStringLiteral("reading the current policy")); !ok)
        return fail(ok.error());
    return m_policies->current();
}

Result<QueueStats> PostgresStore::queueStats(const QDateTime &now)
{
    if (auto ok = checkOpen(QStringLiteral("computing queue statistics")); !ok)
        return fail(ok.error());
    return m_actions->stats(now);
}

void PostgresStore::setSpotCheckFraction(double fraction)
{
    m_writer->setSpotCheckFraction(fraction);
}

Result<QList<RollupRow>> PostgresStore::rollups(
    const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy)
{
    if (auto ok = checkOpen(QStringLiteral("reading the report rollup")); !ok)
        return fail(ok.error());
    if (!from.isValid() || !to.isValid())
        return fail(Error::invalid(QStringLiteral("from"), QStringLiteral("the rollup window needs two days")));
    return m_reports->rollups(from, to, groupBy);
}

Result<QList<Outcome>> PostgresStore::latestReviewOutcomes(
    const QString &type, const QDateTime &from, const QDateTime &to, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading the latest reviews")); !ok)
        return fail(ok.error());
    return m_reports->latestReviewOutcomes(type, from, to, limit);
}

Result<QList<SpotCheck>> PostgresStore::spotChecks(
    std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing spot checks")); !ok)
        return fail(ok.error());
    return m_reports->spotChecks(open, from, to, limit);
}

Result<qint64> PostgresStore::writeAudited(
    const QString &doing, const AuditEntry &audit, const std::function<Result<void>()> &write)
{
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (auto begun = m_connection->begin(doing); !begun)
        return fail(begun.error());
    auto rollback = qScopeGuard([&] {
        m_connection->rollback();
    });
    // The audit chain is one linear history across instances: the same lock as commit().
    if (auto locked = m_connection->executeOnce(PostgresLocks::lockSql(PostgresLocks::Log), doing); !locked)
        return fail(locked.error());
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

Result<SpotCheck> PostgresStore::recordSpotCheck(const SpotCheck &checked, const AuditEntry &audit)
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

Result<void> PostgresStore::saveProposal(
    const PolicyProposal &proposal, std::optional<ProposalState> expectedState, const AuditEntry &audit)
{
    if (proposal.id.isEmpty())
        return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("is missing")));
    auto saved = writeAudited(QStringLiteral("saving proposal %1").arg(proposal.id), audit, [&] {
        return m_reports->saveProposal(proposal, expectedState);
    });
    return saved ? Result<void>() : fail(saved.error());
}

Result<PolicyProposal> PostgresStore::proposal(const QString &id)
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

Result<QList<PolicyProposal>> PostgresStore::proposals(int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing proposals")); !ok)
        return fail(ok.error());
    return m_reports->proposals(limit);
}

} // namespace Countersign
