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
    w.stringMember(QLatin1StringView("content"), content);
    w.stringMember(QLatin1StringView("language"), language);
    w.endObject();
    return w.take();
}

Payload Payload::fromJson(const QJsonObject &object)
{
    return Payload{
        object.value(QLatin1String("content")).toString(), object.value(QLatin1String("language")).toString()};
}

} // namespace Countersign
