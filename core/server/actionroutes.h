#pragma once

#include "apirequest.h"

namespace Countersign {

class Reply;
class Router;
struct ServerContext;

// The agent's side of the queue: submit (POST /v1/actions), read one action, optionally
// waiting for its decision (GET /v1/actions/{id}?wait=N), list (GET /v1/actions) and withdraw.
class ActionRoutes
{
public:
    explicit ActionRoutes(const ServerContext &context);
    void addTo(Router &router);

private:
    void submit(const ApiRequest &request, Reply *reply);
    void get(const ApiRequest &request, Reply *reply);
    void list(const ApiRequest &request, Reply *reply);
    void withdraw(const ApiRequest &request, Reply *reply);
    void answerCurrent(const QString &id, const Identity &who, Reply *reply);

    const ServerContext &m;
};

} // namespace Countersign
