#pragma once

#include "domain/error.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Countersign {

// Strict reading of request bodies at the edge: valid UTF-8, one JSON object (RFC 8259: no raw
// control characters in strings), known fields of the right type and size. Every error names the offending field
// (dotted for nested ones).
class JsonBody
{
public:
    enum class Need { Required, Optional };

    // An empty body counts as {} when `emptyIsObject`, else it is an error.
    static Result<QJsonObject> parseObject(const QByteArray &body, bool emptyIsObject = false);

    // Refuses fields outside `allowed`; those in `serverOwned` get a message saying so.
    static Result<void> onlyFields(const QJsonObject &object, const QStringList &allowed,
        const QStringList &serverOwned = {}, const QString &prefix = {});

    static Result<QString> string(
        const QJsonObject &object, const QString &key, Need need, qsizetype maxLength, const QString &prefix = {});
    static Result<std::optional<double>> number(
        const QJsonObject &object, const QString &key, double min, double max, const QString &prefix = {});
    static Result<std::optional<qint64>> integer(
        const QJsonObject &object, const QString &key, qint64 min, qint64 max, const QString &prefix = {});
    static Result<std::optional<QJsonObject>> object(
        const QJsonObject &object, const QString &key, const QString &prefix = {});

    static bool isValidUtf8(const QByteArray &bytes);
    // Offset of the first unescaped control character (U+0000..U+001F) inside a JSON string,
    // or -1. RFC 8259 forbids them there; parseObject() refuses them.
    static qsizetype findRawControlInString(const QByteArray &bytes);
    // Compact JSON of a (validated) object with sorted keys: stable for hashing.
    static QByteArray canonical(const QJsonObject &object);
};

} // namespace Countersign
