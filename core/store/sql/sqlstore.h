#pragma once

#include "../store.h"
#include "sqldialect.h"

#include <functional>
#include <memory>

namespace Countersign {

class Clock;
class SqlActionTable;
class SqlAuditLog;
class SqlChangeWriter;
class SqlConnection;
class SqlDrillDown;
class SqlEventLog;
class SqlPastActions;
class SqlPolicyTable;
class SqlReportTables;
class SqlTokenTable;
class SqlWebhookTable;

// What the SQL stores share: every Store call that checks the store is open and hands over to
// the tables in core/store/sql, written once. A backend adds opening, closing and migrating,
// and the protected hooks below where it truly differs (how a write transaction starts, what
// runs just before a batch's COMMIT, what follows it).
class SqlStore : public Store
{
public:
    ~SqlStore() override;
    Q_DISABLE_COPY_MOVE(SqlStore)

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
        const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy = std::nullopt) override;
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

    // Webhooks (store/sql/SqlWebhookTable)
    Result<void> createWebhook(const Webhook &hook, const AuditEntry &audit) override;
    Result<void> deleteWebhook(const QString &id, const AuditEntry &audit) override;
    Result<QList<Webhook>> webhooks() override;
    Result<Webhook> webhook(const QString &id) override;
    Result<void> reloadWebhooks() override;
    Result<WebhookDelivery> queueWebhookTest(const QString &id) override;
    Result<QList<ClaimedDelivery>> claimWebhookDeliveries(std::chrono::milliseconds lease, int limit) override;
    Result<bool> finishWebhookDelivery(const WebhookDelivery &delivery, const QString &claim) override;
    Result<QList<WebhookDelivery>> webhookDeliveries(const QString &id, int limit) override;
    Result<bool> recordQueueAlert(bool raised, const QByteArray &body) override;

protected:
    // A backend's own pieces, all on `connection`: passed whole so none is built before it.
    struct Parts {
        std::unique_ptr<SqlConnection> connection;
        SqlDialect dialect;
        std::unique_ptr<SqlEventLog> events;
        std::unique_ptr<SqlReportTables> reports;
    };

    // What a write transaction appends to: the event log and audit chain (commit(),
    // writeAudited()) or the policy versions. Each must have one writer at a time.
    enum class Writes { Log, Policy };

    SqlStore(Parts parts, const Clock &clock);

    // Starts a write transaction for `writes`. The connection's own beginWrite() by default; a
    // backend whose locking does not serialise such writers on its own adds a lock here, and
    // rolls back when it fails.
    virtual Result<void> beginWrite(Writes writes, const QString &doing);
    // Inside commit()'s transaction, after a batch appended events up to `lastEventSeq` and
    // before COMMIT; a failure undoes the batch. Nothing by default.
    virtual Result<void> beforeCommit(qint64 lastEventSeq);
    // After commit() returns, with the number of changes it wrote. Nothing by default.
    virtual void afterCommit(qint64 appended);
    // Whether the migrated store can run statements now. True by default: a backend that
    // reconnects on its own finds out at the next statement.
    virtual bool connectionUsable() const;

    // Unavailable unless the store is open (migrated, and its connection usable).
    Result<void> checkOpen(const QString &doing) const;
    // `read()`'s result once the store is open; else the error naming what was being done.
    template<typename Read>
    auto whenOpen(const QString &doing, Read &&read) const -> decltype(read())
    {
        if (auto ok = checkOpen(doing); !ok)
            return fail(ok.error());
        return read();
    }
    // Runs `work` in a write transaction for `writes` and commits it; rolls back on any failure.
    Result<void> inWriteTransaction(Writes writes, const QString &doing, const std::function<Result<void>()> &work);
    // Runs `write` and appends `audit` in one write transaction (Writes::Log); the audit seq.
    Result<qint64> writeAudited(
        const QString &doing, const AuditEntry &audit, const std::function<Result<void>()> &write);

    SqlConnection &connection() const { return *m_connection; }
    SqlEventLog &events() const { return *m_events; }
    // 0 while closed; a backend sets it once open() has migrated.
    void setSchemaVersion(int version);

private:
    const Clock &m_clock;
    std::unique_ptr<SqlConnection> m_connection;
    std::unique_ptr<SqlActionTable> m_actions;
    std::unique_ptr<SqlEventLog> m_events;
    std::unique_ptr<SqlAuditLog> m_audit;
    std::unique_ptr<SqlReportTables> m_reports;
    std::unique_ptr<SqlWebhookTable> m_webhooks; // before m_writer, which appends to its outbox
    std::unique_ptr<SqlChangeWriter> m_writer;
    std::unique_ptr<SqlTokenTable> m_tokens;
    std::unique_ptr<SqlPolicyTable> m_policies;
    std::unique_ptr<SqlPastActions> m_past;
    std::unique_ptr<SqlDrillDown> m_drillDown;
    int m_schemaVersion = 0;
};

} // namespace Countersign
