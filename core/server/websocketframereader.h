#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Countersign {

// Reads what a WebSocket client sends on GET /v1/events (RFC 6455 section 5), byte by byte as
// it arrives, and says what the server must do about it. Clients have nothing to tell this
// endpoint, so data frames are checked and dropped; pings want a pong, a close wants a close.
// Anything the RFC forbids a client to send ends the connection with 1002 (protocol error):
// an unmasked frame (section 5.1), reserved bits or opcodes, a fragmented or oversized control
// frame, a continuation out of place. A data frame or message over `maxMessageBytes`: 1009.
class WebSocketFrameReader
{
public:
    explicit WebSocketFrameReader(qint64 maxMessageBytes);

    struct Event {
        enum class Kind { Ping, Close, Violation };
        Kind kind = Kind::Ping;
        QByteArray payload; // Ping: what the pong echoes
        quint16 closeCode = 0; // Close: the client's code (0: none given); Violation: the code to close with
        QString reason; // Violation: why, for the close frame and the log
    };

    // Everything `bytes` completes, in order. After a Close or a Violation the rest is ignored.
    QList<Event> feed(QByteArrayView bytes);
    bool finished() const { return m_finished; }

    // A frame the server sends (never masked): FIN set, `opcode`, `payload` (<= 125 bytes for
    // control frames).
    static QByteArray frame(quint8 opcode, QByteArrayView payload);
    static QByteArray closeFrame(quint16 code, const QString &reason);

private:
    // Returns false when the frame header in m_header is not complete yet.
    bool parseHeader(QList<Event> &events);
    void violation(QList<Event> &events, quint16 code, const QString &reason);
    void frameDone(QList<Event> &events);

    qint64 m_maxMessageBytes;
    QByteArray m_header; // the current frame's header while it arrives (2..14 bytes)
    bool m_inPayload = false;
    quint8 m_opcode = 0;
    bool m_fin = false;
    quint64 m_payloadLeft = 0;
    quint64 m_payloadOffset = 0;
    quint8 m_mask[4] = {};
    QByteArray m_controlPayload; // unmasked, for ping and close
    bool m_inMessage = false; // a fragmented data message is open
    quint64 m_messageBytes = 0;
    bool m_finished = false;
};

} // namespace Countersign
