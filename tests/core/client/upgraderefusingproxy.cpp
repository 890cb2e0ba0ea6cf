#include "upgraderefusingproxy.h"

#include <QPointer>
#include <QTcpSocket>

namespace Countersign::Test {

UpgradeRefusingProxy::UpgradeRefusingProxy(quint16 upstreamPort, QObject *parent)
    : QTcpServer(parent)
    , m_upstreamPort(upstreamPort)
{
    connect(this, &QTcpServer::pendingConnectionAvailable, this, &UpgradeRefusingProxy::accept);
}

void UpgradeRefusingProxy::accept()
{
    while (QTcpSocket *client = nextPendingConnection()) {
        auto *upstream = new QTcpSocket(client);
        auto head = std::make_shared<QByteArray>();
        auto decided = std::make_shared<bool>(false);
        connect(client, &QTcpSocket::readyRead, this, [this, client, upstream, head, decided] {
            if (*decided) {
                upstream->write(client->readAll());
                return;
            }
            *head += client->readAll();
            if (!head->contains("\r\n\r\n"))
                return;
            *decided = true;
            if (m_refusing && head->toLower().contains("upgrade: websocket")) {
                ++m_refused;
                client->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                client->disconnectFromHost();
                return;
            }
            upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
            upstream->write(*head); // buffered until connected
        });
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] {
            client->write(upstream->readAll());
        });
        connect(upstream, &QTcpSocket::disconnected, client, [client] {
            client->disconnectFromHost();
        });
        connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
            upstream->disconnectFromHost();
            client->deleteLater();
        });
    }
}

} // namespace Countersign::Test
