#pragma once

#include "../store.h"
#include "sqliteoptions.h"

#include <QJsonObject>

#include <functional>

#include <memory>

namespace Countersign {

class Clock;
class SqlActionTable;
class SqlAuditLog;
class SqlChangeWriter;
class SqlPolicyTable;
class SqlTokenTable;
class SqlEventLog;
class SqliteConnection;
class SqliteReportTables;

// The embedded default store: one SQLite file in WAL mode with synchronous=FULL, migrated to the
// latest schema on open (see SqliteMigrations). Every write is one transaction; commit() puts
// a whole batch of changes in one (group commit: one fsync for all of them). After deferSync()
// commits skip the fsync (synchronous=NORMAL) and the caller syncs the log for them.
//
// Several instances may use the same file, in one process or several: each has its own
// connection, and SQLite's locking serialises the writers (a writer waits up to
// SqliteOptions::busyTimeoutMs, then fails with Unavailable).
class SqliteStore final : public Store
{
public:
    SqliteStore(QString path, const Clock &clock, SqliteOptions options = {});
    ~SqliteStore() override;
    Q_DISABLE_COPY_MOVE(SqliteStore)

    QString path() const;
    const SqliteOptions &options() const;
    // The connection's effective settings (journal mode, synchronous, foreign keys, busy
    // timeout, size), for health checks and support requests.
    Result<QJsonObject> diagnostics();

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
    // Runs `write` and appends `audit` in one write transaction; the audit seq.
    Result<qint64> writeAudited(
        const QString &doing, const AuditEntry &audit, const std::function<Result<void>()> &write);

    Result<void> migrate();
    void refreshStatistics(const QString &pragma);
    Result<void> checkOpen(const QString &doing) const;

    const Clock &m_clock;
    std::unique_ptr<SqliteConnection> m_connection;
    std::unique_ptr<SqlActionTable> m_actions;
    std::unique_ptr<SqlEventLog> m_events;
    std::unique_ptr<SqlAuditLog> m_audit;
    std::unique_ptr<SqliteReportTables> m_reports;
    std::unique_ptr<SqlChangeWriter> m_writer;
    std::unique_ptr<SqlTokenTable> m_tokens;
    std::unique_ptr<SqlPolicyTable> m_policies;
    int m_schemaVersion = 0;
    qint64 m_changesSinceStatistics = 0;
};

} // namespace Countersign
