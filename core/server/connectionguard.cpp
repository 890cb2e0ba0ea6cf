#include "connectionguard.h"

#include "guardedsocket.h"
#include "httperrors.h"
#include "logging.h"
#include "requesthead.h"

namespace Countersign {

namespace {

constexpr qint64 MaxDrainBytes = 64 * 1024 * 1024; // past this a refused upload is cut off
constexpr int DrainGraceMs = 5000;
constexpr int DeniedUpgradeGraceMs = 2000;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

bool blank(const QByteArray &bytes)
{
    return bytes.trimmed().isEmpty();
}

} // namespace

ConnectionGuard::ConnectionGuard(GuardedSocket *socket, const ServerLimits &limits, UpgradeCheck upgradeCheck)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_upgradeCheck(std::move(upgradeCheck))
    , m_peerAddress(socket->peerAddress())
    , m_peerPort(socket->peerPort())
    , m_frames(limits.maxWebSocketMessageBytes)
{
    // Qt HttpServer keeps a whole request in the socket buffer while it parses it; this bounds
    // that buffer even if the accounting below were ever wrong.
    socket->setReadBufferSize(limits.maxBodyBytes + limits.maxHeaderBytes + 64 * 1024);
    m_idleTimer.setSingleShot(true);
    m_requestTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &ConnectionGuard::onIdleTimeout);
    connect(&m_requestTimer, &QTimer::timeout, this, &ConnectionGuard::onRequestTimeout);
    m_readConnection = connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QIODevice::bytesWritten, this, [this] {
        m_awaitingResponse = false;
        m_lastActivity.start();
    });
    connect(socket, &QAbstractSocket::disconnected, this, [this] {
        m_idleTimer.stop();
        m_requestTimer.stop();
        Q_EMIT closed(m_peerAddress, m_peerPort);
    });
    m_lastActivity.start();
    m_idleTimer.start(m_limits.idleTimeout);
}

ConnectionGuard::~ConnectionGuard()
{
    // Runs while the socket is being destroyed: do not touch it.
    Q_EMIT gone();
}

bool ConnectionGuard::isIdle() const
{
    return m_phase == Phase::Head && blank(m_head) && !m_awaitingResponse && !m_requestStarted.isValid()
        && m_socket->bytesAvailable() == 0 && m_socket->bytesToWrite() == 0;
}

void ConnectionGuard::evict()
{
    qCDebug(lcServer) << "closing idle connection from" << m_peerAddress << m_peerPort << "to make room";
    m_evicted = true;
    m_idleTimer.stop();
    m_requestTimer.stop();
    m_socket->abort();
}

void ConnectionGuard::onReadyRead()
{
    if (m_phase == Phase::Rejected) {
        drain();
        return;
    }
    if (m_phase == Phase::Upgraded)
        return;
    // Qt HttpServer listens again only once it has answered; after the request that ends the
    // connection, that is the moment to close.
    if (m_closeAt >= 0 && m_qtRead >= m_closeAt && m_socket->readyReadListeners() > 1) {
        closeAfterAnswer();
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available > m_unreadSeen) {
        m_lastActivity.start();
        scan(m_unreadSeen, available, available);
        if (m_phase == Phase::Rejected || m_phase == Phase::Upgraded)
            return;
        updateRequestClock();
    }
    // What Qt HttpServer reads in this emission, right after this slot.
    const qint64 read = m_socket->readyReadListeners() > 1 ? predictQtRead(available) : 0;
    m_qtRead += read;
    m_unreadSeen = available - read;
}

qint64 ConnectionGuard::predictQtRead(qint64 available)
{
    while (!m_requestEnds.empty() && m_requestEnds.front() <= m_qtRead)
        m_requestEnds.pop_front();
    // Inside a request whose end is not known yet, Qt reads all there is; otherwise it stops at
    // the request's end.
    if (m_requestEnds.empty())
        return available;
    return qMin(available, m_requestEnds.front() - m_qtRead);
}

void ConnectionGuard::scan(qint64 from, qint64 to, qint64 available)
{
    QByteArray data; // fetched only when head bytes are needed
    qint64 pos = from;
    while (pos < to && m_phase != Phase::Rejected && m_phase != Phase::Upgraded) {
        if (m_closeAt >= 0 && m_phase == Phase::Head)
            return; // what follows the last request of the connection is never read
        if (m_phase == Phase::Body) {
            const qint64 take = qMin(m_bodyLeft, to - pos);
            m_bodyLeft -= take;
            pos += take;
            if (m_bodyLeft == 0)
                requestComplete();
            continue;
        }
        if (data.isEmpty())
            data = m_socket->peek(available);
        const qint64 room = m_limits.maxHeaderBytes + 1 - m_head.size();
        const qint64 take = qMin(to - pos, room);
        const qsizetype before = m_head.size();
        m_head.append(data.constData() + pos, take);
        const qsizetype end = RequestHead::findEnd(m_head);
        if (end < 0) {
            if (m_head.size() > m_limits.maxHeaderBytes) {
                reject(431,
                    Error{ErrorCode::PayloadTooLarge, QStringLiteral("request head exceeds the limit"),
                        QStringLiteral("headers")});
                return;
            }
            pos += take;
            continue;
        }
        pos += end - before;
        const QByteArray head = m_head.first(end);
        m_head.clear();
        headComplete(head, m_qtRead + pos, available - pos);
    }
}

