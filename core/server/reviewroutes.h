#pragma once

#include "apirequest.h"
#include "domain/action.h"
#include "domain/decision.h"

namespace Countersign {

class Reply;
class Router;
struct ServerContext;

// The reviewer's side of one action: claim and release it (a lease, so a forgotten claim
// returns to the queue), snooze it ("not now": out of one's queue until a time), decide it
// (approve, modify with an edited payload, reject with a reason) and, for leads, reassign it.
class ReviewRoutes
{
public:
    explicit ReviewRoutes(const ServerContext &context);
    void addTo(Router &router);

private:
    void claim(const ApiRequest &request, Reply *reply);
    void release(const ApiRequest &request, Reply *reply);
    void decide(const ApiRequest &request, Reply *reply);
    void reassign(const ApiRequest &request, Reply *reply);
    void snooze(const ApiRequest &request, Reply *reply);
    void endSnooze(const ApiRequest &request, Reply *reply);

public:
    // StateMachine::decide, with approval of a prohibited action refused first (403).
    static Result<Action> decideAction(const Action &action, const Decision &decision, const QDateTime &now);

private:
    const ServerContext &m;
};

} // namespace Countersign
