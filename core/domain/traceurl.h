#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace Countersign {

// An action's trace_url: where the agent's run or conversation can be read. The server refuses
// anything else at submission and the app checks again before opening one: only absolute http
// and https URLs with a host, at most MaxLength characters, only RFC 3986 characters
// (a link the reviewer clicks must not be javascript:, file: or a command for another handler).
class TraceUrl
{
public:
    static constexpr qsizetype MaxLength = 2048;

    // Why `text` is no acceptable trace URL, or nothing when it is.
    static std::optional<QString> problem(const QString &text);
    // The URL to open, or an invalid one when `text` is not acceptable.
    static QUrl toUrl(const QString &text);
};

} // namespace Countersign
