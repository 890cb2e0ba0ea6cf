#include "replytracker.h"

#include "reply.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>

namespace Countersign {

ReplyTracker::ReplyTracker(QObject *parent)
    : QObject(parent)
{ }

ReplyTracker::~ReplyTracker()
{
    // Unanswered replies go first, while this object can still hear about it.
    m_destroying = true;
    const QList<Reply *> replies = m_replies.values();
    qDeleteAll(replies);
}

Reply *ReplyTracker::create(QHttpServerResponder &&responder, const QHttpServerRequest &request)
{
    auto *reply = new Reply(std::move(responder), request.remoteAddress(), request.remotePort(), this);
    m_replies.insert(reply);
    return reply;
}

void ReplyTracker::sent(const QString &route, int status, qint64 elapsedNanos)
{
    Q_EMIT replySent(route, status, elapsedNanos);
}

void ReplyTracker::forget(Reply *reply)
{
    if (m_destroying)
        return;
    if (m_replies.remove(reply) && m_replies.isEmpty())
        Q_EMIT drained();
}

void ReplyTracker::dropPeer(const QHostAddress &peerAddress, quint16 peerPort)
{
    const QList<Reply *> replies = m_replies.values();
    for (Reply *r : replies) {
        if (!r->isSent() && r->peerPort() == peerPort && r->peerAddress() == peerAddress)
            delete r;
    }
}

} // namespace Countersign
