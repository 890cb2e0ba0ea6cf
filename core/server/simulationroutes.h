#pragma once

#include "apirequest.h"

namespace Countersign {

class Reply;
class Router;
struct ServerContext;

// POST /v1/policy/simulate: the window's actions (default the last 90 days) replayed under a
// proposed policy (a whole document, or a stored proposal's or the body's tier changes applied to
// the policy in force) and compared with the policy in force (core/report/WhatIfSimulation).
// Read-only; the query itself is an audit entry (who, when, which window). The store worker runs
// it one day of the window per task, so other requests' store work goes on in between.
class SimulationRoutes
{
public:
    static constexpr int DefaultWindowDays = 90;

    explicit SimulationRoutes(const ServerContext &context);
    void addTo(Router &router);

private:
    void simulate(const ApiRequest &request, Reply *reply);

    const ServerContext &m;
};

} // namespace Countersign
