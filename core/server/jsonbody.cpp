#include "jsonbody.h"

#include "domain/jsonwording.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace Countersign {

bool JsonBody::isValidUtf8(const QByteArray &bytes)
{
    // Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
    // Hand-written because it runs on every request body and needs no allocation.
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            if (c == 0xE0)
                low = 0xA0; // overlong
            else if (c == 0xED)
                high = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            if (c == 0xF0)
                low = 0x90; // overlong
            else if (c == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            return false;
        }
        if (end - p <= extra || p[1] < low || p[1] > high)
            return false;
        for (int i = 2; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
        }
        p += extra + 1;
    }
    return true;
}

qsizetype JsonBody::findRawControlInString(const QByteArray &bytes)
{
    // RFC 8259 section 7: U+0000..U+001F must be escaped inside strings. Qt's parser lets them
    // through, so they would be stored and handed to every client as they came.
    bool inString = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c == '\\')
            ++i; // the escaped character, whatever it is, is not the string's end
        else if (c == '"')
            inString = false;
        else if (static_cast<unsigned char>(c) < 0x20)
            return i;
    }
    return -1;
}

Result<QJsonObject> JsonBody::parseObject(const QByteArray &body, bool emptyIsObject)
{
    if (body.trimmed().isEmpty()) {
        if (emptyIsObject)
            return QJsonObject();
        return fail(Error::invalid(QStringLiteral("body"), QStringLiteral("must be a JSON object")));
    }
    if (!isValidUtf8(body))
        return fail(Error::invalid(QStringLiteral("body"), QStringLiteral("is not valid UTF-8")));
    if (const qsizetype at = findRawControlInString(body); at >= 0) {
        const QString code = QStringLiteral("%1")
                                 .arg(uint(static_cast<unsigned char>(body.at(at))), 4, 16, QLatin1Char('0'))
                                 .toUpper();
        return fail(Error::invalid(QStringLiteral("body"),
            QStringLiteral("holds a raw control character (U+%1) inside a string at offset %2; JSON needs it "
                           "escaped, as \\t, \\n or \\u%1")
                .arg(code)
                .arg(at)));
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(Error::invalid(QStringLiteral("body"),
            QStringLiteral("is not valid JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset)));
    if (!doc.isObject())
        return fail(Error::invalid(QStringLiteral("body"), QStringLiteral("must be a JSON object")));
    return doc.object();
}

Result<void> JsonBody::onlyFields(
    const QJsonObject &object, const QStringList &allowed, const QStringList &serverOwned, const QString &prefix)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (allowed.contains(it.key()))
            continue;
        if (serverOwned.contains(it.key()))
            return fail(Error::invalid(
                jsonChildPath(prefix, it.key()), QStringLiteral("is set by the server and cannot be sent")));
        return fail(Error::invalid(jsonChildPath(prefix, it.key()), QStringLiteral("is not a known field")));
    }
    return {};
}

Result<QString> JsonBody::string(
    const QJsonObject &object, const QString &key, Need need, qsizetype maxLength, const QString &prefix)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (need == Need::Required)
            return fail(Error::invalid(jsonChildPath(prefix, key), QStringLiteral("is required")));
        return QString();
    }
    if (!v.isString())
        return fail(Error::invalid(
            jsonChildPath(prefix, key), QStringLiteral("must be a string, not %1").arg(jsonTypeDescription(v))));
    const QString s = v.toString();
    if (need == Need::Required && s.trimmed().isEmpty())
        return fail(Error::invalid(jsonChildPath(prefix, key), QStringLiteral("must not be empty")));
    if (s.size() > maxLength)
        return fail(
            Error::invalid(jsonChildPath(prefix, key), QStringLiteral("is longer than %1 characters").arg(maxLength)));
    return s;
}

Result<std::optional<double>> JsonBody::number(
    const QJsonObject &object, const QString &key, double min, double max, const QString &prefix)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<double>();
    if (!v.isDouble())
        return fail(Error::invalid(
            jsonChildPath(prefix, key), QStringLiteral("must be a number, not %1").arg(jsonTypeDescription(v))));
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < min || d > max)
        return fail(
            Error::invalid(jsonChildPath(prefix, key), QStringLiteral("must be between %1 and %2").arg(min).arg(max)));
    return std::optional<double>(d);
}

Result<std::optional<qint64>> JsonBody::integer(
    const QJsonObject &object, const QString &key, qint64 min, qint64 max, const QString &prefix)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<qint64>();
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < double(min) || d > double(max))
        return fail(Error::invalid(
            jsonChildPath(prefix, key), QStringLiteral("must be an integer between %1 and %2").arg(min).arg(max)));
    return std::optional<qint64>(qint64(d));
}

Result<std::optional<QJsonObject>> JsonBody::object(
    const QJsonObject &object, const QString &key, const QString &prefix)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<QJsonObject>();
    if (!v.isObject())
        return fail(Error::invalid(
            jsonChildPath(prefix, key), QStringLiteral("must be an object, not %1").arg(jsonTypeDescription(v))));
    return std::optional<QJsonObject>(v.toObject());
}

QByteArray JsonBody::canonical(const QJsonObject &object)
{
    // QJsonObject keeps its keys sorted, so the compact form is already canonical.
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace Countersign
