#include "requesthead.h"

#include <QList>

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

bool containsToken(QByteArrayView value, QByteArrayView token)
{
    return value.toByteArray().toLower().contains(token.toByteArray());
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
    const QList<QByteArray> lines = text.split('\n');
    if (lines.isEmpty())
        return fail(Error::invalid(QStringLiteral("request"), QStringLiteral("has no request line")));

    const QList<QByteArray> requestLine = lines.first().trimmed().simplified().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/"))
        return fail(Error::invalid(QStringLiteral("request"), QStringLiteral("has a malformed request line")));
    head.method = requestLine.at(0);
    head.target = requestLine.at(1);

    QByteArray upgrade;
    QByteArray connection;
    bool sawLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(Error::invalid(QStringLiteral("request"), QStringLiteral("has a malformed header line")));
        const QByteArray name = line.first(colon).trimmed().toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0)
                return fail(Error::invalid(QStringLiteral("Content-Length"), QStringLiteral("is not a valid length")));
            if (sawLength && length != head.contentLength)
                return fail(Error::invalid(QStringLiteral("Content-Length"), QStringLiteral("is given twice")));
            head.contentLength = length;
            sawLength = true;
        } else if (name == "transfer-encoding") {
            head.hasTransferEncoding = true;
        } else if (name == "upgrade") {
            upgrade = value;
        } else if (name == "connection") {
            connection += value + ',';
        }
    }
    head.webSocketUpgrade = containsToken(connection, "upgrade") && containsToken(upgrade, "websocket");
    return head;
}

} // namespace Countersign
