#pragma once

#include "committedchange.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>
#include <map>

namespace Countersign {

class Reply;

// Long polls: GET /v1/actions/{id}?wait=N parks its Reply here until the action leaves
// pending (answered straight from the committed event, no database round trip) or the wait
// runs out. No thread and no timer per waiter: one timer armed for the earliest deadline.
class WaiterRegistry : public QObject
{
    Q_OBJECT
public:
    using TimeoutHandler = std::function<void(Reply *reply)>;

    explicit WaiterRegistry(QObject *parent = nullptr);

    // `tokenHash`: the caller's token, whose revocation ends the wait (endTokens).
    void add(const QString &actionId, Reply *reply, std::chrono::milliseconds wait, TimeoutHandler onTimeout,
        const QByteArray &tokenHash = {});
    // Wakes the waiters of every action an event shows settled (no longer pending).
    void publish(const QList<CommittedChange> &changes);
    // Answers every waiter now, as if its wait had run out (shutdown).
    void expireAll();
    // Answers the waiters of these tokens with 401 (the token was revoked or changed).
    void endTokens(const QSet<QByteArray> &tokenHashes);
    int count() const { return int(m_waiters.size()); }

private:
    struct Waiter {
        QString actionId;
        QPointer<Reply> reply;
        qint64 deadlineMs = 0;
        TimeoutHandler onTimeout;
        QByteArray tokenHash;
    };
    void remove(quint64 id);
    void onTimer();
    void arm();

    QElapsedTimer m_clock;
    QTimer m_timer;
    quint64 m_nextId = 1;
    std::map<quint64, Waiter> m_waiters;
    std::multimap<qint64, quint64> m_deadlines;
    QMultiHash<QString, quint64> m_byAction;
};

} // namespace Countersign
