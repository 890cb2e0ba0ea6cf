#pragma once

#include "apirequest.h"
#include "report/reviewerreport.h"

namespace Countersign {

class Reply;
class ReportStore;
class Router;
struct ServerContext;

// For leads: GET /v1/reports/approvals (approval rates per category, type, reviewer, agent, day
// or week), GET /v1/reports/recommendations (promote, tighten, unassigned, bottleneck) and GET
// /v1/reports/quarterly (what the quarterly review document shows, as JSON), and GET
// /v1/reports/reviewers (per reviewer; reviewers may read their own row). All read the report
// rollup on the store thread, never the actions table as a whole; GET /v1/reports/actions (the
// drill-down) lists one figure's actions a page at a time.
class ApprovalReportRoutes
{
public:
    explicit ApprovalReportRoutes(const ServerContext &context);
    void addTo(Router &router);

private:
    void approvals(const ApiRequest &request, Reply *reply);
    void actions(const ApiRequest &request, Reply *reply);
    void recommendations(const ApiRequest &request, Reply *reply);
    void quarterly(const ApiRequest &request, Reply *reply);
    void reviewers(const ApiRequest &request, Reply *reply);
    // On the store thread: the reviewers report of `window`.
    static Result<ReviewerReport> readReviewers(ReportStore &reports, const ReportEngine::Window &window);

    const ServerContext &m;
};

} // namespace Countersign
