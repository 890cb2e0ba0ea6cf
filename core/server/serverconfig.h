#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace Countersign {

// What a client may send before the server refuses it. Qt HttpServer 6.8 has no limits of its
// own, so ConnectionGuard, RateLimiter and EventHub enforce these.
struct ServerLimits {
    qint64 maxBodyBytes = 1024 * 1024; // larger bodies: 413 before they are buffered
    qint64 maxHeaderBytes = 16 * 1024; // request line + headers: 431 beyond
    int maxConnections = 1024; // beyond: 503 and close
    // Shares of maxConnections (0: derived from it, see the accessors below). A connection is
    // counted for a token from its first request with that token, for its address before.
    int maxConnectionsPerToken = 0; // default: a quarter; beyond, its idlest closes, else 429
    int maxConnectionsPerAddress = 0; // not yet authenticated; default: all but the reserve
    int reservedConnections = 0; // never taken by WebSockets and long polls; default: 1/16, 2 to half
    int maxSocketsPerToken = 8; // WebSockets of one token; beyond: 429 with Retry-After
    std::chrono::milliseconds idleTimeout{75'000}; // no request in flight and no traffic: close
    std::chrono::milliseconds requestTimeout{20'000}; // a request's head and body must arrive within
    double ratePerSecond = 100; // per token, sustained
    double rateBurst = 200; // per token, bucket size
    int authFailures = 20; // failed authentications per client address and window, then 429
    int authFailureWindowSeconds = 60; // the window refills the address's bucket
    qint64 maxWebSocketMessageBytes = 64 * 1024;
    // A subscriber with this much unsent gets no more until it drains; what it missed meanwhile
    // is read from the store, a page at a time, as it does (EventHub).
    qint64 maxWebSocketBacklogBytes = 512 * 1024;
    qint64 maxWebSocketBufferedBytes = 64 * 1024 * 1024; // the same for all subscribers together
    int maxWaitSeconds = 55; // GET /v1/actions/{id}?wait=N

    int reserved() const
    {
        return reservedConnections > 0 ? reservedConnections : qMin(qMax(2, maxConnections / 16), maxConnections / 2);
    }
    int perToken() const { return maxConnectionsPerToken > 0 ? maxConnectionsPerToken : qMax(1, maxConnections / 4); }
    int perAddress() const
    {
        return maxConnectionsPerAddress > 0 ? maxConnectionsPerAddress : qMax(1, maxConnections - reserved());
    }
    // WebSockets of one token: they never take its last connection, which stays for requests.
    int socketsPerToken() const { return qMin(maxSocketsPerToken, qMax(1, perToken() - 1)); }
    // WebSockets and long polls of all tokens together.
    int maxHeld() const { return qMax(1, maxConnections - reserved()); }
};

// Queue health alarms, reported in /v1/queue/stats and /metrics.
struct AlertThresholds {
    qint64 queueDepth = 200;
    qint64 oldestAgeSeconds = 3600;
};

// Email alerts through SMTP (AlertMailer): escalations to the category's escalate_to addresses
// and the leads, queue alerts to the leads. Off while smtpUrl is empty.
struct MailConfig {
    QUrl smtpUrl; // smtp://host:port or smtps://host:port
    QString from; // the envelope sender and the From header
    QString user; // from --smtp-credentials; empty: no authentication
    QString password;
    QStringList leads; // --alert-email
    int attempts = 4; // per message, then it is given up (logged and counted)
    std::chrono::milliseconds firstRetry{5000}; // doubles after each failed attempt
    std::chrono::milliseconds timeout{30'000}; // one SMTP conversation

    bool enabled() const { return smtpUrl.isValid() && !smtpUrl.isEmpty(); }
};

// Webhook delivery (WebhookDispatcher). The defaults are the documented contract; tests shorten
// the intervals rather than sleep.
struct WebhookSettings {
    // Receivers on loopback, private, link-local or unspecified addresses are refused unless set
    // (--webhook-allow-private): a subscription must not reach into the server's own network.
    bool allowPrivate = false;
    std::chrono::milliseconds poll{1000}; // due deliveries are claimed this often
    std::chrono::milliseconds timeout{10'000}; // an attempt without an answer by then failed
    std::chrono::milliseconds lease{60'000}; // a claim another instance may take over after
    std::chrono::milliseconds retryBase{5'000}; // the first retry's delay, doubling per attempt
    std::chrono::milliseconds retryCap{3'600'000}; // the longest delay between two attempts
    std::chrono::milliseconds giveUpAfter{24 * 3'600'000}; // from the event: then status failed
    int maxInFlight = 32; // attempts under way at once, per instance
    // More than this many chat (slack, teams) deliveries to one webhook due together, made
    // within digestWindow: one digest message (0: never group).
    int digestThreshold = 5;
    std::chrono::milliseconds digestWindow{60'000};
};

struct ServerConfig {
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8470; // 0: any free port (tests), read it back with QueueServer::port()
    QString storeLocation; // a SQLite path or a store URL (see createStore)
    QByteArray policyDocument; // empty: keep the stored policy, or the demo policy on a new store
    ServerLimits limits;
    AlertThresholds alerts;
    MailConfig mail;
    std::chrono::seconds claimLease{300};
    std::chrono::milliseconds schedulerInterval{1000};
    bool schedulerTimer = true; // off in tests, which call Scheduler::runOnce() themselves
    int schedulerBatch = 500; // due actions handled per pass
    int maxBatch = 512; // store tasks folded into one group commit
    std::chrono::milliseconds shutdownGrace{10'000}; // in-flight requests get this long on SIGTERM
    double spotCheckFraction = 0.05; // of auto-approvals sampled for a retrospective review (0..1)
    // How often the token table is re-read: revocations made on another instance (or behind the
    // server's back) take effect, open WebSockets and long polls included, within this.
    std::chrono::milliseconds tokenRefresh{500};
    // The server's address as people reach it (chat messages link to GET /open/{id} on it);
    // empty: the address it listens on.
    QUrl publicUrl;
    WebhookSettings webhooks;
};

} // namespace Countersign
