#pragma once

#include "committedchange.h"
#include "domain/event.h"
#include "role.h"
#include "serverconfig.h"

#include <QObject>
#include <QSet>

#include <deque>
#include <map>
#include <memory>
#include <optional>

class QWebSocket;

namespace Countersign {

class MemoryTrimmer;
class StoreWorker;

// The WebSocket side of GET /v1/events. Each committed change is sent as JSON with the store's
// sequence number; a subscriber that connects with ?since=SEQ first gets what it missed from
// the store, then the live stream, without gaps or repeats. Agents only see their own actions.
//
// Memory is bounded per subscriber and in total, whatever the history or the client's pace: a
// subscriber gets a message only while less than maxWebSocketBacklogBytes of its own (and
// maxWebSocketBufferedBytes of everyone's) wait to be written. Past that it stops receiving
// and falls back to the store: once it has drained to half, the events after the last one it
// got are read from the store, one page at a time sized to the room it has, and it rejoins the
// live stream when a page reaches the end. A replay (since=) is the same catch-up from the start.
class EventHub : public QObject
{
    Q_OBJECT
public:
    EventHub(StoreWorker *worker, const ServerLimits &limits, QObject *parent = nullptr);
    ~EventHub() override;

    // `tokenHash`: the token the socket was opened with; closeTokens() ends it.
    void subscribe(std::unique_ptr<QWebSocket> socket, const Identity &identity, const QByteArray &tokenHash,
        std::optional<qint64> since);
    void publish(const QList<CommittedChange> &changes);
    void closeAll();
    // Closes the sockets opened with these tokens (revoked, or another role) with 1008.
    void closeTokens(const QSet<QByteArray> &tokenHashes);
    static bool visibleTo(const Event &event, const Identity &identity);
    int subscribers() const { return int(m_subscribers.size()); }
    int socketsOf(const QString &tokenName) const;
    qint64 lastSeq() const { return m_lastSeq; }
    // Where live-only subscribers start: the store's last sequence number at start-up.
    void setLastSeq(qint64 seq) { m_lastSeq = seq; }
    // Bytes waiting in the subscribers' sockets, all together.
    qint64 bufferedBytes() const { return m_buffered; }
    qint64 catchUpReads() const { return m_reads; }
    // Subscribers behind the live stream that wait for their client to read before more is sent.
    int waitingSubscribers() const;

private:
    struct Subscriber;
    Subscriber *find(quint64 id) const;
    void catchUp(Subscriber *s);
    void read(Subscriber *s);
    void readNext();
    void onPage(quint64 id, int asked, Result<QList<Event>> events);
    void onBytesWritten(quint64 id);
    bool hasRoom(const Subscriber *s) const;
    // Sends when there is room; otherwise the subscriber falls back to the store. False then.
    bool offer(Subscriber *s, const QString &text);
    void updateBuffered(Subscriber *s);
    void drop(quint64 id, int closeCode, const QString &reason);

    StoreWorker *m_worker;
    ServerLimits m_limits;
    std::unique_ptr<MemoryTrimmer> m_trimmer;
    std::map<quint64, std::unique_ptr<Subscriber>> m_subscribers;
    quint64 m_nextId = 1;
    qint64 m_lastSeq = 0;
    qint64 m_buffered = 0;
    qint64 m_reads = 0;
    int m_readsInFlight = 0;
    std::deque<quint64> m_readQueue; // subscribers whose catch-up waits for a read slot
};

} // namespace Countersign
