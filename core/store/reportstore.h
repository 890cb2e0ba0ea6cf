#pragma once

#include "audit/auditentry.h"
#include "domain/decision.h"
#include "domain/error.h"
#include "report/drilldownquery.h"
#include "report/pastaction.h"
#include "report/policyproposal.h"
#include "report/reportgrouping.h"
#include "report/rolluprow.h"
#include "report/spotcheck.h"
#include "report/spotchecktally.h"

#include <QList>

#include <functional>
#include <optional>

namespace Countersign {

// What the reports read and keep: the rollup, spot checks, policy proposals and the past
// actions the what-if and the drill-down list.
class ReportStore
{
public:
    virtual ~ReportStore() = default;

    // commit() keeps a rollup (RollupRow::forChange of each committed change) in the same
    // transaction, and samples auto-approvals it inserts, and reviewers' approvals (approved or
    // modified) it commits, into the spot-check list at this fraction (SpotCheck::isSampled).
    virtual void setSpotCheckFraction(double fraction) = 0;
    // Rollup rows of the UTC days [from, to). With `groupBy` the rows are summed per group and
    // only that field is set (plus the category for Type, the day for Day, and for Week the first
    // day of the window in that week, grouped by the week's Monday).
    virtual Result<QList<RollupRow>> rollups(
        const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy = std::nullopt)
        = 0;
    // The newest reviewer outcomes (not policy or expiry) on `type` decided in [from, to),
    // newest first, at most `limit`.
    virtual Result<QList<Outcome>> latestReviewOutcomes(
        const QString &type, const QDateTime &from, const QDateTime &to, int limit)
        = 0;
    // Spot checks sampled in [from, to) (either may be invalid: unbounded): open ones oldest
    // first, done ones newest checked first; `open` unset lists both (open first).
    virtual Result<QList<SpotCheck>> spotChecks(
        std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit)
        = 0;
    // The spot checks of reviewers' approvals sampled in [from, to), per reviewer who approved.
    virtual Result<QList<SpotCheckTally>> reviewerSpotChecks(const QDateTime &from, const QDateTime &to) = 0;
    // Records the verdict of `checked` (its id, verdict, note, checkedBy, checkedAt) and `audit`
    // in one transaction. NotFound for an unknown id, Conflict when it already has a verdict or
    // when checkedBy approved the sampled action (field approved_by).
    virtual Result<SpotCheck> recordSpotCheck(const SpotCheck &checked, const AuditEntry &audit) = 0;
    // Inserts (`expectedState` unset) or updates a proposal still in `expectedState`, with `audit`,
    // in one transaction; Conflict when it moved on (or the id exists), NotFound when missing.
    virtual Result<void> saveProposal(
        const PolicyProposal &proposal, std::optional<ProposalState> expectedState, const AuditEntry &audit)
        = 0;
    virtual Result<PolicyProposal> proposal(const QString &id) = 0;
    // Newest first.
    virtual Result<QList<PolicyProposal>> proposals(int limit) = 0;
    // Calls `visit` for every action created in [from, to), oldest first, reading a page at a time
    // so memory does not grow with the window (the policy simulation).
    virtual Result<void> pastActions(
        const QDateTime &from, const QDateTime &to, const std::function<void(const PastAction &)> &visit)
        = 0;
    // The actions behind one figure of an approval report (GET /v1/reports/actions): those the
    // rollup counted under `query.measure` in the window, filtered like the report's rows,
    // newest first. InvalidArgument (field "cursor") for a cursor of another list.
    virtual Result<DrillDownPage> drillDown(const DrillDownQuery &query) = 0;
};

} // namespace Countersign
