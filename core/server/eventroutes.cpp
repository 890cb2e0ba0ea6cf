#include "eventroutes.h"

#include "eventhub.h"
#include "queryparameters.h"
#include "reply.h"
#include "router.h"
#include "servercontext.h"
#include "storeworker.h"

#include <QJsonArray>
#include <QPointer>

namespace Countersign {

EventRoutes::EventRoutes(const ServerContext &context)
    : m(context)
{ }

void EventRoutes::addTo(Router &router)
{
    Route events{QHttpServerRequest::Method::Get, QStringLiteral("/v1/events"), Access::Authenticated,
        QStringLiteral("events"),
        QStringLiteral("Action events with a store sequence number. As a WebSocket: a hello with last_seq, then one "
                       "event per message; ?since=SEQ replays what was missed first; ?token= authenticates where "
                       "headers cannot be set. As plain HTTP: the events after since (polling)."),
        {RouteParameter{QStringLiteral("since"), QStringLiteral("integer"),
             QStringLiteral("events after this sequence number (replayed first on a WebSocket)"), false},
            RouteParameter{QStringLiteral("limit"), QStringLiteral("integer"),
                QStringLiteral("plain HTTP: 1..1000, default 500"), false},
            RouteParameter{QStringLiteral("token"), QStringLiteral("string"),
                QStringLiteral("WebSocket: the bearer token, for clients that cannot set headers"), false}},
        {}, QStringLiteral("EventPage"), 200, {400}, [this](const ApiRequest &r, Reply *reply) {
            poll(r, reply);
        }};
    events.webSocket = true;
    router.add(std::move(events));
}

void EventRoutes::poll(const ApiRequest &request, Reply *reply)
{
    const qint64 last = m.events->lastSeq();
    auto since = QueryParameters::integer(request.query, QStringLiteral("since"), 0, qint64(1) << 53, last);
    if (!since) {
        reply->sendError(since.error());
        return;
    }
    auto limit = QueryParameters::integer(request.query, QStringLiteral("limit"), 1, 1000, 500);
    if (!limit) {
        reply->sendError(limit.error());
        return;
    }
    const Identity who = request.identity;
    QPointer<Reply> guard(reply);
    m.worker->read<QList<Event>>(
        m.owner,
        [s = *since, l = int(*limit)](Store &store) {
            return store.eventsSince(s, l);
        },
        [guard, who, last](Result<QList<Event>> events) {
            if (!guard)
                return;
            if (!events) {
                guard->sendError(events.error());
                return;
            }
            QJsonArray items;
            qint64 newest = last;
            for (const Event &e : std::as_const(*events)) {
                newest = qMax(newest, e.seq);
                if (EventHub::visibleTo(e, who))
                    items.append(e.toJson());
            }
            guard->sendJson(Reply::Status::Ok,
                QJsonObject{{QStringLiteral("events"), items}, {QStringLiteral("last_seq"), double(newest)}});
        });
}

} // namespace Countersign
