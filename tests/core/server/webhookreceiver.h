#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include <optional>

namespace Countersign::Test {

// A webhook receiver on loopback for tests: a plain QTcpServer that reads HTTP/1.1 requests
// (head and Content-Length body), records them, and answers each with the next status of its
// script (then `fallback`). Header names are kept lower-case.
class WebhookReceiver : public QObject
{
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    };

    explicit WebhookReceiver(QObject *parent = nullptr);
    ~WebhookReceiver() override;
    // Listens on 127.0.0.1 (`port` 0: any free port).
    bool listen(quint16 port = 0);
    void close() { m_server.close(); }
    quint16 port() const { return m_port; }
    QString url(const QString &path = QStringLiteral("/hook")) const;

    // The statuses of the next answers, in order; `fallback` after them.
    void script(const QList<int> &statuses, int fallback = 200);
    const QList<Request> &requests() const { return m_requests; }

Q_SIGNALS:
    void received();

private:
    void onConnection();
    void onReadable(QTcpSocket *socket);

    QTcpServer m_server;
    quint16 m_port = 0;
    QList<int> m_script;
    int m_fallback = 200;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace Countersign::Test
