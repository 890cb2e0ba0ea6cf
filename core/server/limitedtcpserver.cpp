#include "limitedtcpserver.h"

#include "connectionguard.h"
#include "guardedsocket.h"
#include "httperrors.h"
#include "logging.h"

#include <QTcpSocket>

namespace Countersign {

LimitedTcpServer::LimitedTcpServer(const ServerLimits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{ }

void LimitedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    if (m_open - m_evictedOpen >= m_limits.maxConnections && !evictIdlest()) {
        refuse(socketDescriptor);
        return;
    }
    auto *socket = new GuardedSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcServer) << "cannot adopt an accepted socket:" << socket->errorString();
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // The guard connects to readyRead before Qt HttpServer does, so it sees each request first.
    auto *guard = new ConnectionGuard(socket, m_limits);
    ++m_open;
    m_guards.insert(guard);
    // Emitted from the guard's destructor: the guard is still whole, its socket is not.
    connect(guard, &ConnectionGuard::gone, this, [this, guard] {
        --m_open;
        if (guard->isEvicted())
            --m_evictedOpen;
        m_guards.remove(guard);
    });
    connect(guard, &ConnectionGuard::rejected, this, &LimitedTcpServer::requestRejected);
    connect(guard, &ConnectionGuard::closed, this, &LimitedTcpServer::connectionClosed);
    addPendingConnection(socket);
}

bool LimitedTcpServer::evictIdlest()
{
    ConnectionGuard *idlest = nullptr;
    for (ConnectionGuard *guard : std::as_const(m_guards)) {
        if (!guard->isEvicted() && guard->isIdle() && (!idlest || guard->idleMs() > idlest->idleMs()))
            idlest = guard;
    }
    if (!idlest)
        return false;
    ++m_evictions;
    ++m_evictedOpen;
    idlest->evict();
    return true;
}

void LimitedTcpServer::refuse(qintptr socketDescriptor)
{
    ++m_refused;
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    qCWarning(lcServer) << "refusing a connection: already" << m_open << "open";
    const QByteArray body = HttpErrors::bodyBytes(Error::unavailable(QStringLiteral("too many open connections")));
    socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                  "Content-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

} // namespace Countersign
