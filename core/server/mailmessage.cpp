#include "mailmessage.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace Countersign {

namespace {

bool isPrintableAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

QByteArray crlfLines(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size() + text.size() / 40);
    for (const char c : text) {
        if (c == '\r')
            continue;
        if (c == '\n')
            out += "\r\n";
        else
            out += c;
    }
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

} // namespace

QByteArray MailMessage::dateHeader(const QDateTime &time)
{
    // Fixed English names: the header is read by programs, never in the reader's language.
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    // An unset time (a message built by hand) gives the epoch, never an index before the tables.
    const QDateTime utc = time.isValid() ? time.toUTC() : QDateTime::fromSecsSinceEpoch(0, QTimeZone::UTC);
    const QDate d = utc.date();
    const QTime t = utc.time();
    return QByteArray(days[d.dayOfWeek() - 1]) + ", " + QByteArray::number(d.day()).rightJustified(2, '0') + ' '
        + months[d.month() - 1] + ' ' + QByteArray::number(d.year()) + ' '
        + t.toString(QStringLiteral("HH:mm:ss")).toLatin1() + " +0000";
}

QByteArray MailMessage::encodeHeader(const QString &text)
{
    if (isPrintableAscii(text))
        return text.toLatin1();
    // An encoded word is at most 75 characters: "=?UTF-8?B?" + base64 + "?=" leaves 63 for
    // the base64, 45 bytes of UTF-8. Words are cut between characters, never inside one.
    constexpr qsizetype MaxBytes = 45;
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype n = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray bytes = text.mid(i, n).toUtf8();
        i += n - 1;
        if (chunk.size() + bytes.size() > MaxBytes) {
            words.append(chunk);
            chunk.clear();
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty())
        words.append(chunk);
    QByteArray out;
    for (const QByteArray &w : std::as_const(words)) {
        if (!out.isEmpty())
            out += "\r\n "; // folded: white space between encoded words is not shown
        out += "=?UTF-8?B?" + w.toBase64() + "?=";
    }
    return out;
}

bool MailMessage::isAddress(const QString &text)
{
    // ASCII only: the envelope and the To header carry it as is (no SMTPUTF8).
    for (const QChar c : text) {
        if (c.unicode() > 0x7e)
            return false;
    }
    static const QRegularExpression address(QStringLiteral(R"(^[^\s@<>(),;:"\[\]\\]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]+$)"));
    return address.match(text).hasMatch();
}

QByteArray MailMessage::toRfc5322() const
{
    QByteArray out;
    out += "Date: " + dateHeader(date) + "\r\n";
    out += "Message-ID: <" + messageId.toLatin1() + ">\r\n";
    out += "From: " + from.toLatin1() + "\r\n";
    out += "To: " + to.join(QStringLiteral(", ")).toLatin1() + "\r\n";
    out += "Subject: " + encodeHeader(subject) + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    const QByteArray text = body.toUtf8();
    bool ascii = true;
    for (const char c : text) {
        if (uchar(c) > 0x7e || (uchar(c) < 0x20 && c != '\n' && c != '\t')) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        out += "Content-Transfer-Encoding: 7bit\r\n\r\n";
        out += crlfLines(text);
        return out;
    }
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    const QByteArray encoded = crlfLines(text).toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

} // namespace Countersign
