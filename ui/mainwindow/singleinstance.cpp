#include "singleinstance.h"

#include "domain/openlink.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace Countersign {

namespace {

constexpr qint64 MaxLine = 8192; // a link is at most a few kilobytes

} // namespace

SingleInstance::SingleInstance(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultName()
{
    const QByteArray home = QCryptographicHash::hash(QDir::homePath().toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("countersign-") + QString::fromLatin1(home.left(16));
}

bool SingleInstance::listen()
{
    // Asked first: with access options Qt binds a fresh socket and renames it over the name,
    // so listen() alone would succeed and take the name from a running instance.
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(500))
        return false;
    QLocalServer::removeServer(m_name); // a socket left by a crash
    return m_server->listen(m_name);
}

bool SingleInstance::forward(const QString &name, const QString &link, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(link.toUtf8() + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine().trimmed() == "ok";
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > MaxLine)
                    socket->abort();
                return;
            }
            const QString line = QString::fromUtf8(socket->readLine(MaxLine)).trimmed();
            const bool valid = OpenLink::parse(line).has_value();
            socket->write(valid ? "ok\n" : "bad\n");
            socket->flush();
            socket->disconnectFromServer();
            if (valid)
                Q_EMIT linkReceived(line);
        });
    }
}

} // namespace Countersign
