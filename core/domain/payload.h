#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Countersign {

// What the agent proposes to do: the text of the email, patch, query or command. For a change
// (an edit, a file write, a config update) `original` is the text being replaced, in the same
// language, so the reviewer sees what changes; empty means "nothing there yet" (a new file),
// absent means "not a change" or "not known". A payload in language "diff" is a unified diff
// and carries its original inside it.
struct Payload {
    QString content;
    QString language; // syntax hint: "python", "sql", "markdown", "json", "email", "diff", ...
    std::optional<QString> original = std::nullopt;

    QJsonObject toJson() const;
    // The bytes QJsonDocument writes for toJson() (compact, keys sorted), written directly:
    // the stored record and the audit log's payload hash use them.
    QByteArray toCompactJson() const;
    static Payload fromJson(const QJsonObject &object);

    friend bool operator==(const Payload &, const Payload &) = default;
};

} // namespace Countersign
