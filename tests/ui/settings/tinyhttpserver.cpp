#include "tinyhttpserver.h"

#include <QTcpSocket>

#include <memory>

namespace Countersign::Test {

TinyHttpServer::TinyHttpServer(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection())
            serve(socket);
    });
}

bool TinyHttpServer::start(quint16 port)
{
    return (port != 0 && listen(QHostAddress::LocalHost, port)) || listen(QHostAddress::LocalHost, 0);
}

QUrl TinyHttpServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort()));
}

void TinyHttpServer::setReply(int status, const QByteArray &body, const QByteArray &contentType)
{
    m_status = status;
    m_body = body;
    m_contentType = contentType;
}

void TinyHttpServer::serve(QTcpSocket *socket)
{
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer->left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        m_method = requestLine.value(0);
        m_path = requestLine.value(1);
        m_headers.clear();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                m_headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        ++m_requests;
        const QByteArray reason = m_status == 200 ? "OK" : m_status == 401 ? "Unauthorized" : "Status";
        QByteArray reply = "HTTP/1.1 " + QByteArray::number(m_status) + ' ' + reason + "\r\n";
        reply += "Content-Type: " + m_contentType + "\r\n";
        reply += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n";
        reply += "Connection: close\r\n\r\n";
        reply += m_body;
        socket->write(reply);
        socket->disconnectFromHost();
    });
}

} // namespace Countersign::Test
