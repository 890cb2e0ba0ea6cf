#include "webhookroutes.h"

#include "domain/clock.h"
#include "queryparameters.h"
#include "reply.h"
#include "router.h"
#include "servercontext.h"
#include "storeworker.h"
#include "webhookdispatcher.h"
#include "webhookrequest.h"
#include "webhookurlcheck.h"

#include <QJsonArray>
#include <QPointer>
#include <QRandomGenerator>
#include <QUuid>

namespace Countersign {

namespace {

constexpr int DefaultDeliveries = 50;
constexpr int MaxDeliveries = 500;

// 32 random bytes from the system's generator, hex: the HMAC key.
QString newSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QStringLiteral("whsec_") + QString::fromLatin1(bytes.toHex());
}

AuditEntry auditOf(const QString &kind, const Identity &actor, const QDateTime &now, const QString &subject)
{
    AuditEntry e;
    e.time = now;
    e.actor = actor.name;
    e.role = roleName(actor.role);
    e.kind = kind;
    e.subject = subject;
    return e;
}

// The webhook `id` if `identity` may manage it; NotFound otherwise, so another owner's ids are
// not revealed.
Result<Webhook> managedWebhook(Store &store, const QString &id, const Identity &identity)
{
    auto hook = store.webhook(id);
    if (!hook)
        return hook;
    if (!WebhookRoutes::mayManage(identity, *hook))
        return fail(Error::notFound(QStringLiteral("no webhook %1").arg(id)));
    return hook;
}

} // namespace

WebhookRoutes::WebhookRoutes(const ServerContext &context, WebhookDispatcher *dispatcher)
    : m(context)
    , m_dispatcher(dispatcher)
{ }

bool WebhookRoutes::mayManage(const Identity &identity, const Webhook &hook)
{
    return identity.role == Role::Admin
        || (hook.createdBy == identity.name && hook.ownerRole == roleName(identity.role));
}

