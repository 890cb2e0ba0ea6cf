#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace Countersign::Test {

// A small SMTP server on loopback for the email tests: greets, takes EHLO/HELO, MAIL FROM, RCPT
// TO, DATA up to the lone ".", RSET, NOOP and QUIT, and records each message. It can also
// refuse every recipient (550) or take connections and never greet (a hung relay).
class SmtpSink : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Accept, Refuse, Hang };
    struct Message {
        QString from;
        QStringList to;
        QByteArray data; // as sent, dot-stuffing undone, lines ending in CRLF

        QByteArray header(const QByteArray &name) const; // the first such header's value, unfolded
        QByteArray body() const; // after the blank line
    };

    explicit SmtpSink(Mode mode = Mode::Accept, QObject *parent = nullptr);

    bool listen();
    QUrl url() const; // smtp://127.0.0.1:PORT
    void setMode(Mode mode) { m_mode = mode; }

    const QList<Message> &messages() const { return m_messages; }
    int connections() const { return m_connections; }
    int refusals() const { return m_refusals; }

Q_SIGNALS:
    void received();

private:
    struct Session;
    void accept();
    void readFrom(QTcpSocket *socket, Session *session);
    void command(QTcpSocket *socket, Session *session, const QByteArray &line);

    QTcpServer m_server;
    Mode m_mode;
    QList<Message> m_messages;
    int m_connections = 0;
    int m_refusals = 0;
};

} // namespace Countersign::Test
