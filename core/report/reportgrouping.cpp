#include "reportgrouping.h"

#include <array>
#include <utility>

namespace Countersign {

namespace {

constexpr std::array<std::pair<ReportGrouping, const char *>, 6> Names{
    {{ReportGrouping::Category, "category"}, {ReportGrouping::Type, "type"}, {ReportGrouping::Reviewer, "reviewer"},
        {ReportGrouping::Agent, "agent"}, {ReportGrouping::Day, "day"}, {ReportGrouping::Week, "week"}}};

} // namespace

QString reportGroupingName(ReportGrouping grouping)
{
    for (const auto &[g, name] : Names) {
        if (g == grouping)
            return QLatin1String(name);
    }
    return {};
}

std::optional<ReportGrouping> parseReportGrouping(QStringView name)
{
    for (const auto &[g, n] : Names) {
        if (name == QLatin1String(n))
            return g;
    }
    return std::nullopt;
}

} // namespace Countersign
