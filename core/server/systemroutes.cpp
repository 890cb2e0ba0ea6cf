#include "systemroutes.h"

#include "countersignversion.h"

#include "domain/clock.h"
#include "openlinkpage.h"
#include "reply.h"
#include "router.h"
#include "servercontext.h"
#include "storeworker.h"

#include <QPointer>

namespace Countersign {

SystemRoutes::SystemRoutes(const ServerContext &context, Hooks hooks)
    : m(context)
    , m_hooks(std::move(hooks))
{ }

void SystemRoutes::addTo(Router &router)
{
    using M = QHttpServerRequest::Method;
    router.add(Route{M::Get, QStringLiteral("/metrics"), Access::Public, QStringLiteral("metrics"),
        QStringLiteral("Prometheus metrics: queue depth and age, decisions by outcome, HTTP latency"), {}, {},
        QStringLiteral("PrometheusText"), 200, {}, [this](const ApiRequest &r, Reply *reply) {
            metrics(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/healthz"), Access::Public, QStringLiteral("health"),
        QStringLiteral("The process is up, and its version"), {}, {}, QStringLiteral("Health"), 200, {},
        [](const ApiRequest &, Reply *reply) {
            // The version is public anyway (the OpenAPI document's info.version); the app's About
            // box shows it.
            reply->sendJson(Reply::Status::Ok,
                QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                    {QStringLiteral("version"), QStringLiteral(COUNTERSIGN_VERSION)}});
        }});
    router.add(Route{M::Get, QStringLiteral("/readyz"), Access::Public, QStringLiteral("ready"),
        QStringLiteral("The server takes requests (store open, policy loaded, not shutting down)"), {}, {},
        QStringLiteral("Health"), 200, {503}, [this](const ApiRequest &, Reply *reply) {
            if (m_hooks.ready())
                reply->sendJson(Reply::Status::Ok, QJsonObject{{QStringLiteral("status"), QStringLiteral("ready")}});
            else
                reply->sendError(Error::unavailable(QStringLiteral("not ready")));
        }});
    router.add(Route{M::Get, QStringLiteral("/open/{id}"), Access::Public, QStringLiteral("openLinkPage"),
        QStringLiteral("A page with the countersign:// link that opens the action in the app; it shows nothing of "
                       "the action (no token needed)"),
        {}, {}, QStringLiteral("OpenLinkPage"), 200, {404}, [](const ApiRequest &r, Reply *reply) {
            const auto link = OpenLinkPage::linkFor(r.pathArgument, r.headers);
            if (!link)
                reply->sendError(link.error());
            else
                reply->sendBytes(
                    Reply::Status::Ok, OpenLinkPage::html(*link), "text/html; charset=utf-8", OpenLinkPage::headers());
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/openapi.json"), Access::Public, QStringLiteral("openApi"),
        QStringLiteral("This API's OpenAPI 3.1 document"), {}, {}, QStringLiteral("OpenApiDocument"), 200, {},
        [this](const ApiRequest &, Reply *reply) {
            reply->sendJson(Reply::Status::Ok, m_hooks.openApi());
        }});
}

void SystemRoutes::metrics(const ApiRequest &, Reply *reply)
{
    const QDateTime now = m.clock->now();
    QPointer<Reply> guard(reply);
    Metrics *metrics = m.metrics;
    auto gauges = m_hooks.gauges;
    m.worker->read<QueueStats>(
        m.owner,
        [now](Store &store) {
            return store.queueStats(now);
        },
        [guard, metrics, gauges](Result<QueueStats> stats) {
            if (!guard)
                return;
            MetricsSnapshot snapshot = gauges();
            if (stats)
                snapshot.queue = *stats;
            guard->sendBytes(Reply::Status::Ok, metrics->render(snapshot), "text/plain; version=0.0.4; charset=utf-8");
        });
}

} // namespace Countersign
