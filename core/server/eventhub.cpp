#include "eventhub.h"

#include "logging.h"
#include "memorytrimmer.h"
#include "storeworker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

namespace Countersign {

namespace {

// A catch-up page holds whole events (read on the store thread, then turned into text here):
// its size follows the room the subscriber has, within these bounds, and only a few pages are
// read at a time for all subscribers together, so a crowd of replays costs a few pages.
constexpr int MinPage = 4;
constexpr int MaxPage = 64;
constexpr int MaxReadsAtOnce = 2;
constexpr double FirstGuessBytesPerEvent = 16 * 1024;
constexpr int CloseGraceMs = 1000; // a closing socket whose client does not answer is cut off

QString eventText(const Event &event)
{
    return QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact));
}

} // namespace

struct EventHub::Subscriber {
    quint64 id = 0;
    std::unique_ptr<QWebSocket> socket;
    Identity identity;
    QByteArray tokenHash;
    bool live = false; // false: what comes next is read from the store (catch-up)
    bool reading = false; // a catch-up read is under way
    qint64 lastSent = 0; // every event up to here was sent or is not for this subscriber
    qint64 buffered = 0; // the socket's bytesToWrite() when last looked at
    double bytesPerEvent = FirstGuessBytesPerEvent; // sent bytes per event read, to size pages
};

EventHub::EventHub(StoreWorker *worker, const ServerLimits &limits, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_limits(limits)
    , m_trimmer(std::make_unique<MemoryTrimmer>())
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

int EventHub::socketsOf(const QString &tokenName) const
{
    int count = 0;
    for (const auto &[id, s] : m_subscribers)
        count += s->identity.name == tokenName ? 1 : 0;
    return count;
}

int EventHub::waitingSubscribers() const
{
    int count = 0;
    for (const auto &[id, s] : m_subscribers)
        count += !s->live && !s->reading ? 1 : 0;
    return count;
}

void EventHub::subscribe(std::unique_ptr<QWebSocket> socket, const Identity &identity, const QByteArray &tokenHash,
    std::optional<qint64> since)
{
    auto sub = std::make_unique<Subscriber>();
    const quint64 id = m_nextId++;
    sub->id = id;
    sub->socket = std::move(socket);
    sub->identity = identity;
    sub->tokenHash = tokenHash;
    sub->lastSent = since.value_or(m_lastSeq);
    sub->live = !since.has_value();
    QWebSocket *ws = sub->socket.get();
    ws->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxWebSocketMessageBytes));
    ws->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxWebSocketMessageBytes));
    // Clients have nothing to say on this channel; what they send is read and ignored.
    connect(ws, &QWebSocket::disconnected, this, [this, id] {
        drop(id, -1, {});
    });
    connect(ws, &QWebSocket::bytesWritten, this, [this, id] {
        onBytesWritten(id);
    });
    // Where the stream stands, so a client knows its resume point before any event arrives.
    ws->sendTextMessage(QString::fromUtf8(QJsonDocument(
        QJsonObject{{QStringLiteral("type"), QStringLiteral("hello")}, {QStringLiteral("last_seq"), double(m_lastSeq)}})
            .toJson(QJsonDocument::Compact)));
    Subscriber *s = sub.get();
    m_subscribers.emplace(id, std::move(sub));
    updateBuffered(s);
    qCDebug(lcServer) << "event subscriber" << identity.name << "since" << (since ? *since : -1);
    if (since)
        catchUp(s);
}

bool EventHub::hasRoom(const Subscriber *s) const
{
    // One message always fits an empty socket, so every subscriber makes progress.
    return s->buffered == 0
        || (s->buffered < m_limits.maxWebSocketBacklogBytes && m_buffered < m_limits.maxWebSocketBufferedBytes);
}

bool EventHub::offer(Subscriber *s, const QString &text)
{
    if (!hasRoom(s)) {
        s->live = false;
        return false;
    }
    s->socket->sendTextMessage(text);
    updateBuffered(s);
    return true;
}

void EventHub::updateBuffered(Subscriber *s)
{
    const qint64 now = s->socket->bytesToWrite();
    m_buffered += now - s->buffered;
    s->buffered = now;
}

void EventHub::onBytesWritten(quint64 id)
{
    Subscriber *s = find(id);
    if (!s)
        return;
    updateBuffered(s);
    if (!s->live && !s->reading && s->buffered <= m_limits.maxWebSocketBacklogBytes / 2 && hasRoom(s))
        catchUp(s);
}

void EventHub::catchUp(Subscriber *s)
{
    s->live = false;
    if (s->reading)
        return;
    s->reading = true; // from here until its page is handled, queued or not
    if (m_readsInFlight >= MaxReadsAtOnce) {
        m_readQueue.push_back(s->id);
        return;
    }
    read(s);
}

void EventHub::readNext()
{
    while (m_readsInFlight < MaxReadsAtOnce && !m_readQueue.empty()) {
        Subscriber *s = find(m_readQueue.front());
        m_readQueue.pop_front();
        if (s)
            read(s);
    }
}

