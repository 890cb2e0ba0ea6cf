#pragma once

#include "report/approvalreport.h"
#include "report/drilldowncell.h"
#include "report/drilldownitem.h"
#include "report/policychange.h"
#include "report/policyproposal.h"
#include "report/recommendationreport.h"
#include "report/reviewerreport.h"
#include "report/simulationreport.h"

#include <QDate>
#include <QFuture>
#include <QJsonObject>

namespace Countersign {

class ServerConnection;

// Typed access to the lead's report endpoints of one server. Dates are whole UTC days: the
// server rounds every window to days anyway, and the report window picks days.
class ReportClient
{
public:
    explicit ReportClient(ServerConnection *connection);

    QFuture<Result<ApprovalReport>> approvals(QDate from, QDate to, ReportGrouping groupBy) const;
    QFuture<Result<RecommendationReport>> recommendations(QDate from, QDate to) const;
    // GET /v1/reports/reviewers: every reviewer for a lead, only their own row for a reviewer.
    QFuture<Result<ReviewerReport>> reviewers(QDate from, QDate to) const;
    // GET /v1/queue/stats as sent: the bottleneck view shows today's queue next to the trend.
    QFuture<Result<QJsonObject>> queueStats() const;
    // GET /v1/reports/actions: one page of the actions behind a report figure; `cursor` is the
    // previous page's nextCursor (empty for the first page).
    QFuture<Result<DrillDownList>> drillDown(const DrillDownCell &cell, int limit, const QString &cursor = {}) const;
    QFuture<Result<PolicyProposal>> proposePolicyChange(
        const QList<PolicyChange> &changes, const QString &recommendationId, const QString &note) const;
    // POST /v1/policy/simulate of tier changes to the policy in force, or of a stored proposal,
    // over the server's default window (the last 90 days) or the given days.
    QFuture<Result<SimulationReport>> simulateChanges(const QList<PolicyChange> &changes) const;
    QFuture<Result<SimulationReport>> simulateChanges(const QList<PolicyChange> &changes, QDate from, QDate to) const;
    QFuture<Result<SimulationReport>> simulateProposal(const QString &proposalId) const;

    // GET /v1/policy/proposals (newest first), and an admin's apply or reject of a draft.
    QFuture<Result<QList<PolicyProposal>>> listProposals(int limit = 200) const;
    QFuture<Result<PolicyProposal>> applyProposal(const QString &proposalId) const;
    QFuture<Result<PolicyProposal>> rejectProposal(const QString &proposalId, const QString &reason) const;

    // The window sent for a range of days: from the first day's start to the last day's end, UTC.
    static QString startOfDay(QDate day);
    static QString endOfDay(QDate day);

private:
    ServerConnection *m_connection;
};

} // namespace Countersign
