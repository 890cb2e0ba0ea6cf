#pragma once

#include "recommendation.h"
#include "recommendationthresholds.h"

#include <QDateTime>

namespace Countersign {

// GET /v1/reports/recommendations: every recommendation for the window, promote first, then
// tighten, unassigned and bottleneck, each kind sorted by id.
struct RecommendationReport {
    QDateTime from;
    QDateTime to;
    RecommendationThresholds thresholds;
    QList<Recommendation> items;

    QJsonObject toJson() const;
    static Result<RecommendationReport> fromJson(const QJsonObject &object);
};

} // namespace Countersign
