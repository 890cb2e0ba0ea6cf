#include "spotcheckroutes.h"

#include "domain/clock.h"
#include "jsonbody.h"
#include "queryparameters.h"
#include "reply.h"
#include "router.h"
#include "servercontext.h"
#include "storereply.h"
#include "storeworker.h"

#include <QJsonArray>

namespace Countersign {

namespace {

constexpr qsizetype MaxNote = 4000;

} // namespace

SpotCheckRoutes::SpotCheckRoutes(const ServerContext &context)
    : m(context)
{ }

void SpotCheckRoutes::addTo(Router &router)
{
    using M = QHttpServerRequest::Method;
    router.add(Route{M::Get, QStringLiteral("/v1/spotchecks"), Access::Reviewer, QStringLiteral("listSpotChecks"),
        QStringLiteral("Sampled approvals (source auto or review): open ones oldest first, done ones newest first"),
        {RouteParameter{
             QStringLiteral("state"), QStringLiteral("string"), QStringLiteral("open (default) or done"), false},
            RouteParameter{
                QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("1..1000, default 100"), false}},
        {}, QStringLiteral("SpotCheckList"), 200, {400}, [this](const ApiRequest &r, Reply *reply) {
            list(r, reply);
        }});
    router.add(Route{M::Post, QStringLiteral("/v1/spotchecks/{id}"), Access::Reviewer, QStringLiteral("checkSpotCheck"),
        QStringLiteral("Give a sampled approval its one verdict: ok or problem (audited); not by its approver (409)"),
        {}, QStringLiteral("SpotCheckVerdict"), QStringLiteral("SpotCheck"), 200, {400, 404, 409},
        [this](const ApiRequest &r, Reply *reply) {
            check(r, reply);
        }});
}

void SpotCheckRoutes::list(const ApiRequest &request, Reply *reply)
{
    bool open = true;
    if (request.query.hasQueryItem(QStringLiteral("state"))) {
        const QString state = request.query.queryItemValue(QStringLiteral("state"));
        if (state != QLatin1String("open") && state != QLatin1String("done")) {
            reply->sendError(Error::invalid(QStringLiteral("state"), QStringLiteral("must be open or done")));
            return;
        }
        open = state == QLatin1String("open");
    }
    auto limit = QueryParameters::integer(request.query, QStringLiteral("limit"), 1, 1000, 100);
    if (!limit) {
        reply->sendError(limit.error());
        return;
    }
    answerRead<QList<SpotCheck>>(
        m.worker, reply,
        [open, l = int(*limit)](ReportStore &reports) {
            return reports.spotChecks(open, QDateTime(), QDateTime(), l);
        },
        [](const QList<SpotCheck> &checks) {
            QJsonArray items;
            for (const SpotCheck &s : checks)
                items.append(s.toJson());
            return QJsonObject{{QStringLiteral("items"), items}};
        });
}

void SpotCheckRoutes::check(const ApiRequest &request, Reply *reply)
{
    auto body = JsonBody::parseObject(request.body);
    if (!body) {
        reply->sendError(body.error());
        return;
    }
    if (auto ok = JsonBody::onlyFields(*body, {QStringLiteral("verdict"), QStringLiteral("note")}); !ok) {
        reply->sendError(ok.error());
        return;
    }
    auto verdictText = JsonBody::string(*body, QStringLiteral("verdict"), JsonBody::Need::Required, 16);
    if (!verdictText) {
        reply->sendError(verdictText.error());
        return;
    }
    const auto verdict = spotCheckVerdictFromName(*verdictText);
    if (!verdict) {
        reply->sendError(Error::invalid(QStringLiteral("verdict"), QStringLiteral("must be ok or problem")));
        return;
    }
    auto note = JsonBody::string(*body, QStringLiteral("note"), JsonBody::Need::Optional, MaxNote);
    if (!note) {
        reply->sendError(note.error());
        return;
    }
    if (*verdict == SpotCheckVerdict::Problem && note->trimmed().isEmpty()) {
        reply->sendError(Error::invalid(QStringLiteral("note"), QStringLiteral("is required to report a problem")));
        return;
    }
    SpotCheck checked;
    checked.actionId = request.pathArgument;
    checked.verdict = *verdict;
    checked.note = *note;
    checked.checkedBy = request.identity.name;
    checked.checkedAt = m.clock->now();
    AuditEntry audit;
    audit.time = checked.checkedAt;
    audit.actor = request.identity.name;
    audit.role = roleName(request.identity.role);
    audit.kind = QStringLiteral("spotcheck.checked");
    audit.subject = checked.actionId;
    audit.after = QJsonObject{{QStringLiteral("verdict"), *verdictText}, {QStringLiteral("note"), *note}};
    answerRead<SpotCheck>(m.worker, reply, [checked, audit](Store &store) {
        return store.recordSpotCheck(checked, audit);
    });
}

} // namespace Countersign