void ConnectionGuard::headComplete(const QByteArray &headBytes, qint64 headEnd, qint64 bodyBuffered)
{
    const auto head = RequestHead::parse(headBytes);
    if (!head) {
        reject(400, head.error());
        return;
    }
    if (head->hasTransferEncoding) {
        reject(411,
            Error::invalid(QStringLiteral("Transfer-Encoding"),
                QStringLiteral("is not supported; send the body with a Content-Length")));
        return;
    }
    if (head->contentLength > m_limits.maxBodyBytes) {
        reject(413,
            Error{ErrorCode::PayloadTooLarge,
                QStringLiteral("request body of %1 bytes exceeds the limit of %2 bytes")
                    .arg(head->contentLength)
                    .arg(m_limits.maxBodyBytes),
                QStringLiteral("body")},
            head->contentLength - bodyBuffered);
        return;
    }
    if (head->webSocketUpgrade) {
        // RFC 6455 section 4.1: a client waits for the handshake's answer before sending more.
        if (bodyBuffered > 0) {
            reject(400,
                Error::invalid(QStringLiteral("request"),
                    QStringLiteral("sent data after a WebSocket upgrade request before it was answered")));
            return;
        }
        if (m_upgradeCheck) {
            if (const auto refused = m_upgradeCheck(headBytes, m_peerAddress, m_peerPort)) {
                reject(refused->status, refused->error, 0,
                    "Retry-After: " + QByteArray::number(refused->retryAfterSeconds) + "\r\n");
                return;
            }
        }
        // The socket now goes to the WebSocket layer, the guard reading its frames first. If
        // the upgrade is denied instead, Qt HttpServer keeps the socket: close it then.
        m_phase = Phase::Upgraded;
        watchWebSocket();
        m_idleTimer.stop();
        m_requestTimer.stop();
        QTimer::singleShot(DeniedUpgradeGraceMs, this, [this] {
            if (m_readConnection)
                m_socket->disconnectFromHost();
        });
        return;
    }
    m_requestEnds.push_back(headEnd + head->contentLength);
    if (!head->keepAlive)
        m_closeAt = headEnd + head->contentLength;
    m_bodyLeft = head->contentLength;
    if (m_bodyLeft == 0)
        requestComplete();
    else
        m_phase = Phase::Body;
}

void ConnectionGuard::requestComplete()
{
    m_phase = Phase::Head;
    m_bodyLeft = 0;
    m_requestStarted.invalidate();
    m_awaitingResponse = true;
}

void ConnectionGuard::updateRequestClock()
{
    // A request is under way while its head or body is incomplete; the clock starts with its
    // first byte and the timer is armed only then. Blank lines before a request line count:
    // a client trickling CRLFs is sending a head that never ends.
    const bool underWay = m_phase == Phase::Body || (m_phase == Phase::Head && !m_head.isEmpty());
    if (!underWay) {
        m_requestStarted.invalidate();
        return;
    }
    if (!m_requestStarted.isValid())
        m_requestStarted.start();
    if (!m_requestTimer.isActive())
        m_requestTimer.start(qMax<qint64>(1, m_limits.requestTimeout.count() - m_requestStarted.elapsed()));
}

void ConnectionGuard::onRequestTimeout()
{
    if (m_phase == Phase::Upgraded || m_phase == Phase::Rejected || !m_requestStarted.isValid())
        return;
    const qint64 left = m_limits.requestTimeout.count() - m_requestStarted.elapsed();
    if (left > 0) {
        m_requestTimer.start(left);
        return;
    }
    if (m_phase == Phase::Head && blank(m_head)) {
        // Only blank lines: no request to answer, just a connection to end.
        qCDebug(lcServer) << "closing a connection from" << m_peerAddress << m_peerPort << "that sent only blank lines";
        m_phase = Phase::Rejected;
        m_idleTimer.stop();
        m_socket->abort();
        return;
    }
    reject(408, Error::invalid(QStringLiteral("request"), QStringLiteral("was not received in time")));
}

void ConnectionGuard::onIdleTimeout()
{
    if (m_phase == Phase::Upgraded || m_phase == Phase::Rejected)
        return;
    const qint64 left = m_limits.idleTimeout.count() - m_lastActivity.elapsed();
    if (left > 0 || m_awaitingResponse || m_requestStarted.isValid()) {
        // Recent traffic, a request the server is still answering (a long poll, say), or a
        // request still arriving (the request timer watches that one).
        m_idleTimer.start(left > 0 ? left : m_limits.idleTimeout.count());
        return;
    }
    qCDebug(lcServer) << "closing idle connection from" << m_peerAddress << m_peerPort;
    m_socket->disconnectFromHost();
}

