#pragma once

#include <QByteArray>
#include <QTcpSocket>

namespace Countersign::Test {

// A raw HTTP client over a plain TCP socket, to send what well-behaved clients never would
// (malformed framing, trickled bytes, pipelined requests) and to see exactly what comes back.
struct RawHttpClient {
    QTcpSocket socket;
    QByteArray received;

    bool connectTo(quint16 port);
    void send(const QByteArray &bytes);
    // Processes events until one full response is buffered; returns its status (0 if none).
    // The response's head goes to `head` and its body to `body` when given.
    int response(int timeoutMs = 5000, QByteArray *body = nullptr, QByteArray *head = nullptr);
    // True once the server has closed the connection (within timeoutMs).
    bool closedWithin(int timeoutMs);
};

} // namespace Countersign::Test
