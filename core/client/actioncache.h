#pragma once

#include "domain/action.h"

#include <QList>

namespace Countersign {

// Where a ReviewSession keeps the pending actions it knows: the queue model in the app, a plain
// list in tests and tools. The session only writes; lookups serve the item on screen.
class ActionCache
{
public:
    virtual ~ActionCache() = default;
    // Replaces everything (initial load, reload after an outage).
    virtual void resetActions(QList<Action> actions) = 0;
    // Pending actions are inserted or updated; any other state removes the action.
    virtual void upsert(const Action &action) = 0;
    virtual const Action *findAction(const QString &id) const = 0;
};

} // namespace Countersign
