#include "event.h"

#include "timeformat.h"

namespace Countersign {

QJsonObject Event::toJson() const
{
    return QJsonObject{{QStringLiteral("seq"), double(seq)}, {QStringLiteral("type"), type},
        {QStringLiteral("action_id"), actionId}, {QStringLiteral("time"), toIsoUtc(time)},
        {QStringLiteral("action"), action}};
}

Event Event::fromJson(const QJsonObject &o)
{
    Event e;
    e.seq = o.value(QLatin1String("seq")).toInteger();
    e.type = o.value(QLatin1String("type")).toString();
    e.actionId = o.value(QLatin1String("action_id")).toString();
    e.time = fromIsoUtc(o.value(QLatin1String("time")).toString());
    e.action = o.value(QLatin1String("action")).toObject();
    return e;
}

} // namespace Countersign
