#include "reply.h"

#include "httperrors.h"
#include "replytracker.h"

#include <QJsonDocument>

namespace Countersign {

Reply::Reply(QHttpServerResponder &&responder, const QHostAddress &peerAddress, quint16 peerPort, ReplyTracker *tracker)
    : QObject(tracker)
    , m_tracker(tracker)
    , m_responder(std::move(responder))
    , m_peerAddress(peerAddress)
    , m_peerPort(peerPort)
{
    m_timer.start();
}

Reply::~Reply()
{
    m_tracker->forget(this);
}

void Reply::sendJson(Status status, const QJsonObject &body, const QHttpHeaders &extra)
{
    sendBytes(status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", extra);
}

void Reply::sendAction(Status status, const Action &action)
{
    sendBytes(status, action.toCompactJson(), "application/json");
}

void Reply::send(const Result<Action> &action)
{
    if (action)
        sendAction(Status::Ok, *action);
    else
        sendError(action.error());
}

void Reply::sendError(const Error &error, const QHttpHeaders &extra)
{
    sendJson(HttpErrors::status(error.code), HttpErrors::body(error), extra);
}

void Reply::sendBytes(Status status, const QByteArray &body, const QByteArray &contentType, const QHttpHeaders &extra)
{
    if (m_sent)
        return;
    m_sent = true;
    QHttpHeaders headers = extra;
    headers.replaceOrAppend(QHttpHeaders::WellKnownHeader::ContentType, contentType);
    m_responder.write(body, headers, status);
    m_tracker->sent(m_route, int(status), m_timer.nsecsElapsed());
    // Destroying the responder lets Qt HttpServer read the next request on this connection;
    // later, not now, because the responder may have been created inside this very call chain.
    deleteLater();
}

} // namespace Countersign