void WebhookRoutes::addTo(Router &router)
{
    using M = QHttpServerRequest::Method;
    router.add(Route{M::Post, QStringLiteral("/v1/webhooks"), Access::Subscriber, QStringLiteral("createWebhook"),
        QStringLiteral("Subscribe a URL to action events (admin: all; agent: its own actions); the secret is shown "
                       "only here"),
        {}, QStringLiteral("WebhookRequest"), QStringLiteral("CreatedWebhook"), 201, {400, 403},
        [this](const ApiRequest &r, Reply *reply) {
            create(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/webhooks"), Access::Subscriber, QStringLiteral("listWebhooks"),
        QStringLiteral("The caller's webhooks (an admin's: all), without their secrets"), {}, {},
        QStringLiteral("WebhookList"), 200, {403}, [this](const ApiRequest &r, Reply *reply) {
            list(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/webhooks/{id}"), Access::Subscriber, QStringLiteral("getWebhook"),
        QStringLiteral("One webhook (owner or admin)"), {}, {}, QStringLiteral("Webhook"), 200, {403, 404},
        [this](const ApiRequest &r, Reply *reply) {
            show(r, reply);
        }});
    router.add(Route{M::Delete, QStringLiteral("/v1/webhooks/{id}"), Access::Subscriber,
        QStringLiteral("deleteWebhook"), QStringLiteral("Delete a webhook and its pending deliveries (owner or admin)"),
        {}, {}, QStringLiteral("DeletedWebhook"), 200, {403, 404}, [this](const ApiRequest &r, Reply *reply) {
            remove(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/webhooks/{id}/deliveries"), Access::Subscriber,
        QStringLiteral("listWebhookDeliveries"),
        QStringLiteral("Recent deliveries of a webhook, newest first: attempts, status, next retry"),
        {RouteParameter{QStringLiteral("limit"), QStringLiteral("integer"),
            QStringLiteral("at most this many (default 50, at most 500)")}},
        {}, QStringLiteral("WebhookDeliveryList"), 200, {400, 403, 404}, [this](const ApiRequest &r, Reply *reply) {
            deliveries(r, reply);
        }});
    router.add(Route{M::Post, QStringLiteral("/v1/webhooks/{id}/test"), Access::Subscriber,
        QStringLiteral("testWebhook"), QStringLiteral("Queue a webhook.test delivery to the webhook"), {}, {},
        QStringLiteral("WebhookDelivery"), 202, {403, 404}, [this](const ApiRequest &r, Reply *reply) {
            test(r, reply);
        }});
}

void WebhookRoutes::create(const ApiRequest &request, Reply *reply)
{
    auto wanted = WebhookRequest::parse(request.body);
    if (!wanted) {
        reply->sendError(wanted.error());
        return;
    }
    const Identity actor = request.identity;
    // The queue's state is the operators' business: an agent's subscription is its callback.
    if (actor.role == Role::Agent && wanted->events.contains(QLatin1String("queue.alert"))) {
        reply->sendError(Error::invalid(
            QStringLiteral("events"), QStringLiteral("queue.alert is not available to an agent's subscription")));
        return;
    }
    QPointer<Reply> guard(reply);
    StoreWorker *worker = m.worker;
    const Clock *clock = m.clock;
    WebhookUrlCheck::check(wanted->url, m.config.webhooks.allowPrivate, reply,
        [guard, wanted = *wanted, actor, worker, clock](Result<void> allowed) {
            if (!guard)
                return;
            if (!allowed) {
                guard->sendError(allowed.error());
                return;
            }
            Webhook hook;
            hook.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            hook.url = wanted.url.toString(QUrl::FullyEncoded);
            hook.events = wanted.events;
            hook.categories = wanted.categories;
            hook.types = wanted.types;
            hook.format = wanted.format;
            hook.secret = newSecret();
            hook.ownerRole = roleName(actor.role);
            hook.ownerAgent = actor.role == Role::Agent ? actor.name : QString();
            hook.createdAt = clock->now();
            hook.createdBy = actor.name;
            AuditEntry audit = auditOf(QStringLiteral("webhook.created"), actor, hook.createdAt, hook.id);
            audit.after = hook.toJson();
            worker->read<Webhook>(
                guard.data(),
                [hook, audit](Store &store) -> Result<Webhook> {
                    if (auto created = store.createWebhook(hook, audit); !created)
                        return fail(created.error());
                    return hook;
                },
                [guard](Result<Webhook> created) {
                    if (!guard)
                        return;
                    if (!created) {
                        guard->sendError(created.error());
                        return;
                    }
                    QJsonObject body = created->toJson();
                    body.insert(QStringLiteral("secret"), created->secret); // the only time it is shown
                    guard->sendJson(Reply::Status::Created, body);
                });
        });
}

void WebhookRoutes::list(const ApiRequest &request, Reply *reply)
{
    const Identity identity = request.identity;
    QPointer<Reply> guard(reply);
    m.worker->read<QList<Webhook>>(
        reply,
        [](Store &store) {
            return store.webhooks();
        },
        [guard, identity](Result<QList<Webhook>> hooks) {
            if (!guard)
                return;
            if (!hooks) {
                guard->sendError(hooks.error());
                return;
            }
            QJsonArray items;
            for (const Webhook &hook : std::as_const(*hooks)) {
                if (mayManage(identity, hook))
                    items.append(hook.toJson());
            }
            guard->sendJson(Reply::Status::Ok, QJsonObject{{QStringLiteral("items"), items}});
        });
}

void WebhookRoutes::show(const ApiRequest &request, Reply *reply)
{
    const Identity identity = request.identity;
    const QString id = request.pathArgument;
    m.worker->read<Webhook>(
        reply,
        [id, identity](Store &store) {
            return managedWebhook(store, id, identity);
        },
        [reply](Result<Webhook> hook) {
            reply->send(hook);
        });
}

void WebhookRoutes::remove(const ApiRequest &request, Reply *reply)
{
    const Identity identity = request.identity;
    const QString id = request.pathArgument;
    const QDateTime now = m.clock->now();
    m.worker->read<QString>(
        reply,
        [id, identity, now](Store &store) -> Result<QString> {
            auto hook = managedWebhook(store, id, identity);
            if (!hook)
                return fail(hook.error());
            AuditEntry audit = auditOf(QStringLiteral("webhook.deleted"), identity, now, id);
            audit.before = hook->toJson();
            if (auto deleted = store.deleteWebhook(id, audit); !deleted)
                return fail(deleted.error());
            return id;
        },
        [reply](Result<QString> deleted) {
            if (!deleted) {
                reply->sendError(deleted.error());
                return;
            }
            reply->sendJson(
                Reply::Status::Ok, QJsonObject{{QStringLiteral("id"), *deleted}, {QStringLiteral("deleted"), true}});
        });
}

void WebhookRoutes::deliveries(const ApiRequest &request, Reply *reply)
{
    auto limit = QueryParameters::integer(request.query, QStringLiteral("limit"), 1, MaxDeliveries, DefaultDeliveries);
    if (!limit) {
        reply->sendError(limit.error());
        return;
    }
    const Identity identity = request.identity;
    const QString id = request.pathArgument;
    const int n = int(*limit);
    m.worker->read<QList<WebhookDelivery>>(
        reply,
        [id, identity, n](Store &store) -> Result<QList<WebhookDelivery>> {
            if (auto hook = managedWebhook(store, id, identity); !hook)
                return fail(hook.error());
            return store.webhookDeliveries(id, n);
        },
        [reply](Result<QList<WebhookDelivery>> found) {
            if (!found) {
                reply->sendError(found.error());
                return;
            }
            QJsonArray items;
            for (const WebhookDelivery &d : std::as_const(*found))
                items.append(d.toJson());
            reply->sendJson(Reply::Status::Ok, QJsonObject{{QStringLiteral("items"), items}});
        });
}

void WebhookRoutes::test(const ApiRequest &request, Reply *reply)
{
    const Identity identity = request.identity;
    const QString id = request.pathArgument;
    WebhookDispatcher *dispatcher = m_dispatcher;
    m.worker->read<WebhookDelivery>(
        reply,
        [id, identity](Store &store) -> Result<WebhookDelivery> {
            if (auto hook = managedWebhook(store, id, identity); !hook)
                return fail(hook.error());
            return store.queueWebhookTest(id);
        },
        [reply, dispatcher](Result<WebhookDelivery> queued) {
            if (!queued) {
                reply->sendError(queued.error());
                return;
            }
            reply->sendJson(Reply::Status::Accepted, queued->toJson());
            if (dispatcher)
                dispatcher->poke();
        });
}

} // namespace Countersign
