#include "payload.h"

#include "jsonwriter.h"

namespace Countersign {

QJsonObject Payload::toJson() const
{
    return QJsonObject{{QStringLiteral("content"), content}, {QStringLiteral("language"), language}};
}

QByteArray Payload::toCompactJson() const
{
    JsonWriter w;
    w.beginObject();
    w.key(QLatin1StringView("content"));
    w.string(content);
    w.key(QLatin1StringView("language"));
    w.string(language);
    w.endObject();
    return w.take();
}

Payload Payload::fromJson(const QJsonObject &object)
{
    return Payload{
        object.value(QLatin1String("content")).toString(), object.value(QLatin1String("language")).toString()};
}

} // namespace Countersign
