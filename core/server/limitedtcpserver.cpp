#include "limitedtcpserver.h"

#include "guardedsocket.h"
#include "httperrors.h"
#include "logging.h"

#include <QTimer>

namespace Countersign {

namespace {

constexpr int RefusedGraceMs = 2000; // a refused client that does not close is cut off

void decrement(auto &counts, const auto &key)
{
    auto it = counts.find(key);
    if (it == counts.end())
        return;
    if (--it.value() <= 0)
        counts.erase(it);
}

} // namespace

LimitedTcpServer::LimitedTcpServer(const ServerLimits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{ }

void LimitedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new GuardedSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcServer) << "cannot adopt an accepted socket:" << socket->errorString();
        delete socket;
        return;
    }
    const QHostAddress address = socket->peerAddress();
    const quint16 port = socket->peerPort();
    // An address's share first: connections that merely sit there make room for their own
    // address's newcomers, not for everyone's. At the server's cap too, the answer is the 503.
    auto serverFull = [this] {
        return m_open - m_evictedOpen >= m_limits.maxConnections;
    };
    auto refuseFull = [this, socket] {
        qCWarning(lcServer) << "refusing a connection: already" << m_open << "open";
        refuse(socket, 503, "Service Unavailable", Error::unavailable(QStringLiteral("too many open connections")));
    };
    if (m_perAddress.value(address) >= m_limits.perAddress() && !evictIdlest([&address](const ConnectionGuard *g) {
            return g->owner().isEmpty() && g->peerAddress() == address;
        })) {
        if (serverFull()) {
            refuseFull();
            return;
        }
        qCWarning(lcServer).noquote() << "refusing a connection from" << address.toString() << ": already"
                                      << m_perAddress.value(address) << "open without a token";
        refuse(socket, 429, "Too Many Requests",
            HttpErrors::rateLimited(QStringLiteral("too many connections from this address")));
        return;
    }
    if (serverFull() && !evictIdlest([](const ConnectionGuard *) {
            return true;
        })) {
        refuseFull();
        return;
    }
    accept(socket, address, port);
}

void LimitedTcpServer::accept(GuardedSocket *socket, const QHostAddress &address, quint16 port)
{
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // The guard connects to readyRead before Qt HttpServer does, so it sees each request first.
    auto *guard = new ConnectionGuard(socket, m_limits, m_upgradeCheck);
    ++m_open;
    m_guards.insert(guard);
    m_byPeer.insert(Peer{address, port}, guard);
    ++m_perAddress[address];
    // Emitted from the guard's destructor: the guard is still whole, its socket is not.
    connect(guard, &ConnectionGuard::gone, this, [this, guard, address, port] {
        --m_open;
        if (guard->isEvicted())
            --m_evictedOpen;
        uncount(guard);
        m_uncounted.remove(guard);
        m_guards.remove(guard);
        if (m_byPeer.value(Peer{address, port}) == guard)
            m_byPeer.remove(Peer{address, port});
    });
    connect(guard, &ConnectionGuard::rejected, this, &LimitedTcpServer::requestRejected);
    connect(guard, &ConnectionGuard::closed, this, &LimitedTcpServer::connectionClosed);
    addPendingConnection(socket);
}

std::optional<AdmissionRefusal> LimitedTcpServer::attribute(
    const QHostAddress &address, quint16 port, const QString &tokenName)
{
    ConnectionGuard *guard = m_byPeer.value(Peer{address, port});
    if (!guard || m_uncounted.contains(guard) || guard->owner() == tokenName)
        return std::nullopt;
    if (m_perToken.value(tokenName) >= m_limits.perToken()
        && !evictIdlest([&tokenName, guard](const ConnectionGuard *g) {
               return g != guard && g->owner() == tokenName;
           })) {
        qCInfo(lcServer).noquote() << "refusing a request of" << tokenName << ": its token holds"
                                   << m_perToken.value(tokenName) << "connections";
        return AdmissionRefusal{429,
            HttpErrors::rateLimited(QStringLiteral("this token holds %1 connections, its share of the server; close "
                                                   "some or retry later")
                    .arg(m_perToken.value(tokenName))),
            1};
    }
    uncount(guard);
    guard->setOwner(tokenName);
    ++m_perToken[tokenName];
    return std::nullopt;
}

void LimitedTcpServer::uncount(ConnectionGuard *guard)
{
    if (m_uncounted.contains(guard))
        return;
    if (guard->owner().isEmpty())
        decrement(m_perAddress, guard->peerAddress());
    else
        decrement(m_perToken, guard->owner());
}

bool LimitedTcpServer::evictIdlest(const std::function<bool(const ConnectionGuard *)> &matches)
{
    ConnectionGuard *idlest = nullptr;
    for (ConnectionGuard *guard : std::as_const(m_guards)) {
        if (!guard->isEvicted() && guard->isIdle() && matches(guard) && (!idlest || guard->idleMs() > idlest->idleMs()))
            idlest = guard;
    }
    if (!idlest)
        return false;
    ++m_evictions;
    ++m_evictedOpen;
    uncount(idlest);
    m_uncounted.insert(idlest);
    idlest->evict();
    return true;
}

void LimitedTcpServer::refuse(GuardedSocket *socket, int status, const QByteArray &reason, const Error &error)
{
    ++m_refused;
    const QByteArray body = HttpErrors::bodyBytes(error);
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/json\r\nRetry-After: 1\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body);
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(RefusedGraceMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->disconnectFromHost();
}

} // namespace Countersign
