#include "websocketframereader.h"

#include <QtEndian>

namespace Countersign {

namespace {

constexpr quint16 ProtocolError = 1002;
constexpr quint16 MessageTooBig = 1009;

enum Opcode : quint8 { Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };

bool isControl(quint8 opcode)
{
    return opcode >= 0x8;
}

} // namespace

WebSocketFrameReader::WebSocketFrameReader(qint64 maxMessageBytes)
    : m_maxMessageBytes(qMax<qint64>(125, maxMessageBytes))
{ }

QList<WebSocketFrameReader::Event> WebSocketFrameReader::feed(QByteArrayView bytes)
{
    QList<Event> events;
    qsizetype pos = 0;
    while (pos < bytes.size() && !m_finished) {
        if (!m_inPayload) {
            m_header.append(bytes[pos++]);
            if (!parseHeader(events))
                continue;
            if (!m_finished && m_payloadLeft == 0)
                frameDone(events);
            continue;
        }
        const qsizetype take = qsizetype(qMin<quint64>(m_payloadLeft, quint64(bytes.size() - pos)));
        if (isControl(m_opcode)) {
            for (qsizetype i = 0; i < take; ++i)
                m_controlPayload.append(char(quint8(bytes[pos + i]) ^ m_mask[(m_payloadOffset + quint64(i)) % 4]));
        }
        // Data frames: nothing to keep, the bytes are counted and dropped.
        pos += take;
        m_payloadOffset += quint64(take);
        m_payloadLeft -= quint64(take);
        if (m_payloadLeft == 0)
            frameDone(events);
    }
    return events;
}

bool WebSocketFrameReader::parseHeader(QList<Event> &events)
{
    if (m_header.size() < 2)
        return false;
    const auto b0 = quint8(m_header.at(0));
    const auto b1 = quint8(m_header.at(1));
    const quint8 lengthCode = b1 & 0x7F;
    const qsizetype lengthBytes = lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0;
    if (m_header.size() == 2) {
        // Everything but the length and the mask is known now: refuse early.
        m_fin = b0 & 0x80;
        m_opcode = b0 & 0x0F;
        if (b0 & 0x70) {
            violation(events, ProtocolError, QStringLiteral("reserved bits set without an extension"));
            return true;
        }
        if (!(b1 & 0x80)) {
            violation(events, ProtocolError, QStringLiteral("client frames must be masked (RFC 6455 section 5.1)"));
            return true;
        }
        const bool known = m_opcode <= Binary || (m_opcode >= Close && m_opcode <= Pong);
        if (!known) {
            violation(events, ProtocolError, QStringLiteral("reserved opcode %1").arg(m_opcode));
            return true;
        }
        if (isControl(m_opcode) && (!m_fin || lengthCode > 125)) {
            violation(events, ProtocolError, QStringLiteral("control frames must be whole and at most 125 bytes"));
            return true;
        }
        if (m_opcode == Continuation && !m_inMessage) {
            violation(events, ProtocolError, QStringLiteral("a continuation frame without a message to continue"));
            return true;
        }
        if ((m_opcode == Text || m_opcode == Binary) && m_inMessage) {
            violation(events, ProtocolError, QStringLiteral("a new message inside a fragmented one"));
            return true;
        }
    }
    if (m_header.size() < 2 + lengthBytes + 4)
        return false;
    quint64 length = lengthCode;
    if (lengthBytes == 2)
        length = qFromBigEndian<quint16>(m_header.constData() + 2);
    else if (lengthBytes == 8)
        length = qFromBigEndian<quint64>(m_header.constData() + 2);
    if (lengthBytes == 8 && (length >> 63)) {
        violation(events, ProtocolError, QStringLiteral("the payload length has its top bit set"));
        return true;
    }
    if (!isControl(m_opcode)) {
        const quint64 limit = quint64(m_maxMessageBytes);
        if (length > limit || m_messageBytes + length > limit) {
            violation(events, MessageTooBig, QStringLiteral("message larger than %1 bytes").arg(m_maxMessageBytes));
            return true;
        }
        m_messageBytes += length;
    }
    for (int i = 0; i < 4; ++i)
        m_mask[i] = quint8(m_header.at(2 + lengthBytes + i));
    m_header.clear();
    m_payloadLeft = length;
    m_payloadOffset = 0;
    m_controlPayload.clear();
    m_inPayload = true;
    return true;
}

void WebSocketFrameReader::frameDone(QList<Event> &events)
{
    m_inPayload = false;
    switch (m_opcode) {
    case Ping:
        events.append(Event{Event::Kind::Ping, m_controlPayload, 0, {}});
        break;
    case Close: {
        if (m_controlPayload.size() == 1) {
            violation(events, ProtocolError, QStringLiteral("a close frame with a one-byte body"));
            return;
        }
        const quint16 code = m_controlPayload.size() >= 2 ? qFromBigEndian<quint16>(m_controlPayload.constData()) : 0;
        events.append(Event{Event::Kind::Close, {}, code, {}});
        m_finished = true;
        break;
    }
    case Pong:
        break;
    default: // data: a message ends with its FIN frame
        m_inMessage = !m_fin;
        if (m_fin)
            m_messageBytes = 0;
        break;
    }
}

void WebSocketFrameReader::violation(QList<Event> &events, quint16 code, const QString &reason)
{
    events.append(Event{Event::Kind::Violation, {}, code, reason});
    m_finished = true;
}

QByteArray WebSocketFrameReader::frame(quint8 opcode, QByteArrayView payload)
{
    QByteArray out;
    out.append(char(0x80 | (opcode & 0x0F)));
    if (payload.size() < 126) {
        out.append(char(payload.size()));
    } else if (payload.size() <= 0xFFFF) {
        out.append(char(126));
        out.append(char((payload.size() >> 8) & 0xFF));
        out.append(char(payload.size() & 0xFF));
    } else {
        out.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((quint64(payload.size()) >> shift) & 0xFF));
    }
    out.append(payload);
    return out;
}

QByteArray WebSocketFrameReader::closeFrame(quint16 code, const QString &reason)
{
    QByteArray payload;
    if (code != 0) {
        payload.append(char(code >> 8));
        payload.append(char(code & 0xFF));
        payload.append(reason.toUtf8().left(123));
    }
    return frame(Close, payload);
}

} // namespace Countersign
