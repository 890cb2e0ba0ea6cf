#include "requesthead.h"

#include <QList>

#include <algorithm>

namespace Countersign {

namespace {

bool isBlank(char c)
{
    return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\v';
}

qsizetype skipLeadingBlank(QByteArrayView data)
{
    qsizetype i = 0;
    while (i < data.size() && isBlank(data.at(i)))
        ++i;
    return i;
}

// tchar of RFC 9110 section 5.6.2: what field names and methods are made of.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isTokenChar);
}

// Field values may hold visible characters, spaces, tabs and obs-text, never other controls
// (a bare CR or a NUL would be read differently by different parsers).
bool isFieldValue(QByteArrayView s)
{
    return std::none_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t') || u == 0x7f;
    });
}

bool containsToken(QByteArrayView value, QByteArrayView token)
{
    const QList<QByteArray> items = value.toByteArray().split(',');
    return std::any_of(items.cbegin(), items.cend(), [token](const QByteArray &item) {
        return item.trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

std::unexpected<Error> malformed(const QString &field, const QString &why)
{
    return fail(Error::invalid(field, why));
}

} // namespace

qsizetype RequestHead::findEnd(QByteArrayView data)
{
    const qsizetype start = skipLeadingBlank(data);
    // The head ends with an empty line: "\n\r\n" or "\n\n" (bare LF endings are tolerated).
    for (qsizetype i = start; i < data.size(); ++i) {
        if (data.at(i) != '\n')
            continue;
        if (i + 1 < data.size() && data.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < data.size() && data.at(i + 1) == '\r' && data.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

Result<RequestHead> RequestHead::parse(QByteArrayView data)
{
    RequestHead head;
    head.length = data.size();
    const QByteArray text = data.sliced(skipLeadingBlank(data)).toByteArray();
    QList<QByteArray> lines = text.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    if (lines.isEmpty() || lines.first().isEmpty())
        return malformed(QStringLiteral("request"), QStringLiteral("has no request line"));

    // method SP request-target SP HTTP-version, single spaces (RFC 9112 section 3).
    const QList<QByteArray> requestLine = lines.first().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)) || requestLine.at(1).isEmpty()
        || !isFieldValue(requestLine.at(1)) || requestLine.at(1).contains('\t')
        || !requestLine.at(2).startsWith("HTTP/"))
        return malformed(QStringLiteral("request"), QStringLiteral("has a malformed request line"));
    head.method = requestLine.at(0);
    head.target = requestLine.at(1);
    head.version = requestLine.at(2);
    if (head.version != "HTTP/1.1" && head.version != "HTTP/1.0")
        return malformed(QStringLiteral("request"),
            QStringLiteral("uses %1; this server speaks HTTP/1.1 and HTTP/1.0").arg(QString::fromLatin1(head.version)));
    const bool http11 = head.version == "HTTP/1.1";

    QByteArray upgrade;
    QByteArray connection;
    bool sawLength = false;
    int hosts = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return malformed(
                QStringLiteral("request"), QStringLiteral("has a folded header line (obsolete line folding)"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return malformed(QStringLiteral("request"), QStringLiteral("has a malformed header line"));
        const QByteArray rawName = line.first(colon);
        if (!isToken(rawName)) {
            const bool spaceBeforeColon = isToken(rawName.trimmed());
            return malformed(QStringLiteral("request"),
                spaceBeforeColon ? QStringLiteral("has whitespace between the header name \"%1\" and its colon")
                                       .arg(QString::fromLatin1(rawName.trimmed()))
                                 : QStringLiteral("has a header name that is not a token"));
        }
        const QByteArray name = rawName.toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed();
        if (!isFieldValue(value))
            return malformed(QString::fromLatin1(rawName), QStringLiteral("holds a control character"));
        if (name == "content-length") {
            // 1*DIGIT: no sign, no spaces, no list (RFC 9110 section 8.6).
            bool ok = !value.isEmpty() && std::all_of(value.begin(), value.end(), [](char c) {
                return c >= '0' && c <= '9';
            });
            const qint64 length = ok ? value.toLongLong(&ok) : -1;
            if (!ok)
                return malformed(QStringLiteral("Content-Length"), QStringLiteral("is not a valid length"));
            if (sawLength && length != head.contentLength)
                return malformed(QStringLiteral("Content-Length"), QStringLiteral("is given twice"));
            head.contentLength = length;
            sawLength = true;
        } else if (name == "host") {
            ++hosts;
        } else if (name == "transfer-encoding") {
            head.hasTransferEncoding = true;
        } else if (name == "upgrade") {
            upgrade = value;
        } else if (name == "connection") {
            connection += value + ',';
        }
    }
    // RFC 9112 section 3.2: an HTTP/1.1 request has exactly one Host; no request has two.
    if (hosts > 1)
        return malformed(QStringLiteral("Host"), QStringLiteral("is given more than once"));
    if (hosts == 0 && http11)
        return malformed(QStringLiteral("Host"), QStringLiteral("is required in an HTTP/1.1 request"));
    head.webSocketUpgrade = containsToken(connection, "upgrade") && containsToken(upgrade, "websocket");
    head.keepAlive = http11 ? !containsToken(connection, "close") : containsToken(connection, "keep-alive");
    return head;
}

} // namespace Countersign
