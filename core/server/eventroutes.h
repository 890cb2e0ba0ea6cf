#pragma once

#include "apirequest.h"

namespace Countersign {

class Reply;
class Router;
struct ServerContext;

// GET /v1/events: a WebSocket upgrade (handled by EventHub before routing) or, as plain HTTP,
// the events after `since`, for clients whose WebSocket cannot get through.
class EventRoutes
{
public:
    explicit EventRoutes(const ServerContext &context);
    void addTo(Router &router);

private:
    void poll(const ApiRequest &request, Reply *reply);

    const ServerContext &m;
};

} // namespace Countersign
