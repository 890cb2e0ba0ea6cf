#pragma once

#include "../store.h"
#include "postgresoptions.h"

#include <functional>
#include <memory>

namespace Countersign {

class Clock;
class PostgresConnection;
class PostgresEventLog;
class PostgresReportTables;
class SqlChangeWriter;
class SqlPolicyTable;
class SqlTokenTable;
class SqlActionTable;
class SqlAuditLog;

// The store for several server instances: one PostgreSQL (>= 15) database shared by stateless
// countersign-server processes, migrated on open with the same numbered migrations as SQLite.
//
// What keeps the instances honest is in the database, not in any one process:
// - commit() holds a transaction-level advisory lock (PostgresLocks::Log) while it writes, so
//   event sequence numbers follow commit order and the audit chain stays one linear chain;
// - each action write is a compare-and-swap on its version (claims and decisions are single-use
//   across instances) and the (agent, idempotency key) pair is a unique index;
// - commit() keeps the report rollup and the spot-check list in the same transaction as each
//   change, and every other report write (verdicts, proposals) takes the same lock with its
//   audit entry;
// - each commit notifies the channel PostgresEventLog::channel() with its last seq, which
//   PostgresNotifier turns into a signal on the other instances.
class PostgresStore final : public Store
{
public:
    PostgresStore(PostgresOptions options, const Clock &clock);
    ~PostgresStore() override;
    Q_DISABLE_COPY_MOVE(PostgresStore)

    const PostgresOptions &options() const;
    // Opens and migrates to `version` rather than the latest (tests build older databases).
    Result<void> openAtVersion(int version);

    QString backendName() const override;
    Result<void> open() override;
    void close() override;
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
    Result<SpotCheck> recordSpotCheck(const SpotCheck &checked, const AuditEntry &audit) override;
    Result<void> saveProposal(
        const PolicyProposal &proposal, std::optional<ProposalState> expectedState, const AuditEntry &audit) override;
    Result<PolicyProposal> proposal(const QString &id) override;
    Result<QList<PolicyProposal>> proposals(int limit) override;

private:
    // Runs `write` and appends `audit` in one transaction under the log lock; the audit seq.
    Result<qint64> writeAudited(
        const QString &doing, const AuditEntry &audit, const std::function<Result<void>()> &write);
    Result<void> checkOpen(const QString &doing) const;

    const Clock &m_clock;
    std::unique_ptr<PostgresConnection> m_connection;
    std::unique_ptr<SqlActionTable> m_actions;
    std::unique_ptr<PostgresEventLog> m_events;
    std::unique_ptr<SqlAuditLog> m_audit;
    std::unique_ptr<PostgresReportTables> m_reports;
    std::unique_ptr<SqlChangeWriter> m_writer;
    std::unique_ptr<SqlTokenTable> m_tokens;
    std::unique_ptr<SqlPolicyTable> m_policies;
    int m_schemaVersion = 0;
};

} // namespace Countersign
