#pragma once

#include "committedchange.h"
#include "role.h"
#include "serverconfig.h"
#include "store/event.h"

#include <QObject>

#include <map>
#include <memory>
#include <optional>

class QWebSocket;

namespace Countersign {

class StoreWorker;

// The WebSocket side of GET /v1/events. Each committed change is sent as JSON with the store's
// sequence number; a subscriber that connects with ?since=SEQ first gets what it missed from
// the store, then the live stream, without gaps or repeats. Agents only see their own actions.
// Subscribers that fall too far behind are dropped (they reconnect with since=).
class EventHub : public QObject
{
    Q_OBJECT
public:
    EventHub(StoreWorker *worker, const ServerLimits &limits, QObject *parent = nullptr);
    ~EventHub() override;

    void subscribe(std::unique_ptr<QWebSocket> socket, const Identity &identity, std::optional<qint64> since);
    void publish(const QList<CommittedChange> &changes);
    void closeAll();
    static bool visibleTo(const Event &event, const Identity &identity);
    int subscribers() const { return int(m_subscribers.size()); }
    qint64 lastSeq() const { return m_lastSeq; }
    // Where live-only subscribers start: the store's last sequence number at start-up.
    void setLastSeq(qint64 seq) { m_lastSeq = seq; }

private:
    struct Subscriber;
    Subscriber *find(quint64 id) const;
    void replay(quint64 id, qint64 after);
    bool send(Subscriber *subscriber, const QString &text); // false: the subscriber was dropped
    void drop(quint64 id, int closeCode, const QString &reason);

    StoreWorker *m_worker;
    ServerLimits m_limits;
    std::map<quint64, std::unique_ptr<Subscriber>> m_subscribers;
    quint64 m_nextId = 1;
    qint64 m_lastSeq = 0;
};

} // namespace Countersign
