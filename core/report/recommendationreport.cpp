#include "recommendationreport.h"

#include "domain/timeformat.h"
#include "reportjson.h"

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
    if (auto ok = ReportJson::window(object, r.from, r.to); !ok)
        return fail(ok.error());
    auto thresholds = RecommendationThresholds::fromJson(object.value(QLatin1String("thresholds")).toObject());
    if (!thresholds)
        return fail(
            Error::invalid(QStringLiteral("thresholds.") + thresholds.error().field, thresholds.error().message));
    r.thresholds = *thresholds;
    auto items
        = ReportJson::list<Recommendation>(object.value(QLatin1String("items")).toArray(), QStringLiteral("items"));
    if (!items)
        return fail(items.error());
    r.items = *items;
    return r;
}

} // namespace Countersign