void EventHub::read(Subscriber *s)
{
    ++m_readsInFlight;
    ++m_reads;
    // A page about as large as the room the socket has: what does not fit is read again later
    // rather than held here.
    const double room = double(qMax<qint64>(m_limits.maxWebSocketBacklogBytes - s->buffered, 1));
    const int page = int(qBound(double(MinPage), room / qMax(s->bytesPerEvent, 64.0) + 1, double(MaxPage)));
    const quint64 id = s->id;
    const qint64 after = s->lastSent;
    m_worker->read<QList<Event>>(
        this,
        [after, page](Store &store) {
            return store.eventsSince(after, page);
        },
        [this, id, page](Result<QList<Event>> events) {
            --m_readsInFlight;
            onPage(id, page, std::move(events));
            readNext();
        });
}

void EventHub::onPage(quint64 id, int asked, Result<QList<Event>> events)
{
    Subscriber *s = find(id);
    if (!s)
        return;
    s->reading = false;
    if (!events) {
        drop(id, int(QWebSocketProtocol::CloseCodeBadOperation), QStringLiteral("cannot replay events"));
        return;
    }
    qint64 sentBytes = 0;
    qsizetype scanned = 0;
    bool full = false;
    for (const Event &e : std::as_const(*events)) {
        if (e.seq <= s->lastSent)
            continue;
        ++scanned;
        if (visibleTo(e, s->identity)) {
            const QString text = eventText(e);
            if (!offer(s, text)) {
                full = true;
                break;
            }
            sentBytes += text.size();
        }
        s->lastSent = e.seq;
    }
    if (scanned > 0)
        s->bytesPerEvent = (s->bytesPerEvent + double(sentBytes) / double(scanned)) / 2;
    m_trimmer->released(sentBytes * 2);
    if (full || !hasRoom(s))
        return; // onBytesWritten() goes on once the client has read some
    if (events->size() >= asked || s->lastSent < m_lastSeq) {
        catchUp(s);
        return;
    }
    // The store has nothing after lastSent, and everything published so far is sent: from here
    // the live stream carries on (anything committed meanwhile comes through publish()).
    s->live = true;
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
    QList<QString> texts(events.size()); // built on first use: catching-up subscribers need none
    for (const auto &[id, s] : m_subscribers) {
        if (!s->live)
            continue; // its catch-up reads these from the store
        for (qsizetype i = 0; i < events.size(); ++i) {
            const Event &e = events.at(i);
            if (e.seq <= s->lastSent)
                continue;
            if (visibleTo(e, s->identity)) {
                if (texts.at(i).isNull())
                    texts[i] = eventText(e);
                if (!offer(s.get(), texts.at(i)))
                    break; // falls back to the store from lastSent
            }
            s->lastSent = e.seq;
        }
    }
}

void EventHub::closeTokens(const QSet<QByteArray> &tokenHashes)
{
    QList<quint64> ids;
    for (const auto &[id, s] : m_subscribers) {
        if (tokenHashes.contains(s->tokenHash))
            ids.append(id);
    }
    for (quint64 id : std::as_const(ids)) {
        Subscriber *s = find(id);
        qCInfo(lcServer).noquote() << "closing a WebSocket of" << s->identity.name << ": its token was revoked";
        updateBuffered(s);
        if (s->buffered > 0) {
            // What is still queued was meant for a token that is no longer valid: cut it off
            // rather than let it drain ahead of the close frame.
            QWebSocket *ws = s->socket.get();
            ws->disconnect(this);
            ws->abort();
        }
        drop(id, int(QWebSocketProtocol::CloseCodePolicyViolated), QStringLiteral("token revoked"));
    }
}

void EventHub::drop(quint64 id, int closeCode, const QString &reason)
{
    auto it = m_subscribers.find(id);
    if (it == m_subscribers.end())
        return;
    std::unique_ptr<Subscriber> owned = std::move(it->second);
    m_subscribers.erase(it);
    m_buffered -= owned->buffered;
    m_trimmer->released(owned->buffered);
    QWebSocket *ws = owned->socket.release();
    ws->disconnect(this);
    if (closeCode >= 0 && ws->state() == QAbstractSocket::ConnectedState) {
        // The close frame goes out after what is queued; the socket is deleted once the client
        // has answered it, or cut off after a grace period.
        ws->close(QWebSocketProtocol::CloseCode(closeCode), reason);
        connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
        QTimer::singleShot(CloseGraceMs, ws, [ws] {
            ws->abort();
            ws->deleteLater();
        });
        return;
    }
    ws->deleteLater();
}

void EventHub::closeAll()
{
    while (!m_subscribers.empty())
        drop(m_subscribers.begin()->first, int(QWebSocketProtocol::CloseCodeGoingAway),
            QStringLiteral("server shutting down"));
}

} // namespace Countersign
