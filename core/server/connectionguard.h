#pragma once

#include "admissionrefusal.h"
#include "domain/error.h"
#include "serverconfig.h"
#include "websocketframereader.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>

namespace Countersign {

class GuardedSocket;

// Watches one HTTP connection ahead of Qt HttpServer. Its readyRead slot is connected first, so
// it parses every byte of the stream once, in order, before Qt does, and refuses (without
// buffering the rest) bodies over the cap (413), oversized heads (431), chunked bodies (411),
// malformed or ambiguous heads (400, see RequestHead) and clients too slow to send a request
// (408; blank lines before a request count as its start). It closes idle keep-alive
// connections, and a connection once the answer to a request that does not keep it alive
// (HTTP/1.0 without keep-alive, "Connection: close") is out: Qt HttpServer would hold it open.
// A WebSocket upgrade hands the socket to Qt's WebSocket code; the guard then reads the client's
// frames before Qt does (WebSocketFrameReader), answers pings and closes, and closes the
// connection with 1002 when a frame breaks RFC 6455 (unmasked, reserved bits, ...), which
// Qt's reader lets through.
//
// To know which bytes are new it mirrors how far Qt HttpServer 6.8 has read: Qt reads only in
// its own readyRead slot, and then everything available up to the end of the request it is
// parsing (it stops there and answers); while it answers a request its slot is disconnected.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    // Asked about each WebSocket upgrade request (its raw head, the client's address and port)
    // before Qt sees it: a refusal is answered here, with Retry-After, and the connection closed.
    using UpgradeCheck = std::function<std::optional<AdmissionRefusal>(
        const QByteArray &head, const QHostAddress &address, quint16 port)>;

    ConnectionGuard(GuardedSocket *socket, const ServerLimits &limits, UpgradeCheck upgradeCheck = {});
    ~ConnectionGuard() override;

    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }

    // Nothing under way: no request arriving or being answered, not a WebSocket. At the
    // connection cap the longest idle of these is closed to make room (evict()), so clients
    // that merely hold connections open cannot lock everyone else out.
    bool isIdle() const;
    qint64 idleMs() const { return m_lastActivity.elapsed(); }
    bool isEvicted() const { return m_evicted; }
    void evict();
    // The token whose requests the connection carries (its latest), empty before the first
    // authenticated one: LimitedTcpServer counts it for that token, or for its address.
    QString owner() const { return m_owner; }
    void setOwner(const QString &owner) { m_owner = owner; }

Q_SIGNALS:
    void rejected(int status);
    void closed(const QHostAddress &peerAddress, quint16 peerPort); // the client went away
    void gone(); // the socket is being destroyed

private:
    enum class Phase { Head, Body, Upgraded, Rejected };

    void onReadyRead();
    void scan(qint64 from, qint64 to, qint64 available);
    void headComplete(const QByteArray &head, qint64 headEnd, qint64 bodyBuffered);
    void requestComplete();
    qint64 predictQtRead(qint64 available);
    void onIdleTimeout();
    void onRequestTimeout();
    void updateRequestClock();
    void reject(int status, const Error &error, qint64 bodyToDrain = 0, const QByteArray &extraHeaders = {});
    void drain();
    void closeAfterAnswer();
    void watchWebSocket();
    void onReadyReadConnected();
    void onWebSocketData();

    GuardedSocket *m_socket;
    ServerLimits m_limits;
    UpgradeCheck m_upgradeCheck;
    QString m_owner;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    QMetaObject::Connection m_readConnection;
    Phase m_phase = Phase::Head;
    QByteArray m_head; // the head of the current request so far
    qint64 m_bodyLeft = 0;
    qint64 m_qtRead = 0; // stream offset Qt HttpServer has read up to
    qint64 m_unreadSeen = 0; // bytes at the front of the socket buffer already scanned
    std::deque<qint64> m_requestEnds; // stream offsets where known requests end
    qint64 m_drainLeft = 0;
    qint64 m_closeAt = -1; // stream offset where a request that ends the connection ends
    bool m_awaitingResponse = false;
    bool m_closing = false;
    bool m_evicted = false;
    // After an accepted upgrade: readyRead connections seen since Qt took the socket over, and
    // whether the handshake is done (its head no longer in the buffer).
    int m_webSocketConnects = -1; // -1: Qt has not taken the socket over
    bool m_webSocketOpen = false;
    WebSocketFrameReader m_frames;
    // Timers are armed lazily (checked against these clocks when they fire), so a request that
    // arrives whole costs no timer operations.
    QElapsedTimer m_lastActivity;
    QElapsedTimer m_requestStarted; // invalid when no request is under way
    QTimer m_idleTimer;
    QTimer m_requestTimer;
};

} // namespace Countersign
