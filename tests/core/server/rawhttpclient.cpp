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
    int status = 0;
    // Polls the socket; ends as soon as the answer is whole or the connection is gone.
    (void)QTest::qWaitFor(
        [&] {
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
                    status = responseHead.split(' ').value(1).toInt();
                    received.remove(0, end + length);
                    return true;
                }
            }
            return socket.state() == QAbstractSocket::UnconnectedState && socket.bytesAvailable() == 0;
        },
        timeoutMs);
    return status;
}

bool RawHttpClient::closedWithin(int timeoutMs)
{
    return QTest::qWaitFor(
        [this] {
            received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
}

} // namespace Countersign::Test
