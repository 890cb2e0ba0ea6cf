#pragma once

#include "domain/error.h"

#include <QJsonObject>

namespace Countersign {

// When the recommendations speak up. The defaults are the ones GET /v1/reports/recommendations
// uses unless its query overrides them.
struct RecommendationThresholds {
    qint64 minReviewed = 200; // promote: reviewed decisions of the type in the window, at least
    double promoteRate = 0.98; // promote: approved unmodified / reviewed, at least
    int noRejectionInLast = 50; // promote: no rejection among the type's newest N reviewed decisions
    double tightenRejectionRate = 0.2; // tighten a review type at or above this rejection rate
    double tightenModificationRate = 0.3; // ... or at or above this modification rate
    qint64 minTightenReviewed = 20; // tighten by rates only with at least this many reviewed
    double bottleneckGrowth = 1.5; // bottleneck: median/p95 queue time or SLA breaches grew by this factor
    double overloadFactor = 2.0; // bottleneck: a reviewer's share of decisions or claims vs the mean

    QJsonObject toJson() const;
    // Missing fields keep their defaults; errors name the field.
    static Result<RecommendationThresholds> fromJson(const QJsonObject &object);

    friend bool operator==(const RecommendationThresholds &, const RecommendationThresholds &) = default;
};

} // namespace Countersign
