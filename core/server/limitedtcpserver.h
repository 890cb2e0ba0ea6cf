#pragma once

#include "serverconfig.h"

#include <QHostAddress>
#include <QTcpServer>

namespace Countersign {

// The listening socket handed to QHttpServer::bind(). It caps the number of open connections
// (503 beyond) and puts a ConnectionGuard on every accepted socket before Qt HttpServer sees it.
class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit LimitedTcpServer(const ServerLimits &limits, QObject *parent = nullptr);

    int openConnections() const { return m_open; }
    qint64 refusedConnections() const { return m_refused; }

Q_SIGNALS:
    void requestRejected(int status);
    void connectionClosed(const QHostAddress &peerAddress, quint16 peerPort);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void refuse(qintptr socketDescriptor);

    ServerLimits m_limits;
    int m_open = 0;
    qint64 m_refused = 0;
};

} // namespace Countersign
