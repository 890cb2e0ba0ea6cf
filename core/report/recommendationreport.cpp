#include "recommendationreport.h"

#include "domain/timeformat.h"

#include <QJsonArray>

namespace Countersign {

QJsonObject RecommendationReport::toJson() const
{
    QJsonArray list;
    for (const Recommendation &r : items)
        list.append(r.toJson());
    return QJsonObject{{QStringLiteral("from"), timeToJson(from)}, {QStringLiteral("to"), timeToJson(to)},
        {QStringLiteral("thresholds"), thresholds.toJson()}, {QStringLiteral("items"), list}};
}

Result<RecommendationReport> RecommendationReport::fromJson(const QJsonObject &object)
{
    RecommendationReport r;
    r.from = fromIsoUtc(object.value(QLatin1String("from")).toString());
    if (!r.from.isValid())
        return fail(Error::invalid(QStringLiteral("from"), QStringLiteral("must be a UTC ISO 8601 time")));
    r.to = fromIsoUtc(object.value(QLatin1String("to")).toString());
    if (!r.to.isValid())
        return fail(Error::invalid(QStringLiteral("to"), QStringLiteral("must be a UTC ISO 8601 time")));
    auto thresholds = RecommendationThresholds::fromJson(object.value(QLatin1String("thresholds")).toObject());
    if (!thresholds)
        return fail(
            Error::invalid(QStringLiteral("thresholds.") + thresholds.error().field, thresholds.error().message));
    r.thresholds = *thresholds;
    const QJsonArray items = object.value(QLatin1String("items")).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto item = Recommendation::fromJson(items.at(i).toObject());
        if (!item)
            return fail(
                Error::invalid(QStringLiteral("items[%1].%2").arg(i).arg(item.error().field), item.error().message));
        r.items.append(*item);
    }
    return r;
}

} // namespace Countersign
