#include "router.h"

#include "failedauthlimiter.h"
#include "httperrors.h"
#include "ratelimiter.h"
#include "reply.h"
#include "replytracker.h"
#include "tokenauthenticator.h"

#include <QHttpServer>
#include <QMetaEnum>
#include <QPointer>

namespace Countersign {

Router::Router(TokenAuthenticator *auth, RateLimiter *limiter, FailedAuthLimiter *failedAuth, ReplyTracker *replies,
    QObject *parent)
    : QObject(parent)
    , m_auth(auth)
    , m_limiter(limiter)
    , m_failedAuth(failedAuth)
    , m_replies(replies)
{ }

void Router::add(Route route)
{
    m_routes.append(std::move(route));
}

void Router::attach(QHttpServer *server)
{
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const Route &r = m_routes.at(i);
        if (r.pathParameter().isEmpty()) {
            server->route(r.qtPattern(), r.method, this,
                [this, i](const QHttpServerRequest &request, QHttpServerResponder &responder) {
                    dispatch(i, QString(), request, responder);
                });
        } else {
            server->route(r.qtPattern(), r.method, this,
                [this, i](const QString &argument, const QHttpServerRequest &request, QHttpServerResponder &responder) {
                    dispatch(i, argument, request, responder);
                });
        }
    }
    server->setMissingHandler(this, [this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
        missing(request, responder);
    });
}

void Router::dispatch(
    qsizetype index, const QString &argument, const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const Route &route = m_routes.at(index);
    Reply *reply = m_replies->create(std::move(responder), request);
    reply->setRoute(route.operationId);
    if (m_draining) {
        reply->sendError(Error::unavailable(QStringLiteral("the server is shutting down")),
            QHttpHeaders::fromListOfPairs({{"Connection", "close"}, {"Retry-After", "1"}}));
        return;
    }

    ApiRequest api;
    api.method = request.method();
    api.path = request.url().path();
    api.query = request.query();
    api.headers = request.headers();
    api.body = request.body();
    api.pathArgument = argument;

    if (route.access == Access::Public) {
        route.handler(api, reply);
        return;
    }
    const QByteArray token = TokenAuthenticator::extractToken(api.headers, api.query, false);
    if (token.isEmpty()) {
        reply->sendError(HttpErrors::unauthorized(QStringLiteral("a bearer token is required")),
            QHttpHeaders::fromListOfPairs({{"WWW-Authenticate", "Bearer"}}));
        return;
    }
    // An address that keeps failing is not asked about unknown tokens for a while; tokens known
    // to be valid pass regardless.
    const QString address = request.remoteAddress().toString();
    const QByteArray hash = TokenAuthenticator::hashToken(token);
    const auto known = m_auth->cached(hash);
    if (!known || !*known) {
        if (const int wait = m_failedAuth->retryAfterSeconds(address); wait > 0) {
            reply->sendError(
                HttpErrors::rateLimited(
                    QStringLiteral("too many failed authentications from this address; retry in %1 s").arg(wait)),
                QHttpHeaders::fromListOfPairs({{"Retry-After", QByteArray::number(wait)}}));
            return;
        }
    }
    if (!TokenAuthenticator::isWellFormed(token)) { // nothing the issuer made: no lookup
        m_failedAuth->recordFailure(address);
        reply->sendError(
            TokenAuthenticator::unknownToken(), QHttpHeaders::fromListOfPairs({{"WWW-Authenticate", "Bearer"}}));
        return;
    }
    QPointer<Reply> guard(reply);
    api.tokenHash = hash;
    const QHostAddress peer = request.remoteAddress();
    const quint16 port = request.remotePort();
    m_auth->resolve(
        hash, [this, index, guard, address, peer, port, api = std::move(api)](Result<Identity> identity) mutable {
            if (!identity && identity.error().code == ErrorCode::Unauthorized)
                m_failedAuth->recordFailure(address);
            if (!guard)
                return;
            if (!identity) {
                guard->sendError(identity.error(), QHttpHeaders::fromListOfPairs({{"WWW-Authenticate", "Bearer"}}));
                return;
            }
            api.identity = *identity;
            if (m_attributor) {
                if (const auto refused = m_attributor(peer, port, identity->name)) {
                    guard->sendError(refused->error,
                        QHttpHeaders::fromListOfPairs({{"Retry-After", QByteArray::number(refused->retryAfterSeconds)},
                            {"Connection", "close"}}));
                    return;
                }
            }
            authorized(m_routes.at(index), std::move(api), guard);
        });
}

void Router::authorized(const Route &route, ApiRequest request, Reply *reply)
{
    if (!roleHasAccess(request.identity.role, route.access)) {
        reply->sendError(HttpErrors::forbidden(QStringLiteral("%1 %2 needs the role %3; this token is a %4")
                .arg(route.methodName().toUpper(), route.path, accessName(route.access),
                    roleName(request.identity.role))));
        return;
    }
    const auto verdict = m_limiter->take(request.identity.name);
    if (!verdict.allowed) {
        reply->sendError(
            HttpErrors::rateLimited(
                QStringLiteral("too many requests for this token; retry in %1 s").arg(verdict.retryAfterSeconds)),
            QHttpHeaders::fromListOfPairs({{"Retry-After", QByteArray::number(verdict.retryAfterSeconds)}}));
        return;
    }
    route.handler(request, reply);
}

void Router::missing(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    Reply *reply = m_replies->create(std::move(responder), request);
    reply->setRoute(QStringLiteral("unrouted"));
    const QString path = request.url().path();
    QStringList allowed;
    for (const Route &r : std::as_const(m_routes)) {
        if (r.matchesPath(path))
            allowed.append(r.methodName().toUpper());
    }
    if (!allowed.isEmpty()) {
        reply->sendJson(Reply::Status::MethodNotAllowed,
            HttpErrors::body(Error{ErrorCode::InvalidArgument,
                QStringLiteral("%1 is not allowed here; use %2")
                    .arg(QString::fromLatin1(
                             QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method())))
                             .toUpper(),
                        allowed.join(QStringLiteral(", "))),
                QStringLiteral("method")}),
            QHttpHeaders::fromListOfPairs({{"Allow", allowed.join(QStringLiteral(", ")).toLatin1()}}));
        return;
    }
    reply->sendError(Error::notFound(QStringLiteral("no route for %1").arg(path)));
}

} // namespace Countersign
