#include "eventhub.h"

#include "logging.h"
#include "storeworker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

namespace Countersign {

namespace {

constexpr int ReplayPage = 500;
constexpr qsizetype MaxBacklogEvents = 20000;

QString eventText(const Event &event)
{
    return QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact));
}

} // namespace

struct EventHub::Subscriber {
    quint64 id = 0;
    std::unique_ptr<QWebSocket> socket;
    Identity identity;
    bool replaying = false;
    QList<Event> backlog; // live events that arrive while replaying
    qint64 lastSent = 0;
};

EventHub::EventHub(StoreWorker *worker, const ServerLimits &limits, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_limits(limits)
{ }

EventHub::~EventHub()
{
    closeAll();
}

bool EventHub::visibleTo(const Event &event, const Identity &identity)
{
    return identity.role != Role::Agent || event.action.value(QLatin1String("agent")).toString() == identity.name;
}

EventHub::Subscriber *EventHub::find(quint64 id) const
{
    const auto it = m_subscribers.find(id);
    return it == m_subscribers.end() ? nullptr : it->second.get();
}

void EventHub::subscribe(std::unique_ptr<QWebSocket> socket, const Identity &identity, std::optional<qint64> since)
{
    auto sub = std::make_unique<Subscriber>();
    const quint64 id = m_nextId++;
    sub->id = id;
    sub->socket = std::move(socket);
    sub->identity = identity;
    sub->lastSent = since.value_or(m_lastSeq);
    QWebSocket *ws = sub->socket.get();
    ws->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxWebSocketMessageBytes));
    ws->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxWebSocketMessageBytes));
    // Clients have nothing to say on this channel; what they send is read and ignored.
    connect(ws, &QWebSocket::disconnected, this, [this, id] {
        drop(id, -1, {});
    });
    sub->replaying = since.has_value();
    // Where the stream stands, so a client knows its resume point before any event arrives.
    ws->sendTextMessage(QString::fromUtf8(QJsonDocument(
        QJsonObject{{QStringLiteral("type"), QStringLiteral("hello")}, {QStringLiteral("last_seq"), double(m_lastSeq)}})
            .toJson(QJsonDocument::Compact)));
    m_subscribers.emplace(id, std::move(sub));
    qCDebug(lcServer) << "event subscriber" << identity.name << "since" << (since ? *since : -1);
    if (since)
        replay(id, *since);
}

void EventHub::replay(quint64 id, qint64 after)
{
    m_worker->read<QList<Event>>(
        this,
        [after](Store &store) {
            return store.eventsSince(after, ReplayPage);
        },
        [this, id, after](Result<QList<Event>> events) {
            Subscriber *s = find(id);
            if (!s)
                return;
            if (!events) {
                drop(id, int(QWebSocketProtocol::CloseCodeBadOperation), QStringLiteral("cannot replay events"));
                return;
            }
            qint64 last = after;
            for (const Event &e : std::as_const(*events)) {
                last = qMax(last, e.seq);
                if (e.seq <= s->lastSent)
                    continue;
                s->lastSent = e.seq;
                if (visibleTo(e, s->identity) && !send(s, eventText(e)))
                    return;
            }
            if (events->size() >= ReplayPage) {
                replay(id, last);
                return;
            }
            s->replaying = false;
            const QList<Event> backlog = std::exchange(s->backlog, {});
            for (const Event &e : backlog) {
                if (e.seq <= s->lastSent)
                    continue;
                s->lastSent = e.seq;
                if (visibleTo(e, s->identity) && !send(s, eventText(e)))
                    return;
            }
        });
}

void EventHub::publish(const QList<CommittedChange> &changes)
{
    if (changes.isEmpty())
        return;
    m_lastSeq = qMax(m_lastSeq, changes.last().seq);
    if (m_subscribers.empty())
        return; // no JSON is built for nobody
    QList<Event> events;
    events.reserve(changes.size());
    for (const CommittedChange &c : changes)
        events.append(c.toEvent());
    QStringList texts;
    texts.reserve(events.size());
    for (const Event &e : events)
        texts.append(eventText(e));
    QList<quint64> ids; // sending may drop subscribers
    for (const auto &[id, s] : m_subscribers)
        ids.append(id);
    for (quint64 id : std::as_const(ids)) {
        Subscriber *s = find(id);
        if (!s)
            continue;
        if (s->replaying) {
            s->backlog.append(events);
            if (s->backlog.size() > MaxBacklogEvents)
                drop(id, int(QWebSocketProtocol::CloseCodePolicyViolated), QStringLiteral("too far behind"));
            continue;
        }
        for (qsizetype i = 0; i < events.size(); ++i) {
            const Event &e = events.at(i);
            if (e.seq <= s->lastSent)
                continue;
            s->lastSent = e.seq;
            if (visibleTo(e, s->identity) && !send(s, texts.at(i)))
                break;
        }
    }
}

bool EventHub::send(Subscriber *s, const QString &text)
{
    if (s->socket->bytesToWrite() > m_limits.maxWebSocketBacklogBytes) {
        drop(s->id, int(QWebSocketProtocol::CloseCodePolicyViolated),
            QStringLiteral("too far behind; reconnect with since="));
        return false;
    }
    s->socket->sendTextMessage(text);
    return true;
}

void EventHub::drop(quint64 id, int closeCode, const QString &reason)
{
    auto it = m_subscribers.find(id);
    if (it == m_subscribers.end())
        return;
    std::unique_ptr<Subscriber> owned = std::move(it->second);
    m_subscribers.erase(it);
    QWebSocket *ws = owned->socket.release();
    ws->disconnect(this);
    if (closeCode >= 0 && ws->state() == QAbstractSocket::ConnectedState)
        ws->close(QWebSocketProtocol::CloseCode(closeCode), reason);
    ws->deleteLater();
}

void EventHub::closeAll()
{
    while (!m_subscribers.empty())
        drop(m_subscribers.begin()->first, int(QWebSocketProtocol::CloseCodeGoingAway),
            QStringLiteral("server shutting down"));
}

} // namespace Countersign
