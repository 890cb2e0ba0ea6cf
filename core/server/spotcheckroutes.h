#pragma once

#include "apirequest.h"

namespace Countersign {

class Reply;
class Router;
struct ServerContext;

// The retrospective review of sampled approvals, the policy's and the reviewers': GET
// /v1/spotchecks?state=open|done and POST /v1/spotchecks/{id} with {"verdict":"ok"|"problem",
// "note":"..."} (one verdict each, audited, never by the reviewer who approved the action).
class SpotCheckRoutes
{
public:
    explicit SpotCheckRoutes(const ServerContext &context);
    void addTo(Router &router);

private:
    void list(const ApiRequest &request, Reply *reply);
    void check(const ApiRequest &request, Reply *reply);

    const ServerContext &m;
};

} // namespace Countersign
