#pragma once

#include "domain/error.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Countersign {

// What the connection guard needs to know about one HTTP/1.x request head, read from the raw
// bytes before Qt HttpServer parses them: how long the head is, how much body follows and
// whether the connection stays open. Anything two parsers could read differently (RFC 9112:
// whitespace before a colon, a signed or listed Content-Length, folded lines, control
// characters, a missing or repeated Host) is refused here, so Qt never sees it.
struct RequestHead {
    QByteArray method;
    QByteArray target;
    QByteArray version; // "HTTP/1.0" or "HTTP/1.1"
    qint64 contentLength = 0; // 0 when absent
    bool hasTransferEncoding = false; // chunked bodies are refused: their size is not known up front
    bool webSocketUpgrade = false;
    // The connection stays open after the answer: HTTP/1.1 unless "Connection: close", HTTP/1.0
    // only with "Connection: keep-alive" (RFC 9112 section 9.3).
    bool keepAlive = true;
    qsizetype length = 0; // bytes of the head, leading blank lines and the empty line included

    // Offset just past the empty line that ends the head, or -1 while it is incomplete.
    // Blank lines before the request line are skipped, as Qt HttpServer does.
    static qsizetype findEnd(QByteArrayView data);
    // Parses a complete head (data up to findEnd()). Errors name the offending header.
    static Result<RequestHead> parse(QByteArrayView head);
};

} // namespace Countersign
