#pragma once

#include <QByteArray>
#include <QHash>
#include <QTcpServer>
#include <QUrl>

namespace Countersign::Test {

// A minimal HTTP/1.1 server on loopback for dialog tests: answers every request with one
// configured status and JSON body and remembers the last request line and headers.
class TinyHttpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit TinyHttpServer(QObject *parent = nullptr);

    // Listens on 127.0.0.1, on `port` if free, else on any port.
    bool start(quint16 port = 0);
    QUrl url() const;
    void setReply(int status, const QByteArray &body, const QByteArray &contentType = "application/json");

    QByteArray lastMethod() const { return m_method; }
    QByteArray lastPath() const { return m_path; }
    QByteArray lastHeader(const QByteArray &name) const { return m_headers.value(name.toLower()); }
    int requestCount() const { return m_requests; }

private:
    void serve(QTcpSocket *socket);

    int m_status = 200;
    QByteArray m_body;
    QByteArray m_contentType;
    QByteArray m_method;
    QByteArray m_path;
    QHash<QByteArray, QByteArray> m_headers;
    int m_requests = 0;
};

} // namespace Countersign::Test
