#include "queueserver.h"

#include "actionroutes.h"
#include "actionsubmitter.h"
#include "alertmailer.h"
#include "approvalreportroutes.h"
#include "batchroutes.h"
#include "domain/clock.h"
#include "eventhub.h"
#include "eventroutes.h"
#include "eventsequencer.h"
#include "failedauthlimiter.h"
#include "httperrors.h"
#include "limitedtcpserver.h"
#include "logging.h"
#include "metrics.h"
#include "openapidocument.h"
#include "policy/policyengine.h"
#include "policyroutes.h"
#include "policyservice.h"
#include "proposalroutes.h"
#include "queryparameters.h"
#include "queuealertwatcher.h"
#include "ratelimiter.h"
#include "replytracker.h"
#include "reportroutes.h"
#include "reviewroutes.h"
#include "router.h"
#include "scheduler.h"
#include "simulationroutes.h"
#include "spotcheckroutes.h"
#include "store/storefactory.h"
#include "storeworker.h"
#include "systemroutes.h"
#include "tokenauthenticator.h"
#include "tokenissuer.h"
#include "tokenroutes.h"
#include "waiterregistry.h"
#include "webhookdispatcher.h"
#include "webhookroutes.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QWebSocket>

namespace Countersign {

namespace {

constexpr int SocketRetryAfterSeconds = 5;

// Closes with a close frame that gets out: deleting the socket at once would discard it.
void closeSoon(std::unique_ptr<QWebSocket> socket, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    QWebSocket *ws = socket.release();
    ws->close(code, reason);
    QObject::connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
    QTimer::singleShot(1000, ws, [ws] {
        ws->abort();
        ws->deleteLater();
    });
}

// The token of a raw upgrade request head, as extractToken() would find it in the parsed one.
QByteArray tokenOfHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.trimmed().split('\n');
    if (lines.isEmpty())
        return {};
    QHttpHeaders headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).compare("authorization", Qt::CaseInsensitive) == 0)
            headers.append(QHttpHeaders::WellKnownHeader::Authorization, line.sliced(colon + 1).trimmed());
    }
    const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
    const QUrl target = QUrl::fromEncoded(requestLine.value(1));
    return TokenAuthenticator::extractToken(headers, QUrlQuery(target), true);
}

} // namespace

QueueServer::QueueServer(ServerConfig config, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
{ }

QueueServer::~QueueServer()
{
    if (m_scheduler)
        m_scheduler->stop();
    m_mailer.reset();
    m_queueAlerts.reset();
    m_webhooks.reset(); // its store tasks are skipped once it is gone
    m_notifier.reset();
    m_sequencer.reset();
    if (m_worker)
        m_worker->stop();
    // Order matters: every responder must die while the Qt HttpServer connection handler it
    // points to is still alive.
    m_waiters.reset();
    m_events.reset();
    m_replies.reset();
    m_http.reset();
    m_router.reset();
}

quint16 QueueServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl QueueServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    const QHostAddress address = m_tcp ? m_tcp->serverAddress() : m_config.address;
    url.setHost(address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ? QStringLiteral("127.0.0.1")
                                                                                 : address.toString());
    url.setPort(port());
    return url;
}

QUrl QueueServer::publicUrl() const
{
    return m_config.publicUrl.isEmpty() ? baseUrl() : m_config.publicUrl;
}

