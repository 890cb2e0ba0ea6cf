#include "sqlstore.h"

#include "../sqlconnection.h"
#include "domain/clock.h"
#include "sqlactiontable.h"
#include "sqlauditlog.h"
#include "sqlchangewriter.h"
#include "sqldrilldown.h"
#include "sqleventlog.h"
#include "sqlpastactions.h"
#include "sqlpolicytable.h"
#include "sqlreporttables.h"
#include "sqltokentable.h"
#include "sqlwebhooktable.h"

#include <QScopeGuard>

namespace Countersign {

SqlStore::SqlStore(Parts parts, const Clock &clock)
    : m_clock(clock)
    , m_connection(std::move(parts.connection))
    , m_actions(std::make_unique<SqlActionTable>(*m_connection, parts.dialect))
    , m_events(std::move(parts.events))
    , m_audit(std::make_unique<SqlAuditLog>(*m_connection))
    , m_reports(std::move(parts.reports))
    , m_webhooks(std::make_unique<SqlWebhookTable>(*m_connection, parts.dialect.claimLock))
    , m_writer(
          std::make_unique<SqlChangeWriter>(*m_connection, *m_actions, *m_events, *m_audit, *m_reports, *m_webhooks))
    , m_tokens(std::make_unique<SqlTokenTable>(*m_connection))
    , m_policies(std::make_unique<SqlPolicyTable>(*m_connection))
    , m_past(std::make_unique<SqlPastActions>(*m_connection, parts.dialect.recordFields))
    , m_drillDown(std::make_unique<SqlDrillDown>(*m_connection, parts.dialect))
{ }

SqlStore::~SqlStore() = default;

int SqlStore::schemaVersion() const
{
    return m_schemaVersion;
}

void SqlStore::setSchemaVersion(int version)
{
    m_schemaVersion = version;
    m_webhooks->forget(); // opened or closed: the subscriptions are read again before they are used
}

Result<void> SqlStore::beginWrite(Writes, const QString &doing)
{
    return m_connection->beginWrite(doing);
}

Result<void> SqlStore::beforeCommit(qint64)
{
    return {};
}

void SqlStore::afterCommit(qint64) { }

bool SqlStore::connectionUsable() const
{
    return true;
}

Result<void> SqlStore::checkOpen(const QString &doing) const
{
    if (m_schemaVersion > 0 && connectionUsable())
        return {};
    return fail(
        Error::unavailable(QStringLiteral("%1 failed: the store %2 is not open").arg(doing, m_connection->where())));
}

Result<Action> SqlStore::action(const QString &id)
{
    return whenOpen(QStringLiteral("reading an action"), [&] {
        return m_actions->action(id);
    });
}

Result<std::optional<Action>> SqlStore::actionByIdempotencyKey(const QString &agent, const QString &key)
{
    return whenOpen(QStringLiteral("looking up an idempotency key"), [&] {
        return m_actions->byIdempotencyKey(agent, key);
    });
}

Result<ActionPage> SqlStore::actions(const ActionQuery &query)
{
    return whenOpen(QStringLiteral("listing actions"), [&] {
        return m_actions->query(query);
    });
}

Result<QList<Action>> SqlStore::dueActions(const QDateTime &now, int limit)
{
    return whenOpen(QStringLiteral("listing due actions"), [&] {
        return m_actions->due(now, limit);
    });
}

QList<Result<CommitResult>> SqlStore::commit(const QList<ActionChange> &changes)
{
    if (auto ok = checkOpen(QStringLiteral("committing changes")); !ok) {
        QList<Result<CommitResult>> results;
        for (qsizetype i = 0; i < changes.size(); ++i)
            results.append(fail(ok.error()));
        return results;
    }
    const SqlChangeWriter::Steps steps{[this](const QString &doing) {
                                           return beginWrite(Writes::Log, doing);
                                       },
        [this](qint64 lastEventSeq) {
            return beforeCommit(lastEventSeq);
        }};
    qint64 appended = 0;
    auto results = m_writer->commit(changes, m_clock.now(), steps, &appended);
    afterCommit(appended);
    return results;
}

Result<QList<Event>> SqlStore::eventsSince(qint64 seq, int limit)
{
    return whenOpen(QStringLiteral("reading events"), [&] {
        return m_events->since(seq, limit);
    });
}

Result<qint64> SqlStore::lastEventSeq()
{
    return whenOpen(QStringLiteral("reading the last event"), [&] {
        return m_events->lastSeq();
    });
}

Result<qint64> SqlStore::appendAudit(const AuditEntry &entry)
{
    const QString doing = QStringLiteral("appending to the audit log");
    return whenOpen(doing, [&]() -> Result<qint64> {
        if (entry.kind.isEmpty())
            return fail(Error::invalid(QStringLiteral("kind"), QStringLiteral("is missing")));
        return writeAudited(doing, entry, [] {
            return Result<void>();
        });
    });
}

Result<QList<AuditEntry>> SqlStore::auditEntries(qint64 afterSeq, int limit)
{
    return whenOpen(QStringLiteral("reading audit entries"), [&] {
        return m_audit->entries(afterSeq, limit);
    });
}

Result<AuditVerification> SqlStore::verifyAudit()
{
    return whenOpen(QStringLiteral("verifying the audit log"), [&] {
        return m_audit->verify();
    });
}

Result<void> SqlStore::saveToken(const TokenRecord &token)
{
    return whenOpen(QStringLiteral("saving a token"), [&] {
        return m_tokens->save(token, m_clock.now());
    });
}

Result<std::optional<TokenRecord>> SqlStore::tokenByHash(const QByteArray &hash)
{
    return whenOpen(QStringLiteral("looking up a token"), [&] {
        return m_tokens->byHash(hash);
    });
}

Result<QList<TokenRecord>> SqlStore::tokens()
{
    return whenOpen(QStringLiteral("listing tokens"), [&] {
        return m_tokens->all();
    });
}

Result<PolicyVersion> SqlStore::savePolicyVersion(const QByteArray &document, const QString &actor)
{
    const QString doing = QStringLiteral("saving a policy version");
    return whenOpen(doing, [&]() -> Result<PolicyVersion> {
        PolicyVersion saved;
        auto done = inWriteTransaction(Writes::Policy, doing, [&]() -> Result<void> {
            auto appended = m_policies->append(document, actor, m_clock.now());
            if (!appended)
                return fail(appended.error());
            saved = *appended;
            return {};
        });
        if (!done)
            return fail(done.error());
        return saved;
    });
}

Result<QList<PolicyVersion>> SqlStore::policyVersions()
{
    return whenOpen(QStringLiteral("listing policy versions"), [&] {
        return m_policies->all();
    });
}

Result<std::optional<PolicyVersion>> SqlStore::currentPolicy()
{
    return whenOpen(QStringLiteral("reading the current policy"), [&] {
        return m_policies->current();
    });
}

Result<QueueStats> SqlStore::queueStats(const QDateTime &now)
{
    return whenOpen(QStringLiteral("computing queue statistics"), [&] {
        return m_actions->stats(now);
    });
}

void SqlStore::setSpotCheckFraction(double fraction)
{
    m_writer->setSpotCheckFraction(fraction);
}

Result<QList<RollupRow>> SqlStore::rollups(const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy)
{
    return whenOpen(QStringLiteral("reading the report rollup"), [&]() -> Result<QList<RollupRow>> {
        if (!from.isValid() || !to.isValid())
            return fail(Error::invalid(QStringLiteral("from"), QStringLiteral("the rollup window needs two days")));
        return m_reports->rollups(from, to, groupBy);
    });
}

Result<QList<Outcome>> SqlStore::latestReviewOutcomes(
    const QString &type, const QDateTime &from, const QDateTime &to, int limit)
{
    return whenOpen(QStringLiteral("reading the latest reviews"), [&] {
        return m_reports->latestReviewOutcomes(type, from, to, limit);
    });
}

Result<void> SqlStore::pastActions(
    const QDateTime &from, const QDateTime &to, const std::function<void(const PastAction &)> &visit)
{
    return whenOpen(QStringLiteral("reading past actions"), [&] {
        return m_past->stream(from, to, visit);
    });
}

Result<DrillDownPage> SqlStore::drillDown(const DrillDownQuery &query)
{
    return whenOpen(QStringLiteral("listing a report's actions"), [&]() -> Result<DrillDownPage> {
        // The rollup counts the query's facts per day (what the report shows): the total, and the
        // days the listing needs to read.
        auto rows = m_reports->rollups(query.from.date(), query.to.date(), std::nullopt);
        if (!rows)
            return fail(rows.error());
        QMap<QDate, qint64> counted;
        for (const RollupRow &row : std::as_const(*rows)) {
            if (!query.matches(row))
                continue;
            if (const qint64 n = DrillDownQuery::count(row.counts, query.measure); n > 0)
                counted[row.day] += n;
        }
        return m_drillDown->page(query, counted);
    });
}

Result<QList<SpotCheck>> SqlStore::spotChecks(
    std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit)
{
    return whenOpen(QStringLiteral("listing spot checks"), [&] {
        return m_reports->spotChecks(open, from, to, limit);
    });
}

Result<QList<SpotCheckTally>> SqlStore::reviewerSpotChecks(const QDateTime &from, const QDateTime &to)
{
    return whenOpen(QStringLiteral("counting reviewers' spot checks"), [&] {
        return m_reports->reviewerSpotChecks(from, to);
    });
}

Result<void> SqlStore::inWriteTransaction(
    Writes writes, const QString &doing, const std::function<Result<void>()> &work)
{
    if (auto begun = beginWrite(writes, doing); !begun)
        return begun;
    auto rollback = qScopeGuard([&] {
        m_connection->rollback();
    });
    if (auto done = work(); !done)
        return done;
    if (auto committed = m_connection->commit(doing); !committed)
        return committed;
    rollback.dismiss();
    return {};
}

Result<qint64> SqlStore::writeAudited(
    const QString &doing, const AuditEntry &audit, const std::function<Result<void>()> &write)
{
    return whenOpen(doing, [&]() -> Result<qint64> {
        qint64 seq = 0;
        auto done = inWriteTransaction(Writes::Log, doing, [&]() -> Result<void> {
            if (auto written = write(); !written)
                return written;
            auto appended = m_audit->appendOne(audit, m_clock.now());
            if (!appended)
                return fail(appended.error());
            seq = appended->seq;
            return {};
        });
        if (!done)
            return fail(done.error());
        return seq;
    });
}

Result<SpotCheck> SqlStore::recordSpotCheck(const SpotCheck &checked, const AuditEntry &audit)
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

Result<void> SqlStore::saveProposal(
    const PolicyProposal &proposal, std::optional<ProposalState> expectedState, const AuditEntry &audit)
{
    if (proposal.id.isEmpty())
        return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("is missing")));
    auto saved = writeAudited(QStringLiteral("saving proposal %1").arg(proposal.id), audit, [&] {
        return m_reports->saveProposal(proposal, expectedState);
    });
    return saved ? Result<void>() : fail(saved.error());
}

