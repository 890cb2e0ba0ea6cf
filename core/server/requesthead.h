#pragma once

#include "domain/error.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Countersign {

// What the connection guard needs to know about one HTTP/1.1 request head, read from the raw
// bytes before Qt HttpServer parses them: how long the head is and how much body follows.
struct RequestHead {
    QByteArray method;
    QByteArray target;
    qint64 contentLength = 0; // 0 when absent
    bool hasTransferEncoding = false; // chunked bodies are refused: their size is not known up front
    bool webSocketUpgrade = false;
    qsizetype length = 0; // bytes of the head, leading blank lines and the empty line included

    // Offset just past the empty line that ends the head, or -1 while it is incomplete.
    // Blank lines before the request line are skipped, as Qt HttpServer does.
    static qsizetype findEnd(QByteArrayView data);
    // Parses a complete head (data up to findEnd()). Errors name the offending header.
    static Result<RequestHead> parse(QByteArrayView head);
};

} // namespace Countersign
