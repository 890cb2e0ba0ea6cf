#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <chrono>

namespace Countersign {

// What a client may send before the server refuses it. Qt HttpServer 6.8 has no limits of its
// own, so ConnectionGuard, RateLimiter and EventHub enforce these.
struct ServerLimits {
    qint64 maxBodyBytes = 1024 * 1024; // larger bodies: 413 before they are buffered
    qint64 maxHeaderBytes = 16 * 1024; // request line + headers: 431 beyond
    int maxConnections = 1024; // beyond: 503 and close
    std::chrono::milliseconds idleTimeout{75'000}; // no request in flight and no traffic: close
    std::chrono::milliseconds requestTimeout{20'000}; // a request's head and body must arrive within
    double ratePerSecond = 100; // per token, sustained
    double rateBurst = 200; // per token, bucket size
    int authFailures = 20; // failed authentications per client address and window, then 429
    int authFailureWindowSeconds = 60; // the window refills the address's bucket
    qint64 maxWebSocketMessageBytes = 64 * 1024;
    qint64 maxWebSocketBacklogBytes = 8 * 1024 * 1024; // a subscriber this far behind is dropped
    int maxWaitSeconds = 55; // GET /v1/actions/{id}?wait=N
};

// Queue health alarms, reported in /v1/queue/stats and /metrics.
struct AlertThresholds {
    qint64 queueDepth = 200;
    qint64 oldestAgeSeconds = 3600;
};

struct ServerConfig {
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8470; // 0: any free port (tests), read it back with QueueServer::port()
    QString storeLocation; // a SQLite path or a store URL (see createStore)
    QByteArray policyDocument; // empty: keep the stored policy, or the demo policy on a new store
    ServerLimits limits;
    AlertThresholds alerts;
    std::chrono::seconds claimLease{300};
    std::chrono::milliseconds schedulerInterval{1000};
    bool schedulerTimer = true; // off in tests, which call Scheduler::runOnce() themselves
    int schedulerBatch = 500; // due actions handled per pass
    int maxBatch = 512; // store tasks folded into one group commit
    std::chrono::milliseconds shutdownGrace{10'000}; // in-flight requests get this long on SIGTERM
    double spotCheckFraction = 0.05; // of auto-approvals sampled for a retrospective review (0..1)
};

} // namespace Countersign
