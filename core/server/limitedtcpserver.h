#pragma once

#include "serverconfig.h"

#include <QHostAddress>
#include <QSet>
#include <QTcpServer>

namespace Countersign {

class ConnectionGuard;

// The listening socket handed to QHttpServer::bind(). It caps the number of open connections
// and puts a ConnectionGuard on every accepted socket before Qt HttpServer sees it. At the cap
// a new connection replaces the longest idle one; only when none is idle does it get a 503.
class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit LimitedTcpServer(const ServerLimits &limits, QObject *parent = nullptr);

    int openConnections() const { return m_open; }
    qint64 refusedConnections() const { return m_refused; }
    qint64 evictedConnections() const { return m_evictions; }

Q_SIGNALS:
    void requestRejected(int status);
    void connectionClosed(const QHostAddress &peerAddress, quint16 peerPort);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void refuse(qintptr socketDescriptor);
    bool evictIdlest();

    ServerLimits m_limits;
    QSet<ConnectionGuard *> m_guards;
    int m_open = 0; // evicted ones included until their socket is gone
    int m_evictedOpen = 0;
    qint64 m_refused = 0;
    qint64 m_evictions = 0;
};

} // namespace Countersign
