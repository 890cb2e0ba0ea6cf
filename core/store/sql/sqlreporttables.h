#pragma once

#include "domain/decision.h"
#include "domain/error.h"
#include "report/policyproposal.h"
#include "report/reportgrouping.h"
#include "report/rolluprow.h"
#include "report/spotcheck.h"
#include "report/spotchecktally.h"

#include <QHash>

#include <optional>

namespace Countersign {

class SqlConnection;

// The report tables (migration 0004) in SQL both backends speak: the rollup commit() keeps in
// step with every change, the spot-check list and the policy proposals. Writes run inside the
// caller's transaction; reads are single statements. Only the read of the latest reviewer
// decisions differs (it filters on the stored JSON record), so each backend subclasses for it.
class SqlReportTables
{
public:
    // `nullDay` is a NULL the backend accepts as the day column of a grouped read.
    SqlReportTables(SqlConnection &connection, QString nullDay);
    virtual ~SqlReportTables();
    Q_DISABLE_COPY_MOVE(SqlReportTables)

    // Inside commit()'s transaction: adds `row` to the rollup.
    Result<void> addToRollup(const RollupRow &row);
    // Inside commit()'s transaction: opens the spot check of an approved action.
    Result<void> openSpotCheck(const SpotCheck &check);

    Result<QList<RollupRow>> rollups(const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy);
    // The newest reviewer outcomes (not policy or expiry) on `type` decided in [from, to).
    virtual Result<QList<Outcome>> latestReviewOutcomes(
        const QString &type, const QDateTime &from, const QDateTime &to, int limit)
        = 0;

    Result<QList<SpotCheck>> spotChecks(
        std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit);
    Result<std::optional<SpotCheck>> spotCheck(const QString &actionId);
    // Reviewers' approvals sampled in [from, to), counted per reviewer.
    Result<QList<SpotCheckTally>> reviewerSpotChecks(const QDateTime &from, const QDateTime &to);
    // Inside a write transaction: Conflict when the check already has a verdict, or when the
    // reviewer giving it approved the sampled action (field approved_by).
    Result<SpotCheck> recordVerdict(const SpotCheck &checked);

    Result<std::optional<PolicyProposal>> proposal(const QString &id);
    Result<QList<PolicyProposal>> proposals(int limit);
    // Inside a write transaction.
    Result<void> saveProposal(const PolicyProposal &proposal, std::optional<ProposalState> expectedState);

    // Days since 1970-01-01, the rollup's day column.
    static qint64 dayNumber(const QDate &day);
    static QDate dayFromNumber(qint64 number);

protected:
    SqlConnection &m_connection;

private:
    const QString m_nullDay;
    QHash<QList<int>, QString> m_upserts; // the rollup upsert per set of non-zero counters
};

} // namespace Countersign
