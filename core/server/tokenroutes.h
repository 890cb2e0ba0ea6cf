#pragma once

#include "apirequest.h"

namespace Countersign {

class Reply;
class Router;
struct ServerContext;

// Token administration (admin): create (the token is shown once), list, revoke; and for any
// token holder, who the token says they are (GET /v1/me).
class TokenRoutes
{
public:
    explicit TokenRoutes(const ServerContext &context);
    void addTo(Router &router);

private:
    void create(const ApiRequest &request, Reply *reply);
    void list(const ApiRequest &request, Reply *reply);
    void revoke(const ApiRequest &request, Reply *reply);

    const ServerContext &m;
};

} // namespace Countersign
