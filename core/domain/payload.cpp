#include "payload.h"

#include "jsonwriter.h"

namespace Countersign {

QJsonObject Payload::toJson() const
{
    QJsonObject o{{QStringLiteral("content"), content}, {QStringLiteral("language"), language}};
    if (original)
        o.insert(QStringLiteral("original"), *original);
    return o;
}

QByteArray Payload::toCompactJson() const
{
    JsonWriter w;
    w.beginObject();
    w.stringMember(QLatin1StringView("content"), content);
    w.stringMember(QLatin1StringView("language"), language);
    if (original)
        w.stringMember(QLatin1StringView("original"), *original);
    w.endObject();
    return w.take();
}

Payload Payload::fromJson(const QJsonObject &object)
{
    Payload p{
        object.value(QLatin1String("content")).toString(), object.value(QLatin1String("language")).toString(), {}};
    if (const QJsonValue original = object.value(QLatin1String("original")); original.isString())
        p.original = original.toString();
    return p;
}

} // namespace Countersign
