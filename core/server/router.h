#pragma once

#include "admissionrefusal.h"
#include "route.h"

#include <QHostAddress>

#include <QObject>

#include <functional>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace Countersign {

class FailedAuthLimiter;
class RateLimiter;
class ReplyTracker;
class TokenAuthenticator;

// The route table. Registers every Route with QHttpServer and runs what all of them share
// before the handler: the Reply, authentication (401, or 429 for an address that failed it
// too often, see FailedAuthLimiter), the role check (403) and the per-token rate limit (429). Unknown paths answer 404,
// known paths with another method 405. The same table feeds the OpenAPI document.
class Router : public QObject
{
    Q_OBJECT
public:
    // Counts the request's connection for its token (LimitedTcpServer::attribute); a refusal
    // (429, the token holds too many) answers the request instead.
    using Attributor = std::function<std::optional<AdmissionRefusal>(
        const QHostAddress &address, quint16 port, const QString &tokenName)>;

    Router(TokenAuthenticator *auth, RateLimiter *limiter, FailedAuthLimiter *failedAuth, ReplyTracker *replies,
        QObject *parent = nullptr);

    void add(Route route);
    const QList<Route> &routes() const { return m_routes; }
    void attach(QHttpServer *server);
    // While draining (graceful shutdown) new requests get 503 at once.
    void setDraining(bool draining) { m_draining = draining; }
    void setAttributor(Attributor attributor) { m_attributor = std::move(attributor); }

private:
    void dispatch(
        qsizetype index, const QString &argument, const QHttpServerRequest &request, QHttpServerResponder &responder);
    void authorized(const Route &route, ApiRequest request, Reply *reply);
    void missing(const QHttpServerRequest &request, QHttpServerResponder &responder);

    TokenAuthenticator *m_auth;
    RateLimiter *m_limiter;
    FailedAuthLimiter *m_failedAuth;
    ReplyTracker *m_replies;
    QList<Route> m_routes;
    Attributor m_attributor;
    bool m_draining = false;
};

} // namespace Countersign
