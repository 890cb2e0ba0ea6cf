#include "tokenroutes.h"

#include "domain/clock.h"
#include "domain/timeformat.h"
#include "reply.h"
#include "requestbodies.h"
#include "router.h"
#include "servercontext.h"
#include "storereply.h"
#include "storeworker.h"
#include "tokenauthenticator.h"
#include "tokenissuer.h"

#include <QJsonArray>
#include <QPointer>

namespace Countersign {

TokenRoutes::TokenRoutes(const ServerContext &context)
    : m(context)
{ }

void TokenRoutes::addTo(Router &router)
{
    using M = QHttpServerRequest::Method;
    router.add(Route{M::Post, QStringLiteral("/v1/tokens"), Access::Admin, QStringLiteral("createToken"),
        QStringLiteral("Create a bearer token; the answer is the only place it appears"), {},
        QStringLiteral("TokenRequest"), QStringLiteral("IssuedToken"), 201, {400},
        [this](const ApiRequest &r, Reply *reply) {
            create(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/tokens"), Access::Admin, QStringLiteral("listTokens"),
        QStringLiteral("Token names, roles and states (never the tokens)"), {}, {}, QStringLiteral("TokenList"), 200,
        {}, [this](const ApiRequest &r, Reply *reply) {
            list(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/me"), Access::Authenticated, QStringLiteral("whoAmI"),
        QStringLiteral("The name and role of the token's holder"), {}, {}, QStringLiteral("Me"), 200, {},
        [](const ApiRequest &r, Reply *reply) {
            reply->sendJson(Reply::Status::Ok,
                QJsonObject{
                    {QStringLiteral("name"), r.identity.name}, {QStringLiteral("role"), roleName(r.identity.role)}});
        }});
    router.add(Route{M::Delete, QStringLiteral("/v1/tokens/{name}"), Access::Admin, QStringLiteral("revokeToken"),
        QStringLiteral("Revoke every token of that name"), {}, {}, QStringLiteral("RevokedTokens"), 200, {404},
        [this](const ApiRequest &r, Reply *reply) {
            revoke(r, reply);
        }});
}

void TokenRoutes::create(const ApiRequest &request, Reply *reply)
{
    auto wanted = RequestBodies::token(request.body);
    if (!wanted) {
        reply->sendError(wanted.error());
        return;
    }
    const QDateTime now = m.clock->now();
    const Identity actor = request.identity;
    QPointer<Reply> guard(reply);
    TokenAuthenticator *auth = m.auth;
    m.worker->read<TokenIssuer::Issued>(
        m.owner,
        [r = wanted->role, n = wanted->name, actor, now](Store &store) {
            return TokenIssuer::issue(store, r, n, actor, now);
        },
        [guard, auth](Result<TokenIssuer::Issued> issued) {
            if (issued)
                auth->remember(issued->record);
            if (!guard)
                return;
            if (!issued) {
                guard->sendError(issued.error());
                return;
            }
            guard->sendJson(Reply::Status::Created,
                QJsonObject{{QStringLiteral("name"), issued->record.name},
                    {QStringLiteral("role"), issued->record.role},
                    {QStringLiteral("token"), QString::fromLatin1(issued->token)}});
        });
}

void TokenRoutes::list(const ApiRequest &, Reply *reply)
{
    answerRead<QList<TokenRecord>>(
        m.worker, reply,
        [](TokenRegistry &registry) {
            return registry.tokens();
        },
        [](const QList<TokenRecord> &tokens) {
            QJsonArray items;
            for (const TokenRecord &t : tokens)
                items.append(QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("role"), t.role},
                    {QStringLiteral("created_at"), timeToJson(t.createdAt)}, {QStringLiteral("revoked"), t.revoked}});
            return QJsonObject{{QStringLiteral("items"), items}};
        });
}

void TokenRoutes::revoke(const ApiRequest &request, Reply *reply)
{
    const QDateTime now = m.clock->now();
    const Identity actor = request.identity;
    const QString name = request.pathArgument;
    QPointer<Reply> guard(reply);
    TokenAuthenticator *auth = m.auth;
    m.worker->read<int>(
        m.owner,
        [name, actor, now](Store &store) {
            return TokenIssuer::revoke(store, name, actor, now);
        },
        [guard, auth, name](Result<int> revoked) {
            auth->revokeName(name);
            if (!guard)
                return;
            if (!revoked) {
                guard->sendError(revoked.error());
                return;
            }
            guard->sendJson(
                Reply::Status::Ok, QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("revoked"), *revoked}});
        });
}

} // namespace Countersign
