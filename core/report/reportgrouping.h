#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Countersign {

// What an approval report groups by. Day and Week are UTC calendar days; a week is keyed by its
// Monday.
enum class ReportGrouping { Category, Type, Reviewer, Agent, Day, Week };

// "category", "type", "reviewer", "agent", "day", "week"
QString reportGroupingName(ReportGrouping grouping);
std::optional<ReportGrouping> parseReportGrouping(QStringView name);

} // namespace Countersign
