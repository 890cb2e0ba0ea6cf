#pragma once

#include "apirequest.h"

namespace Countersign {

class Reply;
class Router;
class WebhookDispatcher;
struct ServerContext;
struct Webhook;

// /v1/webhooks: subscriptions to action events, delivered signed and retried by the
// WebhookDispatcher. An admin may subscribe to everything; an agent only to its own actions (its
// callback); reviewers and leads may not subscribe (Access::Subscriber). A webhook is seen and
// deleted by its owner or an admin.
class WebhookRoutes
{
public:
    WebhookRoutes(const ServerContext &context, WebhookDispatcher *dispatcher);
    void addTo(Router &router);

    // Whether `identity` may see and delete `hook`.
    static bool mayManage(const Identity &identity, const Webhook &hook);

private:
    void create(const ApiRequest &request, Reply *reply);
    void list(const ApiRequest &request, Reply *reply);
    void show(const ApiRequest &request, Reply *reply);
    void remove(const ApiRequest &request, Reply *reply);
    void deliveries(const ApiRequest &request, Reply *reply);
    void test(const ApiRequest &request, Reply *reply);

    const ServerContext &m;
    WebhookDispatcher *m_dispatcher;
};

} // namespace Countersign
