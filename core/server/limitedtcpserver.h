#pragma once

#include "admissionrefusal.h"
#include "connectionguard.h"
#include "serverconfig.h"

#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QTcpServer>

#include <optional>

namespace Countersign {

class GuardedSocket;

// The listening socket handed to QHttpServer::bind(). It caps the number of open connections
// and puts a ConnectionGuard on every accepted socket before Qt HttpServer sees it. At the cap
// a new connection replaces the longest idle one; only when none is idle does it get a 503.
//
// Within the cap no one client may take everything: a connection counts for its address until
// a request on it authenticates, then for that token (attribute()). An address or a token at
// its share (ServerLimits::perAddress(), perToken()) first loses its own longest idle
// connection; when none is idle the newcomer gets 429 with Retry-After.
class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit LimitedTcpServer(const ServerLimits &limits, QObject *parent = nullptr);

    // Given to each guard (see ConnectionGuard::UpgradeCheck).
    void setUpgradeCheck(ConnectionGuard::UpgradeCheck check) { m_upgradeCheck = std::move(check); }
    // The connection from address:port carries a request of this token: count it for the token.
    std::optional<AdmissionRefusal> attribute(const QHostAddress &address, quint16 port, const QString &tokenName);

    int openConnections() const { return m_open; }
    int connectionsOf(const QString &tokenName) const { return m_perToken.value(tokenName); }
    int unattributedFrom(const QHostAddress &address) const { return m_perAddress.value(address); }
    qint64 refusedConnections() const { return m_refused; }
    qint64 evictedConnections() const { return m_evictions; }

Q_SIGNALS:
    void requestRejected(int status);
    void connectionClosed(const QHostAddress &peerAddress, quint16 peerPort);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    using Peer = std::pair<QHostAddress, quint16>;

    void accept(GuardedSocket *socket, const QHostAddress &address, quint16 port);
    void refuse(GuardedSocket *socket, int status, const QByteArray &reason, const Error &error);
    // The longest idle connection among those `matches` accepts, closed to make room.
    bool evictIdlest(const std::function<bool(const ConnectionGuard *)> &matches);
    void uncount(ConnectionGuard *guard);

    ServerLimits m_limits;
    ConnectionGuard::UpgradeCheck m_upgradeCheck;
    QSet<ConnectionGuard *> m_guards;
    QHash<Peer, ConnectionGuard *> m_byPeer;
    QHash<QHostAddress, int> m_perAddress; // connections no token has been seen on yet
    QHash<QString, int> m_perToken;
    QSet<ConnectionGuard *> m_uncounted; // evicted: their share is free again already
    int m_open = 0; // evicted ones included until their socket is gone
    int m_evictedOpen = 0;
    qint64 m_refused = 0;
    qint64 m_evictions = 0;
};

} // namespace Countersign