Result<void> QueueServer::start()
{
    const QString location = m_config.storeLocation;
    const Clock &clock = m_clock;
    const double spotCheckFraction = m_config.spotCheckFraction;
    m_worker = std::make_unique<StoreWorker>(
        [location, &clock, spotCheckFraction]() {
            auto store = createStore(location, clock);
            if (store)
                (*store)->setSpotCheckFraction(spotCheckFraction);
            return store;
        },
        m_clock, m_config.maxBatch);
    if (auto started = m_worker->start(); !started)
        return fail(started.error());
    connect(m_worker.get(), &StoreWorker::committed, this, &QueueServer::onCommitted);

    m_policy = std::make_unique<PolicyService>(m_worker.get(), &m_clock);
    if (auto ok = m_policy->initialize(m_config.policyDocument); !ok)
        return fail(ok.error());
    m_auth = std::make_unique<TokenAuthenticator>(m_worker.get());
    if (auto ok = m_auth->load(); !ok)
        return fail(ok.error());
    connect(m_auth.get(), &TokenAuthenticator::tokensInvalidated, this, &QueueServer::onTokensInvalidated);
    m_limiter = std::make_unique<RateLimiter>(m_config.limits.ratePerSecond, m_config.limits.rateBurst);
    m_failedAuth = std::make_unique<FailedAuthLimiter>(
        m_clock, m_config.limits.authFailures, m_config.limits.authFailureWindowSeconds);
    m_metrics = std::make_unique<Metrics>();
    m_events = std::make_unique<EventHub>(m_worker.get(), m_config.limits);
    m_waiters = std::make_unique<WaiterRegistry>();
    // Listening starts before the last seq is read, so nothing committed in between is missed.
    if (auto listening = listenToOtherInstances(); !listening)
        return listening;
    auto lastSeq = m_worker->call<qint64>([](Store &store) {
        return store.lastEventSeq();
    });
    if (!lastSeq)
        return fail(lastSeq.error());
    m_events->setLastSeq(*lastSeq);
    if (m_sequencer)
        m_sequencer->setPublished(*lastSeq);
    m_submitter = std::make_unique<ActionSubmitter>(m_worker.get(), &m_policy->engine(), &m_clock);
    m_scheduler = std::make_unique<Scheduler>(m_worker.get(), &m_policy->engine(), &m_clock, m_config);
    m_webhooks = std::make_unique<WebhookDispatcher>(m_worker.get(), m_clock, m_config);
    m_queueAlerts = std::make_unique<QueueAlertWatcher>(m_config.alerts, m_clock, m_worker.get());
    // Checked after each scheduler pass, SMTP or not; a recorded crossing is sent at once.
    connect(m_scheduler.get(), &Scheduler::passFinished, m_queueAlerts.get(), &QueueAlertWatcher::checkQueue);
    connect(m_queueAlerts.get(), &QueueAlertWatcher::recorded, m_webhooks.get(), &WebhookDispatcher::poke);

    m_context = ServerContext{m_config, &m_clock, this, m_worker.get(), m_policy.get(), m_submitter.get(), m_auth.get(),
        m_events.get(), m_waiters.get(), m_metrics.get()};

    m_http = std::make_unique<QHttpServer>();
    m_replies = std::make_unique<ReplyTracker>();
    connect(m_replies.get(), &ReplyTracker::replySent, m_metrics.get(), &Metrics::observeRequest);
    m_router = std::make_unique<Router>(m_auth.get(), m_limiter.get(), m_failedAuth.get(), m_replies.get());
    buildRoutes();
    m_router->attach(m_http.get());
    m_http->addWebSocketUpgradeVerifier(this, [this](const QHttpServerRequest &request) {
        return verifyUpgrade(request);
    });
    connect(m_http.get(), &QHttpServer::newWebSocketConnection, this, &QueueServer::acceptWebSockets);

    m_tcp = new LimitedTcpServer(m_config.limits);
    m_tcp->setUpgradeCheck([this](const QByteArray &head, const QHostAddress &address, quint16 port) {
        return checkUpgradeHead(head, address, port);
    });
    if (!m_tcp->listen(m_config.address, m_config.port)) {
        const QString why = m_tcp->errorString();
        delete m_tcp;
        m_tcp = nullptr;
        return fail(Error::unavailable(
            QStringLiteral("cannot listen on %1:%2: %3").arg(m_config.address.toString()).arg(m_config.port).arg(why)));
    }
    if (!m_http->bind(m_tcp)) {
        delete m_tcp;
        m_tcp = nullptr;
        return fail(Error::internal(QStringLiteral("cannot bind the HTTP server to its socket")));
    }
    connect(m_tcp, &LimitedTcpServer::requestRejected, m_metrics.get(), &Metrics::observeRejected);
    connect(m_tcp, &LimitedTcpServer::connectionClosed, m_replies.get(), &ReplyTracker::dropPeer);
    m_router->setAttributor([this](const QHostAddress &address, quint16 port, const QString &tokenName) {
        return m_tcp ? m_tcp->attribute(address, port, tokenName) : std::nullopt;
    });

    startMail();
    if (m_config.schedulerTimer)
        m_scheduler->start();
    m_webhooks->setPublicUrl(publicUrl());
    m_webhooks->start();
    m_tokenRefresh.setInterval(m_config.tokenRefresh);
    connect(&m_tokenRefresh, &QTimer::timeout, m_auth.get(), &TokenAuthenticator::refresh);
    if (m_notifier) {
        // Subscriptions other instances create or delete reach this one's commits on the same tick.
        connect(&m_tokenRefresh, &QTimer::timeout, this, [this] {
            m_worker->read<bool>(
                this,
                [](Store &store) -> Result<bool> {
                    if (auto reloaded = store.reloadWebhooks(); !reloaded)
                        return fail(reloaded.error());
                    return true;
                },
                [](Result<bool>) {});
        });
    }
    m_tokenRefresh.start();
    m_ready = true;
    qCInfo(lcServer).noquote() << "listening on" << baseUrl().toString() << "with store" << m_config.storeLocation;
    return {};
}

