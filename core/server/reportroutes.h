#pragma once

#include "apirequest.h"

namespace Countersign {

class Reply;
class Router;
struct ServerContext;

// For leads: queue health (GET /v1/queue/stats, with alert flags) and the audit log
// (GET /v1/audit, GET /v1/audit/verify).
class ReportRoutes
{
public:
    explicit ReportRoutes(const ServerContext &context);
    void addTo(Router &router);

private:
    void stats(const ApiRequest &request, Reply *reply);
    void audit(const ApiRequest &request, Reply *reply);
    void verify(const ApiRequest &request, Reply *reply);

    const ServerContext &m;
};

} // namespace Countersign
