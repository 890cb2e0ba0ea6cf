#include "reportroutes.h"

#include "domain/clock.h"
#include "metrics.h"
#include "queryparameters.h"
#include "reply.h"
#include "router.h"
#include "servercontext.h"
#include "storereply.h"
#include "storeworker.h"

#include <QJsonArray>

namespace Countersign {

ReportRoutes::ReportRoutes(const ServerContext &context)
    : m(context)
{ }

void ReportRoutes::addTo(Router &router)
{
    using M = QHttpServerRequest::Method;
    router.add(Route{M::Get, QStringLiteral("/v1/queue/stats"), Access::Lead, QStringLiteral("queueStats"),
        QStringLiteral("Depth per category, oldest age, SLA breaches, claims per reviewer and alert flags"), {}, {},
        QStringLiteral("QueueStats"), 200, {}, [this](const ApiRequest &r, Reply *reply) {
            stats(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/audit"), Access::Lead, QStringLiteral("listAudit"),
        QStringLiteral("Audit entries after a sequence number"),
        {RouteParameter{QStringLiteral("after"), QStringLiteral("integer"),
             QStringLiteral("return entries with a larger seq (default 0)"), false},
            RouteParameter{
                QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("1..1000, default 100"), false}},
        {}, QStringLiteral("AuditPage"), 200, {400}, [this](const ApiRequest &r, Reply *reply) {
            audit(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/audit/verify"), Access::Lead, QStringLiteral("verifyAudit"),
        QStringLiteral("Walk the audit hash chain: ok with the entry count, or the first bad entry"), {}, {},
        QStringLiteral("AuditVerification"), 200, {}, [this](const ApiRequest &r, Reply *reply) {
            verify(r, reply);
        }});
}

void ReportRoutes::stats(const ApiRequest &, Reply *reply)
{
    const QDateTime now = m.clock->now();
    const AlertThresholds thresholds = m.config.alerts;
    answerRead<QueueStats>(
        m.worker, reply,
        [now](ActionStore &actions) {
            return actions.queueStats(now);
        },
        [thresholds](const QueueStats &stats) {
            QJsonObject o = stats.toJson();
            qint64 breaches = 0;
            for (const auto &c : stats.categories)
                breaches += c.slaBreaches;
            o.insert(QStringLiteral("sla_breaches"), double(breaches));
            o.insert(QStringLiteral("alerts"),
                QJsonObject{{QStringLiteral("queue_depth"), Metrics::depthAlert(stats, thresholds)},
                    {QStringLiteral("oldest_age"), Metrics::ageAlert(stats, thresholds)}});
            o.insert(QStringLiteral("thresholds"),
                QJsonObject{{QStringLiteral("queue_depth"), double(thresholds.queueDepth)},
                    {QStringLiteral("oldest_age_s"), double(thresholds.oldestAgeSeconds)}});
            return o;
        });
}

void ReportRoutes::audit(const ApiRequest &request, Reply *reply)
{
    auto after = QueryParameters::integer(request.query, QStringLiteral("after"), 0, qint64(1) << 53, 0);
    if (!after) {
        reply->sendError(after.error());
        return;
    }
    auto limit = QueryParameters::integer(request.query, QStringLiteral("limit"), 1, 1000, 100);
    if (!limit) {
        reply->sendError(limit.error());
        return;
    }
    answerRead<QList<AuditEntry>>(
        m.worker, reply,
        [a = *after, l = int(*limit)](AuditLog &audit) {
            return audit.auditEntries(a, l);
        },
        [a = *after](const QList<AuditEntry> &entries) {
            QJsonArray items;
            qint64 last = a;
            for (const AuditEntry &e : entries) {
                items.append(e.toJson());
                last = qMax(last, e.seq);
            }
            return QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("next_after"), double(last)}};
        });
}

void ReportRoutes::verify(const ApiRequest &, Reply *reply)
{
    answerRead<AuditVerification>(m.worker, reply, [](Store &store) {
        return store.verifyAudit();
    });
}

} // namespace Countersign
