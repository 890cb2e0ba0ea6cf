#pragma once

#include "policychange.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Countersign {

enum class RecommendationKind { Promote, Tighten, Unassigned, Bottleneck };

// "promote", "tighten", "unassigned", "bottleneck"
QString recommendationKindName(RecommendationKind kind);
std::optional<RecommendationKind> recommendationKindFromName(QStringView name);

// One suggestion of GET /v1/reports/recommendations, with the figures that justify it.
struct Recommendation {
    QString id; // stable across runs: "promote:email.send", "bottleneck:category:finance", ...
    RecommendationKind kind = RecommendationKind::Promote;
    QString type;
    QString category;
    QString reviewer;
    QString summary; // one English sentence
    QJsonObject evidence; // counts, rates and the window they come from
    QList<PolicyChange> proposedChanges; // what a policy proposal would change (may be empty)

    QJsonObject toJson() const;
    static Result<Recommendation> fromJson(const QJsonObject &object);

    friend bool operator==(const Recommendation &, const Recommendation &) = default;
};

} // namespace Countersign
