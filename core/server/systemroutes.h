#pragma once

#include "apirequest.h"
#include "metrics.h"

#include <QJsonObject>

#include <functional>

namespace Countersign {

class Reply;
class Router;
struct ServerContext;

// Operations endpoints: /metrics, /healthz, /readyz, /v1/openapi.json.
class SystemRoutes
{
public:
    struct Hooks {
        std::function<bool()> ready;
        std::function<MetricsSnapshot()> gauges; // everything but the queue statistics
        std::function<QJsonObject()> openApi;
    };

    SystemRoutes(const ServerContext &context, Hooks hooks);
    void addTo(Router &router);

private:
    void metrics(const ApiRequest &request, Reply *reply);

    const ServerContext &m;
    Hooks m_hooks;
};

} // namespace Countersign
