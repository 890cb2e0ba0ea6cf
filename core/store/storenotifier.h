#pragma once

#include "domain/error.h"

#include <QObject>

namespace Countersign {

// Tells a server instance that events were committed by someone else: another instance on the
// same database, or another connection of this one. Only stores that several processes share
// have one (PostgreSQL: LISTEN/NOTIFY); see createStoreNotifier().
//
// Lives on the thread that starts it, which must run an event loop.
class StoreNotifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Connects and starts listening; the feed then keeps itself connected.
    virtual Result<void> start() = 0;
    virtual void stop() = 0;

Q_SIGNALS:
    // Events up to `seq` are committed. After a reconnect the notifier cannot know what it
    // missed and reports seq 0: listeners catch up from wherever they are.
    void eventsCommitted(qint64 seq);
};

} // namespace Countersign
