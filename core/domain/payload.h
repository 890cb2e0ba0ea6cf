#pragma once

#include <QJsonObject>
#include <QString>

namespace Countersign {

// What the agent proposes to do: the text of the email, patch, query or command.
struct Payload {
    QString content;
    QString language; // syntax hint: "python", "sql", "markdown", "json", "email", ...

    QJsonObject toJson() const;
    // The bytes QJsonDocument writes for toJson() (compact, keys sorted), written directly:
    // the stored record and the audit log's payload hash use them.
    QByteArray toCompactJson() const;
    static Payload fromJson(const QJsonObject &object);

    friend bool operator==(const Payload &, const Payload &) = default;
};

} // namespace Countersign
