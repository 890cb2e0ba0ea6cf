#include "recommendationthresholds.h"

#include <QJsonValue>

#include <type_traits>

namespace Countersign {

QJsonObject RecommendationThresholds::toJson() const
{
    return QJsonObject{{QStringLiteral("min_reviewed"), double(minReviewed)},
        {QStringLiteral("promote_rate"), promoteRate}, {QStringLiteral("no_rejection_in_last"), noRejectionInLast},
        {QStringLiteral("tighten_rejection_rate"), tightenRejectionRate},
        {QStringLiteral("tighten_modification_rate"), tightenModificationRate},
        {QStringLiteral("min_tighten_reviewed"), double(minTightenReviewed)},
        {QStringLiteral("bottleneck_growth"), bottleneckGrowth}, {QStringLiteral("overload_factor"), overloadFactor}};
}

Result<RecommendationThresholds> RecommendationThresholds::fromJson(const QJsonObject &object)
{
    RecommendationThresholds t;
    auto number = [&object](const char *key, double min, double max, auto &target) -> Result<void> {
        const QJsonValue v = object.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max)
            return fail(
                Error::invalid(QLatin1String(key), QStringLiteral("must be a number from %1 to %2").arg(min).arg(max)));
        target = static_cast<std::remove_reference_t<decltype(target)>>(v.toDouble());
        return {};
    };
    for (auto r : {number("min_reviewed", 1, 1e9, t.minReviewed), number("promote_rate", 0, 1, t.promoteRate),
             number("no_rejection_in_last", 0, 100000, t.noRejectionInLast),
             number("tighten_rejection_rate", 0, 1, t.tightenRejectionRate),
             number("tighten_modification_rate", 0, 1, t.tightenModificationRate),
             number("min_tighten_reviewed", 1, 1e9, t.minTightenReviewed),
             number("bottleneck_growth", 1, 1000, t.bottleneckGrowth),
             number("overload_factor", 1, 1000, t.overloadFactor)}) {
        if (!r)
            return fail(r.error());
    }
    return t;
}

} // namespace Countersign
