#pragma once

#include "serverconfig.h"

class QObject;

namespace Countersign {

class ActionSubmitter;
class Clock;
class EventHub;
class Metrics;
class PolicyService;
class StoreWorker;
class TokenAuthenticator;
class WaiterRegistry;

// The parts of a running server the route groups work with. Owned by QueueServer.
struct ServerContext {
    ServerConfig config;
    const Clock *clock = nullptr;
    QObject *owner = nullptr; // results of store tasks are delivered on its thread
    StoreWorker *worker = nullptr;
    PolicyService *policy = nullptr;
    ActionSubmitter *submitter = nullptr;
    TokenAuthenticator *auth = nullptr;
    EventHub *events = nullptr;
    WaiterRegistry *waiters = nullptr;
    Metrics *metrics = nullptr;
};

} // namespace Countersign