void QueueServer::buildRoutes()
{
    m_actionRoutes = std::make_unique<ActionRoutes>(m_context);
    m_reviewRoutes = std::make_unique<ReviewRoutes>(m_context);
    m_batchRoutes = std::make_unique<BatchRoutes>(m_context);
    m_policyRoutes = std::make_unique<PolicyRoutes>(m_context);
    m_tokenRoutes = std::make_unique<TokenRoutes>(m_context);
    m_reportRoutes = std::make_unique<ReportRoutes>(m_context);
    m_approvalReportRoutes = std::make_unique<ApprovalReportRoutes>(m_context);
    m_spotCheckRoutes = std::make_unique<SpotCheckRoutes>(m_context);
    m_proposalRoutes = std::make_unique<ProposalRoutes>(m_context);
    m_simulationRoutes = std::make_unique<SimulationRoutes>(m_context);
    m_eventRoutes = std::make_unique<EventRoutes>(m_context);
    m_webhookRoutes = std::make_unique<WebhookRoutes>(m_context, m_webhooks.get());
    m_systemRoutes = std::make_unique<SystemRoutes>(m_context,
        SystemRoutes::Hooks{[this] {
                                return m_ready;
                            },
            [this] {
                return gauges();
            },
            [this] {
                return openApi();
            }});
    m_actionRoutes->addTo(*m_router);
    m_reviewRoutes->addTo(*m_router);
    m_batchRoutes->addTo(*m_router);
    m_policyRoutes->addTo(*m_router);
    m_tokenRoutes->addTo(*m_router);
    m_reportRoutes->addTo(*m_router);
    m_approvalReportRoutes->addTo(*m_router);
    m_spotCheckRoutes->addTo(*m_router);
    m_proposalRoutes->addTo(*m_router);
    m_simulationRoutes->addTo(*m_router);
    m_eventRoutes->addTo(*m_router);
    m_webhookRoutes->addTo(*m_router);
    m_systemRoutes->addTo(*m_router);
}

QJsonObject QueueServer::openApi() const
{
    return m_router ? OpenApiDocument::build(m_router->routes()) : QJsonObject();
}

MetricsSnapshot QueueServer::gauges() const
{
    MetricsSnapshot s;
    s.thresholds = m_config.alerts;
    s.openConnections = m_tcp ? m_tcp->openConnections() : 0;
    s.subscriberBytes = m_events->bufferedBytes();
    s.subscribersWaiting = m_events->waitingSubscribers();
    s.subscribers = m_events->subscribers();
    s.waiters = m_waiters->count();
    const StoreWorker::Stats stats = m_worker->stats();
    s.storeBatches = stats.batches;
    s.storeChanges = stats.changes;
    s.storeCommitMicros = stats.commitMicros;
    s.storeQueued = m_worker->queued();
    return s;
}

Result<void> QueueServer::listenToOtherInstances()
{
    auto notifier = createStoreNotifier(m_config.storeLocation);
    if (!notifier)
        return fail(notifier.error());
    if (!*notifier)
        return {}; // a store only this process writes: its own commits are the whole stream
    m_sequencer = std::make_unique<EventSequencer>(m_worker.get(), [this](const QList<CommittedChange> &changes) {
        publish(changes);
    });
    m_notifier = std::move(*notifier);
    connect(m_notifier.get(), &StoreNotifier::eventsCommitted, m_sequencer.get(), &EventSequencer::remoteCommitted);
    return m_notifier->start();
}

void QueueServer::publish(const QList<CommittedChange> &changes)
{
    m_waiters->publish(changes);
    m_events->publish(changes);
}

void QueueServer::onCommitted(const QList<CommittedChange> &changes)
{
    if (m_sequencer)
        m_sequencer->localCommitted(changes);
    else
        publish(changes);
    m_metrics->observeChanges(changes); // this instance's own work only
    // Only this instance's commits: each escalation is mailed by the instance that escalated it.
    if (m_mailer) {
        const PolicyEngine &engine = m_policy->engine();
        m_mailer->changesCommitted(changes, [&engine](const Action &a) {
            return engine.evaluate(ActionFacts{a.type, a.category, a.confidence, a.context}).escalateTo;
        });
    }
}

