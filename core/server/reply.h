#pragma once

#include "domain/action.h"
#include "domain/error.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpHeaders>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QObject>

namespace Countersign {

// The answer to one request, which may come later (after a group commit, or a long poll).
// Owns the QHttpServerResponder; lives under the ReplyTracker, which drops it (without an
// answer) if the client disconnects first. Code that answers later holds a QPointer<Reply>.
class ReplyTracker;

class Reply : public QObject
{
    Q_OBJECT
public:
    using Status = QHttpServerResponder::StatusCode;

    Reply(QHttpServerResponder &&responder, const QHostAddress &peerAddress, quint16 peerPort, ReplyTracker *tracker);
    ~Reply() override;

    // An action as the API shows it (Action::toCompactJson).
    void sendAction(Status status, const Action &action);
    void sendJson(Status status, const QJsonObject &body, const QHttpHeaders &extra = {});
    void sendBytes(
        Status status, const QByteArray &body, const QByteArray &contentType, const QHttpHeaders &extra = {});
    void sendError(const Error &error, const QHttpHeaders &extra = {});
    // The action (200) or the error.
    void send(const Result<Action> &action);
    // The value's toJson() (200) or the error.
    template<typename T>
    void send(const Result<T> &result)
    {
        if (result)
            sendJson(Status::Ok, result->toJson());
        else
            sendError(result.error());
    }

    bool isSent() const { return m_sent; }
    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }
    void setRoute(const QString &route) { m_route = route; }
    QString route() const { return m_route; }

private:
    ReplyTracker *m_tracker;
    QHttpServerResponder m_responder;
    QHostAddress m_peerAddress;
    quint16 m_peerPort;
    QString m_route;
    QElapsedTimer m_timer;
    bool m_sent = false;
};

} // namespace Countersign
