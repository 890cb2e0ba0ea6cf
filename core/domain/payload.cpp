#include "payload.h"

namespace Countersign {

QJsonObject Payload::toJson() const
{
    return QJsonObject{{QStringLiteral("content"), content}, {QStringLiteral("language"), language}};
}

Payload Payload::fromJson(const QJsonObject &object)
{
    return Payload{
        object.value(QLatin1String("content")).toString(), object.value(QLatin1String("language")).toString()};
}

} // namespace Countersign