void QueueServer::startMail()
{
    if (!m_config.mail.enabled())
        return;
    if (m_config.publicUrl.isEmpty()) {
        qCWarning(lcMail).noquote() << "links in alert emails point at" << baseUrl().toString()
                                    << "- set --public-url to the address readers reach the server at";
    }
    m_mailer = std::make_unique<AlertMailer>(m_config.mail, publicUrl(), m_config.alerts, m_clock, m_worker.get());
    connect(m_mailer.get(), &AlertMailer::sent, m_metrics.get(), [this](const QString &kind) {
        m_metrics->observeMail(kind, true);
    });
    connect(m_mailer.get(), &AlertMailer::givenUp, m_metrics.get(), [this](const QString &kind) {
        m_metrics->observeMail(kind, false);
    });
    connect(m_mailer.get(), &AlertMailer::attemptFailed, m_metrics.get(), &Metrics::observeMailAttemptFailed);
    // The queue's alert state is looked at after each scheduler pass (once a second by default).
    connect(m_scheduler.get(), &Scheduler::passFinished, m_mailer.get(), &AlertMailer::checkQueue);
    const MailConfig &mail = m_config.mail;
    qCInfo(lcMail).noquote() << "email alerts through" << mail.smtpUrl.toString(QUrl::RemoveUserInfo) << "to"
                             << (mail.leads.isEmpty() ? QStringLiteral("escalation contacts only")
                                                      : mail.leads.join(QStringLiteral(", ")));
}

QHttpServerWebSocketUpgradeResponse QueueServer::verifyUpgrade(const QHttpServerRequest &request)
{
    if (request.url().path() != QLatin1String("/v1/events"))
        return QHttpServerWebSocketUpgradeResponse::deny(404, "Not Found");
    if (m_shuttingDown)
        return QHttpServerWebSocketUpgradeResponse::deny(503, "Service Unavailable");
    const QByteArray token = TokenAuthenticator::extractToken(request.headers(), request.query(), true);
    if (token.isEmpty())
        return QHttpServerWebSocketUpgradeResponse::deny(401, "Unauthorized");
    // As for other routes (Router): an address that keeps failing gets no store lookups.
    const QString address = request.remoteAddress().toString();
    if (!TokenAuthenticator::isWellFormed(token)) {
        m_failedAuth->recordFailure(address);
        return QHttpServerWebSocketUpgradeResponse::deny(401, "Unauthorized");
    }
    const QByteArray hash = TokenAuthenticator::hashToken(token);
    const auto known = m_auth->cached(hash);
    if ((!known || !*known) && m_failedAuth->retryAfterSeconds(address) > 0)
        return QHttpServerWebSocketUpgradeResponse::deny(429, "Too Many Requests");
    if (!known) // checkUpgradeHead() started the lookup and asked the client to retry
        return QHttpServerWebSocketUpgradeResponse::deny(503, "Service Unavailable");
    if (!*known) {
        if (known->error().code == ErrorCode::Unauthorized)
            m_failedAuth->recordFailure(address);
        return QHttpServerWebSocketUpgradeResponse::deny(401, "Unauthorized");
    }
    const Identity &identity = **known;
    if (!QueryParameters::integer(request.query(), QStringLiteral("since"), 0, qint64(1) << 53, 0))
        return QHttpServerWebSocketUpgradeResponse::deny(400, "Bad Request");
    // The guard has checked this already for a token it knew (and answered with Retry-After).
    if (const auto refused = admitSocket(identity))
        return QHttpServerWebSocketUpgradeResponse::deny(refused->status, refused->error.message.toUtf8());
    if (const auto refused = m_tcp->attribute(request.remoteAddress(), request.remotePort(), identity.name))
        return QHttpServerWebSocketUpgradeResponse::deny(refused->status, refused->error.message.toUtf8());
    return QHttpServerWebSocketUpgradeResponse::accept();
}

int QueueServer::longPolls() const
{
    return m_waiters->count();
}

std::optional<AdmissionRefusal> QueueServer::admitSocket(const Identity &identity) const
{
    const int mine = m_events->socketsOf(identity.name);
    if (mine >= m_config.limits.socketsPerToken())
        return AdmissionRefusal{429,
            HttpErrors::rateLimited(QStringLiteral("this token has %1 WebSockets open, the most it may; close one or "
                                                   "retry later")
                    .arg(mine)),
            SocketRetryAfterSeconds};
    if (m_events->subscribers() + m_waiters->count() >= m_config.limits.maxHeld())
        return AdmissionRefusal{
            503, Error::unavailable(QStringLiteral("too many open WebSockets and long polls; retry shortly")), 1};
    return std::nullopt;
}

