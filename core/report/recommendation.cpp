#include "recommendation.h"

#include "reportjson.h"

#include <QJsonArray>

namespace Countersign {

QString recommendationKindName(RecommendationKind kind)
{
    switch (kind) {
    case RecommendationKind::Promote:
        return QStringLiteral("promote");
    case RecommendationKind::Tighten:
        return QStringLiteral("tighten");
    case RecommendationKind::Unassigned:
        return QStringLiteral("unassigned");
    case RecommendationKind::Bottleneck:
        return QStringLiteral("bottleneck");
    }
    return {};
}

std::optional<RecommendationKind> recommendationKindFromName(QStringView name)
{
    for (auto kind : {RecommendationKind::Promote, RecommendationKind::Tighten, RecommendationKind::Unassigned,
             RecommendationKind::Bottleneck}) {
        if (name == recommendationKindName(kind))
            return kind;
    }
    return std::nullopt;
}

QJsonObject Recommendation::toJson() const
{
    QJsonArray changes;
    for (const PolicyChange &c : proposedChanges)
        changes.append(c.toJson());
    QJsonObject o{{QStringLiteral("id"), id}, {QStringLiteral("kind"), recommendationKindName(kind)},
        {QStringLiteral("summary"), summary}, {QStringLiteral("evidence"), evidence},
        {QStringLiteral("proposed_changes"), changes}};
    // Only the subjects the recommendation is about.
    if (!type.isEmpty())
        o.insert(QStringLiteral("type"), type);
    if (!category.isEmpty())
        o.insert(QStringLiteral("category"), category);
    if (!reviewer.isEmpty())
        o.insert(QStringLiteral("reviewer"), reviewer);
    return o;
}

Result<Recommendation> Recommendation::fromJson(const QJsonObject &object)
{
    Recommendation r;
    r.id = object.value(QLatin1String("id")).toString();
    if (r.id.isEmpty())
        return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("must be a non-empty string")));
    const auto kind = recommendationKindFromName(object.value(QLatin1String("kind")).toString());
    if (!kind)
        return fail(Error::invalid(
            QStringLiteral("kind"), QStringLiteral("must be promote, tighten, unassigned or bottleneck")));
    r.kind = *kind;
    r.type = object.value(QLatin1String("type")).toString();
    r.category = object.value(QLatin1String("category")).toString();
    r.reviewer = object.value(QLatin1String("reviewer")).toString();
    r.summary = object.value(QLatin1String("summary")).toString();
    r.evidence = object.value(QLatin1String("evidence")).toObject();
    auto changes = ReportJson::list<PolicyChange>(
        object.value(QLatin1String("proposed_changes")).toArray(), QStringLiteral("proposed_changes"));
    if (!changes)
        return fail(changes.error());
    r.proposedChanges = *changes;
    return r;
}

} // namespace Countersign
