#pragma once

#include <QHostAddress>
#include <QObject>
#include <QSet>

class QHttpServerRequest;
class QHttpServerResponder;

namespace Countersign {

class Reply;

// Parent of every Reply still to be sent. Drops the replies of a client that disconnected, and
// is destroyed before the QHttpServer so no responder outlives its connection's handler.
class ReplyTracker : public QObject
{
    Q_OBJECT
public:
    explicit ReplyTracker(QObject *parent = nullptr);
    ~ReplyTracker() override;

    Reply *create(QHttpServerResponder &&responder, const QHttpServerRequest &request);
    int pending() const { return int(m_replies.size()); }
    void dropPeer(const QHostAddress &peerAddress, quint16 peerPort);

    // Called by Reply (direct calls rather than signals: this runs for every request).
    void sent(const QString &route, int status, qint64 elapsedNanos);
    void forget(Reply *reply);

Q_SIGNALS:
    void replySent(const QString &route, int status, qint64 elapsedNanos);
    void drained(); // the last pending reply was sent or dropped

private:
    QSet<Reply *> m_replies;
    bool m_destroying = false;
};

} // namespace Countersign
