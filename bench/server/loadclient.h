#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTcpSocket>

#include <functional>

// A minimal HTTP/1.1 keep-alive client for load: one request at a time per connection, the
// response parsed just enough (status, Content-Length, body). Cheap on the client side so the
// measured figures are the server's.
class LoadConnection : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(int status, const QByteArray &body, qint64 nanos)>;

    explicit LoadConnection(quint16 port, QObject *parent = nullptr);
    bool open(int timeoutMs = 5000);
    void send(const QByteArray &request, Done done);
    bool busy() const { return bool(m_done); }

    static QByteArray request(
        const QByteArray &verb, const QByteArray &path, const QByteArray &token, const QByteArray &body = {});

    // Runs the client's event loop until something happens (or a millisecond passes). Blocking,
    // not spinning: the load generator shares the cores with the servers it measures, and a
    // spinning client would take one of the two from them.
    static void waitForEvents();

private:
    void onReadyRead();

    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    Done m_done;
    QElapsedTimer m_timer;
};
