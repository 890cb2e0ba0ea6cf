#include "smtpsink.h"

#include <QTcpSocket>

#include <memory>

namespace Countersign::Test {

struct SmtpSink::Session {
    QByteArray buffer;
    bool inData = false;
    Message message;
};

QByteArray SmtpSink::Message::header(const QByteArray &name) const
{
    const QByteArray head = data.left(data.indexOf("\r\n\r\n"));
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        QByteArray value = line.mid(colon + 1).trimmed();
        // Folded lines continue with white space.
        while (i + 1 < lines.size() && (lines.at(i + 1).startsWith(' ') || lines.at(i + 1).startsWith('\t')))
            value += ' ' + lines.at(++i).trimmed();
        return value;
    }
    return {};
}

QByteArray SmtpSink::Message::body() const
{
    const qsizetype blank = data.indexOf("\r\n\r\n");
    return blank < 0 ? QByteArray() : data.mid(blank + 4);
}

SmtpSink::SmtpSink(Mode mode, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
{
    connect(&m_server, &QTcpServer::newConnection, this, &SmtpSink::accept);
}

bool SmtpSink::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl SmtpSink::url() const
{
    return QUrl(QStringLiteral("smtp://127.0.0.1:%1").arg(m_server.serverPort()));
}

void SmtpSink::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (m_mode == Mode::Hang)
            continue; // never greets; the client has to give up
        auto session = std::make_shared<Session>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, session] {
            readFrom(socket, session.get());
        });
        socket->write("220 sink.test ESMTP ready\r\n");
    }
}

void SmtpSink::readFrom(QTcpSocket *socket, Session *session)
{
    session->buffer += socket->readAll();
    qsizetype end;
    while ((end = session->buffer.indexOf("\r\n")) >= 0) {
        const QByteArray line = session->buffer.left(end);
        session->buffer.remove(0, end + 2);
        if (!session->inData) {
            command(socket, session, line);
            continue;
        }
        if (line == ".") {
            session->inData = false;
            m_messages.append(session->message);
            session->message = Message();
            socket->write("250 2.0.0 queued\r\n");
            Q_EMIT received();
            continue;
        }
        session->message.data += (line.startsWith('.') ? line.mid(1) : line) + "\r\n";
    }
}

void SmtpSink::command(QTcpSocket *socket, Session *session, const QByteArray &line)
{
    const QByteArray verb = line.left(4).toUpper();
    auto address = [&line] {
        const qsizetype open = line.indexOf('<');
        const qsizetype close = line.indexOf('>', open);
        return QString::fromUtf8(line.mid(open + 1, close - open - 1));
    };
    if (verb == "EHLO") {
        socket->write("250-sink.test\r\n250 SIZE 1000000\r\n");
    } else if (verb == "HELO") {
        socket->write("250 sink.test\r\n");
    } else if (verb == "MAIL") {
        session->message = Message();
        session->message.from = address();
        socket->write("250 2.1.0 ok\r\n");
    } else if (verb == "RCPT") {
        if (m_mode == Mode::Refuse) {
            ++m_refusals;
            socket->write("550 5.1.1 no such user here\r\n");
        } else {
            session->message.to.append(address());
            socket->write("250 2.1.5 ok\r\n");
        }
    } else if (verb == "DATA") {
        session->inData = true;
        socket->write("354 end with <CRLF>.<CRLF>\r\n");
    } else if (verb == "RSET") {
        session->message = Message();
        socket->write("250 ok\r\n");
    } else if (verb == "NOOP") {
        socket->write("250 ok\r\n");
    } else if (verb == "QUIT") {
        socket->write("221 bye\r\n");
        socket->disconnectFromHost();
    } else {
        socket->write("502 5.5.2 not implemented\r\n");
    }
}

} // namespace Countersign::Test
