#pragma once

#include "apirequest.h"

namespace Countersign {

class Reply;
class Router;
struct ServerContext;
struct PolicyProposal;

// Policy proposals: a lead drafts type tier changes (often from a recommendation) with
// POST /v1/policy/proposals; an admin applies one (a new policy version through PolicyService,
// so it is validated, audited and re-tiers pending actions) or rejects it with a reason.
// GET /v1/policy/proposals lists them, newest first. Every step is an audit entry.
class ProposalRoutes
{
public:
    explicit ProposalRoutes(const ServerContext &context);
    void addTo(Router &router);

private:
    void create(const ApiRequest &request, Reply *reply);
    void list(const ApiRequest &request, Reply *reply);
    void apply(const ApiRequest &request, Reply *reply);
    void reject(const ApiRequest &request, Reply *reply);
    // Saves `proposal` (was `expected`) with its audit entry and answers with it.
    void save(
        const PolicyProposal &proposal, bool inserting, const QString &auditKind, const Identity &actor, Reply *reply);

    const ServerContext &m;
};

} // namespace Countersign
