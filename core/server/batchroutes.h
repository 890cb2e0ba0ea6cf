#pragma once

#include "apirequest.h"

namespace Countersign {

class Reply;
class Router;
struct ServerContext;

// POST /v1/decisions/batch: approve or reject many actions of one category at once. Each id
// gets its own result (a missing or already decided one does not stop the rest) and all the
// decisions go to the store in one group commit.
class BatchRoutes
{
public:
    explicit BatchRoutes(const ServerContext &context);
    void addTo(Router &router);

private:
    void decide(const ApiRequest &request, Reply *reply);

    const ServerContext &m;
};

} // namespace Countersign
