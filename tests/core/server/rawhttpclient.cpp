#include "rawhttpclient.h"

#include "server/requesthead.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTest>

namespace Countersign::Test {

bool RawHttpClient::connectTo(quint16 port)
{
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(5000);
}

void RawHttpClient::send(const QByteArray &bytes)
{
    socket.write(bytes);
    socket.flush();
}

int RawHttpClient::response(int timeoutMs, QByteArray *body, QByteArray *head)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        received += socket.readAll();
        const qsizetype end = RequestHead::findEnd(received);
        if (end > 0) {
            const QByteArray responseHead = received.first(end);
            qint64 length = 0;
            for (const QByteArray &line : responseHead.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (received.size() >= end + length) {
                if (body)
                    *body = received.mid(end, length);
                if (head)
                    *head = responseHead;
                const int status = responseHead.split(' ').value(1).toInt();
                received.remove(0, end + length);
                return status;
            }
        }
        if (socket.state() == QAbstractSocket::UnconnectedState && socket.bytesAvailable() == 0)
            return 0;
        QTest::qWait(5); // polls the socket; the loop ends as soon as the answer is whole
    }
    return 0;
}

bool RawHttpClient::closedWithin(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        received += socket.readAll();
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        QTest::qWait(5);
    }
    return false;
}

} // namespace Countersign::Test
