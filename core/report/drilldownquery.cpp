#include "drilldownquery.h"

#include <array>
#include <utility>

namespace Countersign {

namespace {

constexpr std::array<std::pair<DrillDownMeasure, const char *>, 11> Names{{{DrillDownMeasure::Submitted, "submitted"},
    {DrillDownMeasure::AutoApproved, "auto_approved"}, {DrillDownMeasure::Prohibited, "prohibited"},
    {DrillDownMeasure::Reviewed, "reviewed"}, {DrillDownMeasure::Approved, "approved"},
    {DrillDownMeasure::Modified, "modified"}, {DrillDownMeasure::Rejected, "rejected"},
    {DrillDownMeasure::Expired, "expired"}, {DrillDownMeasure::Withdrawn, "withdrawn"},
    {DrillDownMeasure::SlaBreaches, "sla_breaches"}, {DrillDownMeasure::Escalations, "escalations"}}};

} // namespace

QString drillDownMeasureName(DrillDownMeasure measure)
{
    for (const auto &[m, name] : Names) {
        if (m == measure)
            return QLatin1String(name);
    }
    return {};
}

std::optional<DrillDownMeasure> drillDownMeasureFromName(QStringView name)
{
    for (const auto &[m, n] : Names) {
        if (name == QLatin1String(n))
            return m;
    }
    return std::nullopt;
}

bool DrillDownQuery::matches(const RollupRow &row) const
{
    return (category.isEmpty() || row.category == category) && (type.isEmpty() || row.type == type)
        && (agent.isEmpty() || row.agent == agent) && (!reviewer || row.reviewer == *reviewer)
        && (!tier || row.tier == *tier);
}

qint64 DrillDownQuery::count(const RollupCounts &c, DrillDownMeasure measure)
{
    switch (measure) {
    case DrillDownMeasure::Submitted:
        return c.submitted;
    case DrillDownMeasure::AutoApproved:
        return c.autoApproved;
    case DrillDownMeasure::Prohibited:
        return c.prohibited;
    case DrillDownMeasure::Reviewed:
        return c.reviewed();
    case DrillDownMeasure::Approved:
        return c.approved;
    case DrillDownMeasure::Modified:
        return c.modified;
    case DrillDownMeasure::Rejected:
        return c.rejected;
    case DrillDownMeasure::Expired:
        return c.expired;
    case DrillDownMeasure::Withdrawn:
        return c.withdrawn;
    case DrillDownMeasure::SlaBreaches:
        return c.slaBreaches;
    case DrillDownMeasure::Escalations:
        return c.escalations;
    }
    return 0;
}

QStringList drillDownMeasureNames()
{
    QStringList names;
    for (const auto &[m, name] : Names)
        names.append(QLatin1String(name));
    return names;
}

} // namespace Countersign
