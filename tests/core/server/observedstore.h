#pragma once

#include "store/store.h"

#include <atomic>
#include <memory>

namespace Countersign::Test {

// What an ObservedStore counts. Shared, so a test can still read it once the store is gone.
struct StoreCounters {
    std::atomic<int> commits{0}; // commit() calls that returned
    std::atomic<int> syncs{0}; // deferred syncs that succeeded
    std::atomic<int> durableCommits{0}; // commits that had returned before the latest such sync began
};

// A real store seen from outside: forwards every call to `inner` and counts the commits that
// returned and the syncs that covered them, so tests can tell when a result was durable.
// `syncDelayMs` holds each deferred sync open a little, widening the window a premature
// delivery would fall into.
class ObservedStore final : public Store
{
public:
    ObservedStore(
        std::unique_ptr<Store> inner, std::shared_ptr<StoreCounters> counters, bool allowDeferral, int syncDelayMs = 0);

    Store &inner() { return *m_inner; }

    QString backendName() const override;
    Result<void> open() override;
    void close() override;
    std::optional<DeferredSync> deferSync() override;
    int schemaVersion() const override;
    Result<Action> action(const QString &id) override;
    Result<std::optional<Action>> actionByIdempotencyKey(const QString &agent, const QString &key) override;
    Result<ActionPage> actions(const ActionQuery &query) override;
    Result<QList<Action>> dueActions(const QDateTime &now, int limit) override;
    QList<Result<CommitResult>> commit(const QList<ActionChange> &changes) override;
    Result<QList<Event>> eventsSince(qint64 seq, int limit) override;
    Result<qint64> lastEventSeq() override;
    Result<qint64> appendAudit(const AuditEntry &entry) override;
    Result<QList<AuditEntry>> auditEntries(qint64 afterSeq, int limit) override;
    Result<AuditVerification> verifyAudit() override;
    Result<void> saveToken(const TokenRecord &token) override;
    Result<std::optional<TokenRecord>> tokenByHash(const QByteArray &hash) override;
    Result<QList<TokenRecord>> tokens() override;
    Result<PolicyVersion> savePolicyVersion(const QByteArray &document, const QString &actor) override;
    Result<QList<PolicyVersion>> policyVersions() override;
    Result<std::optional<PolicyVersion>> currentPolicy() override;
    Result<QueueStats> queueStats(const QDateTime &now) override;
    void setSpotCheckFraction(double fraction) override;
    Result<QList<RollupRow>> rollups(
        const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy) override;
    Result<QList<Outcome>> latestReviewOutcomes(
        const QString &type, const QDateTime &from, const QDateTime &to, int limit) override;
    Result<QList<SpotCheck>> spotChecks(
        std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit) override;
    Result<QList<SpotCheckTally>> reviewerSpotChecks(const QDateTime &from, const QDateTime &to) override;
    Result<SpotCheck> recordSpotCheck(const SpotCheck &checked, const AuditEntry &audit) override;
    Result<void> saveProposal(
        const PolicyProposal &proposal, std::optional<ProposalState> expectedState, const AuditEntry &audit) override;
    Result<PolicyProposal> proposal(const QString &id) override;
    Result<QList<PolicyProposal>> proposals(int limit) override;
    Result<void> pastActions(
        const QDateTime &from, const QDateTime &to, const std::function<void(const PastAction &)> &visit) override;
    Result<DrillDownPage> drillDown(const DrillDownQuery &query) override;
    // Webhooks
    Result<void> createWebhook(const Webhook &hook, const AuditEntry &audit) override;
    Result<void> deleteWebhook(const QString &id, const AuditEntry &audit) override;
    Result<QList<Webhook>> webhooks() override;
    Result<Webhook> webhook(const QString &id) override;
    Result<void> reloadWebhooks() override;
    Result<WebhookDelivery> queueWebhookTest(const QString &id) override;
    Result<QList<ClaimedDelivery>> claimWebhookDeliveries(std::chrono::milliseconds lease, int limit) override;
    Result<bool> finishWebhookDelivery(const WebhookDelivery &delivery, const QString &claim) override;
    Result<QList<WebhookDelivery>> webhookDeliveries(const QString &id, int limit) override;

private:
    std::unique_ptr<Store> m_inner;
    std::shared_ptr<StoreCounters> m_counters;
    const bool m_allowDeferral;
    const int m_syncDelayMs;
};

} // namespace Countersign::Test
