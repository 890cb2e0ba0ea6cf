#pragma once

#include "domain/decision.h"
#include "domain/error.h"
#include "report/policyproposal.h"
#include "report/reportgrouping.h"
#include "report/rolluprow.h"
#include "report/spotcheck.h"

#include <optional>

namespace Countersign {

class SqliteConnection;

// The report tables of the SQLite store (migration 0004): the rollup commit() keeps in step with
// every change, the spot-check list and the policy proposals. Writes run inside the caller's
// transaction; reads are single statements.
class SqliteReportTables
{
public:
    explicit SqliteReportTables(SqliteConnection &connection);

    // Inside commit()'s transaction: adds `row` to the rollup.
    Result<void> addToRollup(const RollupRow &row);
    // Inside commit()'s transaction: opens the spot check of an auto-approved action.
    Result<void> openSpotCheck(const SpotCheck &check);

    Result<QList<RollupRow>> rollups(const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy);
    Result<QList<Outcome>> latestReviewOutcomes(
        const QString &type, const QDateTime &from, const QDateTime &to, int limit);

    Result<QList<SpotCheck>> spotChecks(
        std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit);
    Result<std::optional<SpotCheck>> spotCheck(const QString &actionId);
    // Inside a write transaction: Conflict when the check already has a verdict.
    Result<SpotCheck> recordVerdict(const SpotCheck &checked);

    Result<std::optional<PolicyProposal>> proposal(const QString &id);
    Result<QList<PolicyProposal>> proposals(int limit);
    // Inside a write transaction.
    Result<void> saveProposal(const PolicyProposal &proposal, std::optional<ProposalState> expectedState);

    // Days since 1970-01-01, the rollup's day column.
    static qint64 dayNumber(const QDate &day);
    static QDate dayFromNumber(qint64 number);

private:
    SqliteConnection &m_connection;
};

} // namespace Countersign