std::optional<AdmissionRefusal> QueueServer::checkUpgradeHead(
    const QByteArray &head, const QHostAddress &address, quint16 port)
{
    const QByteArray token = tokenOfHead(head);
    if (!TokenAuthenticator::isWellFormed(token))
        return std::nullopt; // verifyUpgrade() answers 401
    const QByteArray hash = TokenAuthenticator::hashToken(token);
    const auto known = m_auth->cached(hash);
    if (known && !*known)
        return std::nullopt; // verifyUpgrade() answers 401
    if (!known) {
        // A token created behind the server's back: the upgrade verifier must answer at once and
        // the event loop never waits on the store, so look it up now and let the client retry.
        const QString peer = address.toString();
        if (const int wait = m_failedAuth->retryAfterSeconds(peer); wait > 0)
            return AdmissionRefusal{429,
                HttpErrors::rateLimited(QStringLiteral("too many unknown tokens from this address; retry later")),
                wait};
        m_auth->resolve(hash, [this, peer](const Result<Identity> &identity) {
            if (!identity && identity.error().code == ErrorCode::Unauthorized)
                m_failedAuth->recordFailure(peer);
        });
        return AdmissionRefusal{503, Error::unavailable(QStringLiteral("checking this token; retry in a second")), 1};
    }
    if (auto refused = admitSocket(**known))
        return refused;
    return m_tcp->attribute(address, port, (*known)->name);
}

void QueueServer::onTokensInvalidated(const QSet<QByteArray> &hashes)
{
    m_events->closeTokens(hashes);
    m_waiters->endTokens(hashes);
}

void QueueServer::acceptWebSockets()
{
    while (m_http->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http->nextPendingWebSocketConnection();
        if (!socket)
            continue;
        // The upgrade was verified a moment ago, so the token is in the cache.
        const QUrlQuery query(socket->requestUrl());
        QHttpHeaders headers;
        const auto raw = socket->request().rawHeaderList();
        for (const QByteArray &name : raw)
            headers.append(name, socket->request().rawHeader(name));
        const QByteArray token = TokenAuthenticator::extractToken(headers, query, true);
        const QByteArray hash = TokenAuthenticator::hashToken(token);
        const auto identity = m_auth->cached(hash);
        if (!identity || !*identity) {
            closeSoon(std::move(socket), QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
            continue;
        }
        // Upgrades of one token verified together may pass the checks together: the last word.
        if (const auto refused = admitSocket(**identity)) {
            closeSoon(
                std::move(socket), QWebSocketProtocol::CloseCode(1013) /* try again later */, refused->error.message);
            continue;
        }
        std::optional<qint64> since;
        if (query.hasQueryItem(QStringLiteral("since")))
            since = QueryParameters::integer(query, QStringLiteral("since"), 0, qint64(1) << 53, 0).value_or(0);
        m_events->subscribe(std::move(socket), **identity, hash, since);
    }
}

Result<QByteArray> QueueServer::issueToken(Role role, const QString &name)
{
    const QDateTime now = m_clock.now();
    auto issued = m_worker->call<TokenIssuer::Issued>([role, name, now](Store &store) {
        return TokenIssuer::issue(store, role, name, Identity{QStringLiteral("server"), Role::Admin}, now);
    });
    if (!issued)
        return fail(issued.error());
    m_auth->remember(issued->record);
    return issued->token;
}

void QueueServer::shutdown()
{
    if (m_shuttingDown || !m_ready) {
        if (!m_ready && !m_shuttingDown)
            finishShutdown();
        return;
    }
    m_shuttingDown = true;
    m_ready = false;
    qCInfo(lcServer) << "shutting down:" << m_replies->pending() << "request(s) in flight";
    if (m_tcp)
        m_tcp->close();
    m_router->setDraining(true);
    m_scheduler->stop();
    m_webhooks->stop(); // what it has not sent stays pending for the next start
    m_tokenRefresh.stop();
    if (m_notifier)
        m_notifier->stop();
    m_waiters->expireAll(); // long polls answer with the action as it stands
    m_events->closeAll();
    if (m_replies->pending() == 0) {
        QTimer::singleShot(0, this, &QueueServer::finishShutdown);
        return;
    }
    connect(m_replies.get(), &ReplyTracker::drained, this, &QueueServer::finishShutdown, Qt::SingleShotConnection);
    QTimer::singleShot(m_config.shutdownGrace, this, &QueueServer::finishShutdown);
}

void QueueServer::finishShutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_worker)
        m_worker->stop();
    qCInfo(lcServer) << "stopped";
    Q_EMIT stopped();
}

} // namespace Countersign
