#include "approvalreportroutes.h"

#include "domain/clock.h"
#include "policyservice.h"
#include "recommendationreader.h"
#include "reply.h"
#include "reportparameters.h"
#include "router.h"
#include "servercontext.h"
#include "storeworker.h"

#include <QPointer>

namespace Countersign {

namespace {

QList<RouteParameter> windowParameters()
{
    return {
        RouteParameter{QStringLiteral("from"), QStringLiteral("string"),
            QStringLiteral("UTC ISO 8601 time or date; rounded down to its day (default: 30 days before to)"), false},
        RouteParameter{QStringLiteral("to"), QStringLiteral("string"),
            QStringLiteral("UTC ISO 8601 time or date; rounded up to a whole day (default: the end of today)"), false}};
}

} // namespace

ApprovalReportRoutes::ApprovalReportRoutes(const ServerContext &context)
    : m(context)
{ }

void ApprovalReportRoutes::addTo(Router &router)
{
    using M = QHttpServerRequest::Method;
    QList<RouteParameter> approvalParameters = windowParameters();
    approvalParameters.append(RouteParameter{QStringLiteral("group_by"), QStringLiteral("string"),
        QStringLiteral("category (default), type, reviewer, agent, day or week"), false});
    router.add(Route{M::Get, QStringLiteral("/v1/reports/approvals"), Access::Lead, QStringLiteral("approvalReport"),
        QStringLiteral("Submitted, auto-approved, reviewed, approved, modified, rejected, expired and withdrawn "
                       "actions per group, with rates, queue and decide times, SLA breaches and escalations"),
        approvalParameters, {}, QStringLiteral("ApprovalReport"), 200, {400},
        [this](const ApiRequest &r, Reply *reply) {
            approvals(r, reply);
        }});
    QList<RouteParameter> recommendationParameters = windowParameters();
    const QJsonObject defaults = RecommendationThresholds().toJson();
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        recommendationParameters.append(RouteParameter{it.key(), QStringLiteral("number"),
            QStringLiteral("threshold (default %1)").arg(it.value().toDouble()), false});
    router.add(Route{M::Get, QStringLiteral("/v1/reports/recommendations"), Access::Lead,
        QStringLiteral("recommendationReport"),
        QStringLiteral("Types to approve automatically or review more strictly, unassigned types and bottlenecks, "
                       "each with its evidence"),
        recommendationParameters, {}, QStringLiteral("RecommendationReport"), 200, {400},
        [this](const ApiRequest &r, Reply *reply) {
            recommendations(r, reply);
        }});
}

void ApprovalReportRoutes::approvals(const ApiRequest &request, Reply *reply)
{
    auto grouping = ReportParameters::grouping(request.query);
    if (!grouping) {
        reply->sendError(grouping.error());
        return;
    }
    auto window = ReportParameters::window(request.query, m.clock->now());
    if (!window) {
        reply->sendError(window.error());
        return;
    }
    QPointer<Reply> guard(reply);
    m.worker->read<ApprovalReport>(
        m.owner,
        [w = *window, g = *grouping](Store &store) -> Result<ApprovalReport> {
            auto rows = store.rollups(w.firstDay, w.endDay, g);
            if (!rows)
                return fail(rows.error());
            return ReportEngine::approvals(*rows, g, w);
        },
        [guard](Result<ApprovalReport> report) {
            if (!guard)
                return;
            if (!report)
                guard->sendError(report.error());
            else
                guard->sendJson(Reply::Status::Ok, report->toJson());
        });
}

void ApprovalReportRoutes::recommendations(const ApiRequest &request, Reply *reply)
{
    const QDateTime now = m.clock->now();
    auto window = ReportParameters::window(request.query, now);
    if (!window) {
        reply->sendError(window.error());
        return;
    }
    auto thresholds = ReportParameters::thresholds(request.query);
    if (!thresholds) {
        reply->sendError(thresholds.error());
        return;
    }
    ReportEngine::RecommendationInputs in;
    in.window = *window;
    in.thresholds = *thresholds;
    RecommendationReader::addPolicy(m.policy->engine().policy(), in);
    QPointer<Reply> guard(reply);
    m.worker->read<RecommendationReport>(
        m.owner,
        [in, now](Store &store) {
            return RecommendationReader::read(store, in, now);
        },
        [guard](Result<RecommendationReport> report) {
            if (!guard)
                return;
            if (!report)
                guard->sendError(report.error());
            else
                guard->sendJson(Reply::Status::Ok, report->toJson());
        });
}

} // namespace Countersign
