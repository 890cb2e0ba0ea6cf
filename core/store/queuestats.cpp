#include "queuestats.h"

#include <QJsonArray>

namespace Countersign {

QJsonObject QueueStats::toJson() const
{
    QJsonArray cats;
    for (const auto &c : categories) {
        cats.append(QJsonObject{{QStringLiteral("category"), c.name}, {QStringLiteral("depth"), double(c.depth)},
            {QStringLiteral("oldest_age_s"), double(c.oldestAgeSeconds)},
            {QStringLiteral("sla_breaches"), double(c.slaBreaches)},
            {QStringLiteral("escalated"), double(c.escalated)}});
    }
    QJsonObject reviewers;
    for (auto it = claimedByReviewer.cbegin(); it != claimedByReviewer.cend(); ++it)
        reviewers.insert(it.key(), double(it.value()));
    return QJsonObject{{QStringLiteral("categories"), cats}, {QStringLiteral("claimed_by_reviewer"), reviewers},
        {QStringLiteral("total_depth"), double(totalDepth)},
        {QStringLiteral("oldest_age_s"), double(oldestAgeSeconds)}};
}

} // namespace Countersign
