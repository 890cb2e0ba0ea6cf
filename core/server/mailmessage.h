#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Countersign {

// One plain-text email as AlertMailPlanner decides it and SmtpSender sends it. toRfc5322()
// writes the message itself: Date, Message-ID, From, To, Subject (an RFC 2047 encoded word
// when it is not ASCII), MIME-Version and a UTF-8 text/plain body (base64 when not ASCII, so
// no 8BITMIME is needed of the relay), lines ending in CRLF.
struct MailMessage {
    QString kind; // "escalation", "queue.alert", "queue.cleared": for logs and metrics
    QString from;
    QStringList to;
    QString subject;
    QString body; // lines end in \n; written with CRLF
    QDateTime date;
    QString messageId; // without the angle brackets: <messageId>

    QByteArray toRfc5322() const;

    // "Sat, 05 Dec 2026 03:28:33 +0000" (RFC 5322 section 3.3)
    static QByteArray dateHeader(const QDateTime &time);
    // The text as is when it is printable ASCII, else =?UTF-8?B?...?= words of at most 75
    // characters, never splitting a character.
    static QByteArray encodeHeader(const QString &text);
    // Something that can be an SMTP mailbox: ASCII local@domain, no spaces, brackets or commas.
    static bool isAddress(const QString &text);
};

} // namespace Countersign
