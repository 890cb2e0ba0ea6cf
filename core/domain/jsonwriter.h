#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Countersign {

// Writes compact JSON straight into bytes, for the few objects written on every request
// (an action is serialised for its stored record and for its answer): building a QJsonObject
// first and then serialising it costs several times more. The output is what
// QJsonDocument::toJson(QJsonDocument::Compact) writes for the same object when the caller
// gives the keys in QJsonObject's (sorted) order.
class JsonWriter
{
public:
    JsonWriter();

    void beginObject();
    void endObject();
    // The next member's key (plain ASCII, no escaping needed).
    void key(QLatin1StringView name);
    // The next member's key, escaped like a string.
    void key(const QString &name);

    void string(const QString &value);
    void number(double value); // non-finite numbers are written as null, as QJsonDocument does
    void integer(qint64 value);
    void boolean(bool value);
    void null();
    // Any value, written as QJsonDocument writes it (an undefined value as null).
    void value(const QJsonValue &value);
    void raw(const QByteArray &json); // already valid JSON

    // A member in one call: key(name), then the value.
    void stringMember(QLatin1StringView name, const QString &value);
    void numberMember(QLatin1StringView name, double value);
    void booleanMember(QLatin1StringView name, bool value);
    void rawMember(QLatin1StringView name, const QByteArray &json);

    QByteArray take();

private:
    void separate();

    QByteArray m_out;
    bool m_first = true; // no comma before the next member
};

} // namespace Countersign