void ConnectionGuard::reject(int status, const Error &error, qint64 bodyToDrain, const QByteArray &extraHeaders)
{
    qCInfo(lcServer).noquote() << "refusing a request from" << m_peerAddress.toString() << "with" << status << ":"
                               << error.toString();
    m_phase = Phase::Rejected;
    m_idleTimer.stop();
    m_requestTimer.stop();
    Q_EMIT rejected(status);

    // Take the socket away from Qt HttpServer: it must not parse (or buffer) the rest.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable()); // the refused request as far as it arrived
    m_readConnection = connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::drain);

    const QByteArray body = HttpErrors::bodyBytes(error);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n"
        + extraHeaders + "Connection: close\r\n\r\n" + body);

    // Read and discard what the client still sends of a refused body (`bodyToDrain` bytes not
    // yet arrived), so it can read the answer instead of getting a reset; then close.
    // Past MaxDrainBytes the client is not waited for: close as soon as the answer is out.
    m_drainLeft = bodyToDrain > MaxDrainBytes ? 0 : qMax<qint64>(0, bodyToDrain);
    QTimer::singleShot(DrainGraceMs, this, [this] {
        m_socket->abort();
    });
    drain();
}

void ConnectionGuard::closeAfterAnswer()
{
    qCDebug(lcServer) << "closing the connection from" << m_peerAddress << m_peerPort << "after its last request";
    m_phase = Phase::Rejected;
    m_idleTimer.stop();
    m_requestTimer.stop();
    // Nothing after the last request is for Qt HttpServer; the answer still goes out.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());
    m_readConnection = connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::drain);
    m_drainLeft = 0;
    QTimer::singleShot(DrainGraceMs, this, [this] {
        m_socket->abort();
    });
    drain();
}

void ConnectionGuard::watchWebSocket()
{
    // An accepted upgrade: Qt HttpServer disconnects everything from the socket (this guard's
    // reader too), hands it to QWebSocketServer, which connects its handshake reader to
    // readyRead, reads the head, and creates the QWebSocket, which connects its frame reader.
    // The guard connects right after the handshake reader, so it reads each frame before the
    // QWebSocket can. A denied upgrade disconnects nothing and none of this happens.
    m_socket->setHooks(GuardedSocket::Hooks{[this] {
                                                m_webSocketConnects = 0;
                                            },
        [this] {
            onReadyReadConnected();
        }});
}

void ConnectionGuard::onReadyReadConnected()
{
    if (m_webSocketConnects < 0)
        return;
    ++m_webSocketConnects;
    if (m_webSocketConnects == 1) {
        connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::onWebSocketData);
    } else if (m_webSocketConnects == 2) {
        // The QWebSocket exists: the handshake's head is gone from the buffer, frames follow.
        m_webSocketOpen = true;
        m_socket->setHooks({});
        QTimer::singleShot(0, this, &ConnectionGuard::onWebSocketData);
    }
}

void ConnectionGuard::onWebSocketData()
{
    if (!m_webSocketOpen || m_socket->bytesAvailable() <= 0)
        return;
    // The client has nothing to say on this endpoint: the guard consumes every byte, so Qt's
    // reader, next in line, never sees a frame the RFC forbids.
    const QByteArray bytes = m_socket->read(m_socket->bytesAvailable());
    if (m_frames.finished())
        return;
    const QList<WebSocketFrameReader::Event> events = m_frames.feed(bytes);
    for (const WebSocketFrameReader::Event &e : events) {
        switch (e.kind) {
        case WebSocketFrameReader::Event::Kind::Ping:
            m_socket->write(WebSocketFrameReader::frame(0xA, e.payload));
            break;
        case WebSocketFrameReader::Event::Kind::Close:
            m_socket->write(WebSocketFrameReader::closeFrame(e.closeCode, {}));
            m_socket->disconnectFromHost();
            break;
        case WebSocketFrameReader::Event::Kind::Violation:
            qCInfo(lcServer).noquote() << "closing a WebSocket from" << m_peerAddress.toString() << "with"
                                       << e.closeCode << ":" << e.reason;
            m_socket->write(WebSocketFrameReader::closeFrame(e.closeCode, e.reason));
            m_socket->disconnectFromHost();
            QTimer::singleShot(DrainGraceMs, this, [this] {
                m_socket->abort();
            });
            break;
        }
    }
}

void ConnectionGuard::drain()
{
    while (m_socket->bytesAvailable() > 0) {
        const qint64 skipped = m_socket->skip(m_socket->bytesAvailable());
        if (skipped <= 0)
            break;
        m_drainLeft -= skipped;
    }
    if (m_drainLeft <= 0 && !m_closing) {
        m_closing = true;
        m_socket->disconnectFromHost();
    }
}

} // namespace Countersign
