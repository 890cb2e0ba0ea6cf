#pragma once

#include "apirequest.h"

namespace Countersign {

class Reply;
class Router;
struct ServerContext;

// GET /v1/policy (the document in force), PUT /v1/policy (admin: validated, versioned,
// audited; an invalid document keeps the old one and answers 400 with the JSON path) and
// GET /v1/policy/versions.
class PolicyRoutes
{
public:
    explicit PolicyRoutes(const ServerContext &context);
    void addTo(Router &router);

private:
    void get(const ApiRequest &request, Reply *reply);
    void put(const ApiRequest &request, Reply *reply);
    void versions(const ApiRequest &request, Reply *reply);

    const ServerContext &m;
};

} // namespace Countersign
