#pragma once

#include <QTcpSocket>

namespace Countersign {

// The sockets LimitedTcpServer hands to Qt HttpServer. The only addition: it can tell whether
// anyone besides the ConnectionGuard listens to readyRead, i.e. whether Qt HttpServer will read
// during the current emission (it disconnects while a request is being answered).
class GuardedSocket : public QTcpSocket
{
    Q_OBJECT
public:
    using QTcpSocket::QTcpSocket;

    int readyReadListeners() const { return receivers(SIGNAL(readyRead())); }
};

} // namespace Countersign