Result<PolicyProposal> SqlStore::proposal(const QString &id)
{
    return whenOpen(QStringLiteral("reading a proposal"), [&]() -> Result<PolicyProposal> {
        auto p = m_reports->proposal(id);
        if (!p)
            return fail(p.error());
        if (!*p)
            return fail(Error::notFound(QStringLiteral("no proposal %1").arg(id)));
        return **p;
    });
}

Result<QList<PolicyProposal>> SqlStore::proposals(int limit)
{
    return whenOpen(QStringLiteral("listing proposals"), [&] {
        return m_reports->proposals(limit);
    });
}

// --- webhooks

Result<void> SqlStore::createWebhook(const Webhook &hook, const AuditEntry &audit)
{
    auto written = writeAudited(QStringLiteral("saving webhook %1").arg(hook.id), audit, [&] {
        return m_webhooks->insert(hook);
    });
    if (!written)
        return fail(written.error());
    return m_webhooks->reload();
}

Result<void> SqlStore::deleteWebhook(const QString &id, const AuditEntry &audit)
{
    bool found = false;
    auto written = writeAudited(QStringLiteral("deleting webhook %1").arg(id), audit, [&]() -> Result<void> {
        auto removed = m_webhooks->remove(id);
        if (!removed)
            return fail(removed.error());
        if (!*removed)
            return fail(Error::notFound(QStringLiteral("no webhook %1").arg(id)));
        found = true;
        return {};
    });
    if (!written)
        return fail(written.error());
    return found ? m_webhooks->reload() : Result<void>();
}

