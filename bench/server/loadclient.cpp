#include "loadclient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>

LoadConnection::LoadConnection(quint16 port, QObject *parent)
    : QObject(parent)
    , m_port(port)
{
    connect(&m_socket, &QIODevice::readyRead, this, &LoadConnection::onReadyRead);
}

bool LoadConnection::open(int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, m_port);
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::ConnectedState && !deadline.hasExpired())
        waitForEvents();
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void LoadConnection::waitForEvents()
{
    // A heartbeat bounds each wait, so loops that also watch a clock keep going.
    static QTimer *heartbeat = [] {
        auto *t = new QTimer(QCoreApplication::instance());
        t->start(1);
        return t;
    }();
    Q_UNUSED(heartbeat)
    QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
}

QByteArray LoadConnection::request(
    const QByteArray &verb, const QByteArray &path, const QByteArray &token, const QByteArray &body)
{
    QByteArray r = verb + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty() || verb == "POST")
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

void LoadConnection::send(const QByteArray &request, Done done)
{
    m_done = std::move(done);
    m_timer.start();
    m_socket.write(request);
}

void LoadConnection::onReadyRead()
{
    m_buffer += m_socket.readAll();
    for (;;) {
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        qint64 length = 0;
        const QByteArray head = m_buffer.first(headEnd).toLower();
        const qsizetype at = head.indexOf("content-length:");
        if (at >= 0)
            length = head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        if (m_buffer.size() < headEnd + 4 + length)
            return;
        const int status = m_buffer.mid(9, 3).toInt();
        const QByteArray body = m_buffer.mid(headEnd + 4, length);
        m_buffer.remove(0, headEnd + 4 + length);
        const qint64 nanos = m_timer.nsecsElapsed();
        Done done = std::exchange(m_done, {});
        if (done)
            done(status, body, nanos);
    }
}
