#include "observedstore.h"

#include <QThread>

namespace Countersign::Test {

ObservedStore::ObservedStore(
    std::unique_ptr<Store> inner, std::shared_ptr<StoreCounters> counters, bool allowDeferral, int syncDelayMs)
    : m_inner(std::move(inner))
    , m_counters(std::move(counters))
    , m_allowDeferral(allowDeferral)
    , m_syncDelayMs(syncDelayMs)
{ }

std::optional<DeferredSync> ObservedStore::deferSync()
{
    if (!m_allowDeferral)
        return std::nullopt;
    auto deferred = m_inner->deferSync();
    if (!deferred)
        return deferred;
    return DeferredSync{deferred->writes, [this, counters = m_counters, sync = deferred->sync]() -> Result<void> {
                            const int covered = counters->commits.load();
                            if (m_syncDelayMs > 0)
                                QThread::msleep(ulong(m_syncDelayMs));
                            auto synced = sync();
                            if (synced) {
                                counters->durableCommits = covered;
                                ++counters->syncs;
                            }
                            return synced;
                        }};
}

QList<Result<CommitResult>> ObservedStore::commit(const QList<ActionChange> &changes)
{
    auto results = m_inner->commit(changes);
    ++m_counters->commits;
    return results;
}

// Plain forwarding from here on.
QString ObservedStore::backendName() const
{
    return m_inner->backendName();
}
Result<void> ObservedStore::open()
{
    return m_inner->open();
}
void ObservedStore::close()
{
    m_inner->close();
}
int ObservedStore::schemaVersion() const
{
    return m_inner->schemaVersion();
}
Result<Action> ObservedStore::action(const QString &id)
{
    return m_inner->action(id);
}
Result<std::optional<Action>> ObservedStore::actionByIdempotencyKey(const QString &agent, const QString &key)
{
    return m_inner->actionByIdempotencyKey(agent, key);
}
Result<ActionPage> ObservedStore::actions(const ActionQuery &query)
{
    return m_inner->actions(query);
}
Result<QList<Action>> ObservedStore::dueActions(const QDateTime &now, int limit)
{
    return m_inner->dueActions(now, limit);
}
Result<QList<Event>> ObservedStore::eventsSince(qint64 seq, int limit)
{
    return m_inner->eventsSince(seq, limit);
}
Result<qint64> ObservedStore::lastEventSeq()
{
    return m_inner->lastEventSeq();
}
Result<qint64> ObservedStore::appendAudit(const AuditEntry &entry)
{
    return m_inner->appendAudit(entry);
}
Result<QList<AuditEntry>> ObservedStore::auditEntries(qint64 afterSeq, int limit)
{
    return m_inner->auditEntries(afterSeq, limit);
}
Result<AuditVerification> ObservedStore::verifyAudit()
{
    return m_inner->verifyAudit();
}
Result<void> ObservedStore::saveToken(const TokenRecord &token)
{
    return m_inner->saveToken(token);
}
Result<std::optional<TokenRecord>> ObservedStore::tokenByHash(const QByteArray &hash)
{
    return m_inner->tokenByHash(hash);
}
Result<QList<TokenRecord>> ObservedStore::tokens()
{
    return m_inner->tokens();
}
Result<PolicyVersion> ObservedStore::savePolicyVersion(const QByteArray &document, const QString &actor)
{
    return m_inner->savePolicyVersion(document, actor);
}
Result<QList<PolicyVersion>> ObservedStore::policyVersions()
{
    return m_inner->policyVersions();
}
Result<std::optional<PolicyVersion>> ObservedStore::currentPolicy()
{
    return m_inner->currentPolicy();
}
Result<QueueStats> ObservedStore::queueStats(const QDateTime &now)
{
    return m_inner->queueStats(now);
}
void ObservedStore::setSpotCheckFraction(double fraction)
{
    m_inner->setSpotCheckFraction(fraction);
}
Result<QList<RollupRow>> ObservedStore::rollups(
    const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy)
{
    return m_inner->rollups(from, to, groupBy);
}
Result<QList<Outcome>> ObservedStore::latestReviewOutcomes(
    const QString &type, const QDateTime &from, const QDateTime &to, int limit)
{
    return m_inner->latestReviewOutcomes(type, from, to, limit);
}
Result<QList<SpotCheck>> ObservedStore::spotChecks(
    std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit)
{
    return m_inner->spotChecks(open, from, to, limit);
}
Result<QList<SpotCheckTally>> ObservedStore::reviewerSpotChecks(const QDateTime &from, const QDateTime &to)
{
    return m_inner->reviewerSpotChecks(from, to);
}
Result<SpotCheck> ObservedStore::recordSpotCheck(const SpotCheck &checked, const AuditEntry &audit)
{
    return m_inner->recordSpotCheck(checked, audit);
}
Result<void> ObservedStore::saveProposal(
    const PolicyProposal &proposal, std::optional<ProposalState> expectedState, const AuditEntry &audit)
{
    return m_inner->saveProposal(proposal, expectedState, audit);
}
Result<PolicyProposal> ObservedStore::proposal(const QString &id)
{
    return m_inner->proposal(id);
}
Result<QList<PolicyProposal>> ObservedStore::proposals(int limit)
{
    return m_inner->proposals(limit);
}

Result<void> ObservedStore::pastActions(
    const QDateTime &from, const QDateTime &to, const std::function<void(const PastAction &)> &visit)
{
    return m_inner->pastActions(from, to, visit);
}

Result<DrillDownPage> ObservedStore::drillDown(const DrillDownQuery &query)
{
    return m_inner->drillDown(query);
}

Result<void> ObservedStore::createWebhook(const Webhook &hook, const AuditEntry &audit)
{
    return m_inner->createWebhook(hook, audit);
}

Result<void> ObservedStore::deleteWebhook(const QString &id, const AuditEntry &audit)
{
    return m_inner->deleteWebhook(id, audit);
}

Result<QList<Webhook>> ObservedStore::webhooks()
{
    return m_inner->webhooks();
}

Result<Webhook> ObservedStore::webhook(const QString &id)
{
    return m_inner->webhook(id);
}

Result<void> ObservedStore::reloadWebhooks()
{
    return m_inner->reloadWebhooks();
}

Result<WebhookDelivery> ObservedStore::queueWebhookTest(const QString &id)
{
    return m_inner->queueWebhookTest(id);
}

Result<QList<ClaimedDelivery>> ObservedStore::claimWebhookDeliveries(std::chrono::milliseconds lease, int limit)
{
    return m_inner->claimWebhookDeliveries(lease, limit);
}

Result<bool> ObservedStore::finishWebhookDelivery(const WebhookDelivery &delivery, const QString &claim)
{
    return m_inner->finishWebhookDelivery(delivery, claim);
}

Result<QList<WebhookDelivery>> ObservedStore::webhookDeliveries(const QString &id, int limit)
{
    return m_inner->webhookDeliveries(id, limit);
}

} // namespace Countersign::Test
