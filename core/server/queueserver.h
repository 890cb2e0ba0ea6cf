#pragma once

#include "admissionrefusal.h"
#include "committedchange.h"
#include "domain/error.h"
#include "role.h"
#include "serverconfig.h"
#include "servercontext.h"

#include <QHttpServerWebSocketUpgradeResponse>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;

namespace Countersign {

class ActionRoutes;
class AlertMailer;
class QueueAlertWatcher;
class ApprovalReportRoutes;
class ActionSubmitter;
class BatchRoutes;
class Clock;
class EventHub;
class EventSequencer;
class EventRoutes;
class FailedAuthLimiter;
class LimitedTcpServer;
class Metrics;
class PolicyRoutes;
class PolicyService;
class ProposalRoutes;
class SimulationRoutes;
class RateLimiter;
class ReplyTracker;
class ReportRoutes;
class ReviewRoutes;
class Router;
class Scheduler;
class SpotCheckRoutes;
class StoreNotifier;
class StoreWorker;
class SystemRoutes;
class TokenAuthenticator;
class TokenRoutes;
class WaiterRegistry;
class WebhookDispatcher;
class WebhookRoutes;
struct MetricsSnapshot;

// countersign-server's engine: Qt HttpServer on a guarded listening socket, the route groups,
// the WebSocket event hub, long-poll waiters, the scheduler and the store thread, wired
// together. The executable only parses arguments and calls start().
class QueueServer : public QObject
{
    Q_OBJECT
public:
    QueueServer(ServerConfig config, const Clock &clock, QObject *parent = nullptr);
    ~QueueServer() override;

    // Opens the store, loads the policy and tokens, starts listening.
    Result<void> start();
    // Graceful: stops accepting, answers long polls and in-flight requests (up to
    // config.shutdownGrace), closes the store; then emits stopped().
    void shutdown();
    bool isReady() const { return m_ready; }

    quint16 port() const;
    QUrl baseUrl() const;
    // Where people reach the server, the base of the /open/{id} links in emails and chat
    // messages: config().publicUrl, else the listening address.
    QUrl publicUrl() const;
    const ServerConfig &config() const { return m_config; }

    // Creates a token in the store (start-up seeding, the demo, tests); waits for the store.
    Result<QByteArray> issueToken(Role role, const QString &name);

    Scheduler *scheduler() const { return m_scheduler.get(); }
    // Set when config.mail names an SMTP server, else null.
    AlertMailer *mailer() const { return m_mailer.get(); }
    const Router *router() const { return m_router.get(); }
    ActionSubmitter *submitter() const { return m_submitter.get(); }
    PolicyService *policy() const { return m_policy.get(); }
    StoreWorker *storeWorker() const { return m_worker.get(); }
    // Set when the store is shared by several instances (PostgreSQL), else null.
    EventSequencer *eventSequencer() const { return m_sequencer.get(); }
    WebhookDispatcher *webhookDispatcher() const { return m_webhooks.get(); }
    QueueAlertWatcher *queueAlertWatcher() const { return m_queueAlerts.get(); }
    QJsonObject openApi() const;
    // Requests held in a long poll now (the countersign_long_poll_waiters gauge).
    int longPolls() const;

Q_SIGNALS:
    void stopped();

private:
    void buildRoutes();
    void onCommitted(const QList<Countersign::CommittedChange> &changes);
    void publish(const QList<Countersign::CommittedChange> &changes);
    Result<void> listenToOtherInstances();
    QHttpServerWebSocketUpgradeResponse verifyUpgrade(const QHttpServerRequest &request);
    // A WebSocket of this token over its limit, or past the connections WebSockets and long
    // polls may hold together: the refusal.
    std::optional<AdmissionRefusal> admitSocket(const Identity &identity) const;
    std::optional<AdmissionRefusal> checkUpgradeHead(const QByteArray &head, const QHostAddress &address, quint16 port);
    void onTokensInvalidated(const QSet<QByteArray> &hashes);
    void acceptWebSockets();
    void finishShutdown();
    void startMail();
    MetricsSnapshot gauges() const;

    ServerConfig m_config;
    const Clock &m_clock;
    std::unique_ptr<StoreWorker> m_worker;
    std::unique_ptr<PolicyService> m_policy;
    std::unique_ptr<TokenAuthenticator> m_auth;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<FailedAuthLimiter> m_failedAuth;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<EventHub> m_events;
    std::unique_ptr<WaiterRegistry> m_waiters;
    // Several instances on one database: their commits reach this one's subscribers and waiters.
    std::unique_ptr<EventSequencer> m_sequencer;
    std::unique_ptr<StoreNotifier> m_notifier;
    std::unique_ptr<ActionSubmitter> m_submitter;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<AlertMailer> m_mailer;
    std::unique_ptr<WebhookDispatcher> m_webhooks;
    std::unique_ptr<QueueAlertWatcher> m_queueAlerts; // queue.alert webhook events
    ServerContext m_context;
    std::unique_ptr<QHttpServer> m_http;
    std::unique_ptr<ReplyTracker> m_replies;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<ActionRoutes> m_actionRoutes;
    std::unique_ptr<ReviewRoutes> m_reviewRoutes;
    std::unique_ptr<BatchRoutes> m_batchRoutes;
    std::unique_ptr<PolicyRoutes> m_policyRoutes;
    std::unique_ptr<ApprovalReportRoutes> m_approvalReportRoutes;
    std::unique_ptr<SpotCheckRoutes> m_spotCheckRoutes;
    std::unique_ptr<ProposalRoutes> m_proposalRoutes;
    std::unique_ptr<SimulationRoutes> m_simulationRoutes;
    std::unique_ptr<TokenRoutes> m_tokenRoutes;
    std::unique_ptr<ReportRoutes> m_reportRoutes;
    std::unique_ptr<EventRoutes> m_eventRoutes;
    std::unique_ptr<SystemRoutes> m_systemRoutes;
    std::unique_ptr<WebhookRoutes> m_webhookRoutes;
    LimitedTcpServer *m_tcp = nullptr; // owned by m_http once bound
    QTimer m_tokenRefresh;
    bool m_ready = false;
    bool m_shuttingDown = false;
    bool m_stopped = false;
};

} // namespace Countersign
