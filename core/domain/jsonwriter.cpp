#include "jsonwriter.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace Countersign {

namespace {

constexpr char Hex[] = "0123456789abcdef";

} // namespace

JsonWriter::JsonWriter()
{
    m_out.reserve(1024);
}

void JsonWriter::separate()
{
    if (!m_first)
        m_out += ',';
    m_first = false;
}

void JsonWriter::beginObject()
{
    m_out += '{';
    m_first = true;
}

void JsonWriter::endObject()
{
    m_out += '}';
    m_first = false;
}

void JsonWriter::key(QLatin1StringView name)
{
    separate();
    m_out += '"';
    m_out += QByteArrayView(name.data(), name.size());
    m_out += "\":";
}

void JsonWriter::key(const QString &name)
{
    separate();
    string(name);
    m_out += ':';
}

void JsonWriter::string(const QString &value)
{
    if (!QStringView(value).isValidUtf16()) {
        // Lone surrogates: QJsonDocument escapes them as \uXXXX, which toUtf8() cannot express.
        const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        m_out += QByteArrayView(array).sliced(1, array.size() - 2);
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    m_out.reserve(m_out.size() + utf8.size() + 2);
    m_out += '"';
    // Only the quote, the backslash and control characters need escaping; everything else,
    // multi-byte UTF-8 included, goes out as it is (as QJsonDocument writes it).
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out += QByteArrayView(utf8.constData() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\b':
            m_out += "\\b";
            break;
        case '\f':
            m_out += "\\f";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            m_out += "\\u00";
            m_out += Hex[c >> 4];
            m_out += Hex[c & 0xf];
        }
    }
    m_out += QByteArrayView(utf8.constData() + plainFrom, utf8.size() - plainFrom);
    m_out += '"';
}

void JsonWriter::number(double value)
{
    if (!std::isfinite(value)) {
        m_out += "null";
        return;
    }
    // Whole numbers up to 2^53 (exact in a double) without an exponent, like QJsonDocument.
    const double magnitude = std::abs(value);
    const bool whole = magnitude <= 9007199254740992.0 && std::trunc(magnitude) == magnitude;
    m_out += QByteArray::number(value, whole ? 'f' : 'g', QLocale::FloatingPointShortest);
}

void JsonWriter::integer(qint64 value)
{
    m_out += QByteArray::number(value);
}

void JsonWriter::boolean(bool value)
{
    m_out += value ? "true" : "false";
}

void JsonWriter::null()
{
    m_out += "null";
}

void JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        boolean(value.toBool());
        return;
    case QJsonValue::Double: {
        // QJsonValue keeps integers apart from doubles, and QJsonDocument writes all of an
        // integer's digits, even past 2^53.
        const QCborValue stored = QCborValue::fromJsonValue(value);
        if (stored.isInteger())
            integer(stored.toInteger());
        else
            number(value.toDouble());
        return;
    }
    case QJsonValue::String:
        string(value.toString());
        return;
    case QJsonValue::Array: {
        m_out += '[';
        m_first = true;
        const QJsonArray array = value.toArray();
        for (const auto element : array) {
            separate();
            this->value(element);
        }
        m_out += ']';
        m_first = false;
        return;
    }
    case QJsonValue::Object: {
        // QJsonObject keeps its keys sorted, the order QJsonDocument writes them in.
        const QJsonObject object = value.toObject();
        beginObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            key(it.key());
            this->value(it.value());
        }
        endObject();
        return;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        return;
    }
}

void JsonWriter::raw(const QByteArray &json)
{
    m_out += json;
}

void JsonWriter::stringMember(QLatin1StringView name, const QString &value)
{
    key(name);
    string(value);
}

void JsonWriter::numberMember(QLatin1StringView name, double value)
{
    key(name);
    number(value);
}

void JsonWriter::booleanMember(QLatin1StringView name, bool value)
{
    key(name);
    boolean(value);
}

void JsonWriter::rawMember(QLatin1StringView name, const QByteArray &json)
{
    key(name);
    raw(json);
}

QByteArray JsonWriter::take()
{
    return std::exchange(m_out, {});
}

} // namespace Countersign