Result<QList<Webhook>> SqlStore::webhooks()
{
    return whenOpen(QStringLiteral("listing webhooks"), [&] {
        return m_webhooks->all();
    });
}

Result<Webhook> SqlStore::webhook(const QString &id)
{
    if (auto ok = checkOpen(QStringLiteral("reading a webhook")); !ok)
        return fail(ok.error());
    auto hook = m_webhooks->byId(id);
    if (!hook)
        return fail(hook.error());
    if (!*hook)
        return fail(Error::notFound(QStringLiteral("no webhook %1").arg(id)));
    return **hook;
}

Result<void> SqlStore::reloadWebhooks()
{
    return whenOpen(QStringLiteral("reading the webhooks"), [&] {
        return m_webhooks->reload();
    });
}

Result<WebhookDelivery> SqlStore::queueWebhookTest(const QString &id)
{
    if (auto hook = webhook(id); !hook)
        return fail(hook.error());
    return m_webhooks->enqueueTest(id, m_clock.now());
}

Result<QList<ClaimedDelivery>> SqlStore::claimWebhookDeliveries(std::chrono::milliseconds lease, int limit)
{
    return whenOpen(QStringLiteral("claiming webhook deliveries"), [&] {
        return m_webhooks->claimDue(m_clock.now(), lease, limit);
    });
}

Result<bool> SqlStore::finishWebhookDelivery(const WebhookDelivery &delivery, const QString &claim)
{
    return whenOpen(QStringLiteral("recording a webhook delivery"), [&] {
        return m_webhooks->finish(delivery, claim);
    });
}

Result<QList<WebhookDelivery>> SqlStore::webhookDeliveries(const QString &id, int limit)
{
    return whenOpen(QStringLiteral("listing webhook deliveries"), [&] {
        return m_webhooks->deliveries(id, limit);
    });
}

Result<bool> SqlStore::recordQueueAlert(bool raised, const QByteArray &body)
{
    const QString doing = QStringLiteral("recording a queue alert");
    return whenOpen(doing, [&]() -> Result<bool> {
        bool changed = false;
        auto done = inWriteTransaction(Writes::Log, doing, [&]() -> Result<void> {
            auto recorded = m_webhooks->enqueueQueueAlert(raised, body, m_clock.now());
            if (!recorded)
                return fail(recorded.error());
            changed = *recorded;
            return {};
        });
        if (!done)
            return fail(done.error());
        return changed;
    });
}

} // namespace Countersign
