#include "approvalreportroutes.h"

#include "domain/clock.h"
#include "domain/timeformat.h"
#include "policyservice.h"
#include "recommendationreader.h"
#include "reply.h"
#include "report/drilldownitem.h"
#include "reportparameters.h"
#include "router.h"
#include "servercontext.h"
#include "storereply.h"
#include "storeworker.h"

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
    router.add(
        Route{M::Get, QStringLiteral("/v1/reports/reviewers"), Access::Reviewer, QStringLiteral("reviewerReport"),
            QStringLiteral("Per reviewer: decisions, share of the load, median time to decide, and the spot checks of "
                           "their approvals (agreement, found wrong); a reviewer's token gets only their own row"),
            windowParameters(), {}, QStringLiteral("ReviewerReport"), 200, {400},
            [this](const ApiRequest &r, Reply *reply) {
                reviewers(r, reply);
            }});
    QList<RouteParameter> drillDownParameters = windowParameters();
    drillDownParameters.append(
        {RouteParameter{QStringLiteral("measure"), QStringLiteral("string"),
             QStringLiteral("the report counter whose actions to list: %1").arg(drillDownMeasureNames().join(u", ")),
             true},
            RouteParameter{
                QStringLiteral("category"), QStringLiteral("string"), QStringLiteral("only this category"), false},
            RouteParameter{QStringLiteral("type"), QStringLiteral("string"), QStringLiteral("only this type"), false},
            RouteParameter{QStringLiteral("agent"), QStringLiteral("string"), QStringLiteral("only this agent"), false},
            RouteParameter{QStringLiteral("reviewer"), QStringLiteral("string"),
                QStringLiteral("only this reviewer's decisions (a reviewer has no submissions or escalations)"), false},
            RouteParameter{
                QStringLiteral("tier"), QStringLiteral("string"), QStringLiteral("auto, review or prohibited"), false},
            RouteParameter{
                QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("1..500, default 50"), false},
            RouteParameter{QStringLiteral("cursor"), QStringLiteral("string"),
                QStringLiteral("next_cursor of the previous page"), false}});
    router.add(Route{M::Get, QStringLiteral("/v1/reports/actions"), Access::Lead, QStringLiteral("reportActions"),
        QStringLiteral("The actions behind one figure of an approval report (drill-down): those counted under "
                       "`measure` in the window, filtered like the report's rows, newest first, with their total"),
        drillDownParameters, {}, QStringLiteral("DrillDownPage"), 200, {400},
        [this](const ApiRequest &r, Reply *reply) {
            actions(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/reports/quarterly"), Access::Lead, QStringLiteral("quarterlyReport"),
        QStringLiteral("The quarterly review as JSON: the quarter by category, week and reviewer, its "
                       "recommendations, and the previous quarter to compare with"),
        {RouteParameter{QStringLiteral("quarter"), QStringLiteral("string"), QStringLiteral("e.g. 2026Q4"), true}}, {},
        QStringLiteral("QuarterlyReport"), 200, {400}, [this](const ApiRequest &r, Reply *reply) {
            quarterly(r, reply);
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
    answerRead<ApprovalReport>(m.worker, reply, [w = *window, g = *grouping](Store &store) -> Result<ApprovalReport> {
        auto rows = store.rollups(w.firstDay, w.endDay, g);
        if (!rows)
            return fail(rows.error());
        return ReportEngine::approvals(*rows, g, w);
    });
}

Result<ReviewerReport> ApprovalReportRoutes::readReviewers(ReportStore &reports, const ReportEngine::Window &window)
{
    auto rows = reports.rollups(window.firstDay, window.endDay, ReportGrouping::Reviewer);
    if (!rows)
        return fail(rows.error());
    auto checks = reports.reviewerSpotChecks(window.from, window.to);
    if (!checks)
        return fail(checks.error());
    return ReviewerReport::compute(*rows, *checks, window);
}

void ApprovalReportRoutes::reviewers(const ApiRequest &request, Reply *reply)
{
    auto window = ReportParameters::window(request.query, m.clock->now());
    if (!window) {
        reply->sendError(window.error());
        return;
    }
    // Leads and admins see everyone; a reviewer only their own row (the share stays of everyone's).
    const QString only = request.identity.role == Role::Reviewer ? request.identity.name : QString();
    answerRead<ReviewerReport>(
        m.worker, reply,
        [w = *window](ReportStore &reports) {
            return readReviewers(reports, w);
        },
        [only](const ReviewerReport &report) {
            return (only.isEmpty() ? report : report.onlyFor(only)).toJson();
        });
}

void ApprovalReportRoutes::actions(const ApiRequest &request, Reply *reply)
{
    auto query = ReportParameters::drillDown(request.query, m.clock->now());
    if (!query) {
        reply->sendError(query.error());
        return;
    }
    answerRead<DrillDownList>(m.worker, reply, [q = *query](Store &store) -> Result<DrillDownList> {
        auto page = store.drillDown(q);
        if (!page)
            return fail(page.error());
        DrillDownList list;
        list.total = page->total;
        list.nextCursor = page->nextCursor;
        for (const Action &action : std::as_const(page->items))
            list.items.append(DrillDownItem::fromAction(action));
        return list;
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
    answerRead<RecommendationReport>(m.worker, reply, [in, now](Store &store) {
        return RecommendationReader::read(store, in, now);
    });
}

void ApprovalReportRoutes::quarterly(const ApiRequest &request, Reply *reply)
{
    auto quarter = ReportParameters::quarter(request.query);
    if (!quarter) {
        reply->sendError(quarter.error());
        return;
    }
    const auto [year, number] = *quarter;
    const int previousYear = number == 1 ? year - 1 : year;
    const int previousNumber = number == 1 ? 4 : number - 1;
    const QDateTime now = m.clock->now();
    ReportEngine::RecommendationInputs in;
    in.window = ReportParameters::quarterWindow(year, number);
    in.thresholds = RecommendationThresholds();
    RecommendationReader::addPolicy(m.policy->engine().policy(), in);
    const ReportEngine::Window previous = ReportParameters::quarterWindow(previousYear, previousNumber);
    const auto name = [](int y, int q) {
        return QStringLiteral("%1Q%2").arg(y).arg(q);
    };
    answerRead<QJsonObject>(
        m.worker, reply,
        [in, now, previous, current = name(year, number), before = name(previousYear, previousNumber)](
            Store &store) -> Result<QJsonObject> {
            // The same figures, from the same functions, as /v1/reports/approvals and
            // /v1/reports/recommendations give for the quarter's window.
            const auto report = [&store](const ReportEngine::Window &w, ReportGrouping g) -> Result<QJsonObject> {
                auto rows = store.rollups(w.firstDay, w.endDay, g);
                if (!rows)
                    return fail(rows.error());
                return ReportEngine::approvals(*rows, g, w).toJson();
            };
            QJsonObject out{{QStringLiteral("quarter"), current}, {QStringLiteral("from"), timeToJson(in.window.from)},
                {QStringLiteral("to"), timeToJson(in.window.to)}};
            const std::pair<const char *, ReportGrouping> parts[]
                = {{"by_category", ReportGrouping::Category}, {"by_type", ReportGrouping::Type},
                    {"by_week", ReportGrouping::Week}, {"by_reviewer", ReportGrouping::Reviewer}};
            for (const auto &[key, grouping] : parts) {
                auto r = report(in.window, grouping);
                if (!r)
                    return fail(r.error());
                out.insert(QLatin1String(key), *r);
            }
            auto reviewers = readReviewers(store, in.window);
            if (!reviewers)
                return fail(reviewers.error());
            out.insert(QStringLiteral("reviewers"), reviewers->toJson());
            auto recommendations = RecommendationReader::read(store, in, now);
            if (!recommendations)
                return fail(recommendations.error());
            out.insert(QStringLiteral("recommendations"), recommendations->toJson());
            auto before_ = report(previous, ReportGrouping::Category);
            if (!before_)
                return fail(before_.error());
            out.insert(QStringLiteral("previous"),
                QJsonObject{{QStringLiteral("quarter"), before}, {QStringLiteral("by_category"), *before_}});
            return out;
        },
        [](const QJsonObject &report) {
            return report;
        });
}

} // namespace Countersign
