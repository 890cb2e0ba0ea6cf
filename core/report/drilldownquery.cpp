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

QStringList drillDownMeasureNames()
{
    QStringList names;
    for (const auto &[m, name] : Names)
        names.append(QLatin1String(name));
    return names;
}

} // namespace Countersign
