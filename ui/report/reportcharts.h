#pragma once

#include "report/approvalreport.h"

#include <QColor>
#include <QCoreApplication>
#include <QPalette>

class QChart;

namespace Countersign {

// Builds the report window's charts from report data. The same charts are drawn on screen and
// into the quarterly review's PDF, so they are plain QChart objects with colours from a palette.
class ReportCharts
{
    Q_DECLARE_TR_FUNCTIONS(ReportCharts)

public:
    explicit ReportCharts(const QPalette &palette);

    // What a click on a bar or a rate line's point lists (the report window's drill-down): each
    // bar set and line carries the measure's name and the grouping ("category" or "week"), and a
    // bar set the group key of each of its indexes.
    static constexpr auto DrillMeasure = "drillMeasure";
    static constexpr auto DrillGrouping = "drillGrouping";
    static constexpr auto DrillKeys = "drillKeys";

    // Approval / modification / rejection shares of reviewed decisions per group (stacked to 100%).
    QChart *rates(const ApprovalReport &report) const;
    // Median and p95 time in queue per group, in minutes or hours as the data needs.
    QChart *queueTimes(const ApprovalReport &report) const;
    // Approval, modification and rejection rate per week (a by-week or by-day report).
    // `previous`, when it has reviewed decisions: its approval rate as a faint dashed line,
    // shifted onto this period's dates.
    QChart *trend(const ApprovalReport &report, const ApprovalReport &previous = {}) const;
    // How many actions each tier handled per week: auto-approved, reviewed, prohibited, expired.
    QChart *tierVolume(const ApprovalReport &report) const;

    // A chart without data: the title and `text` centred in the theme's colours, never a blank
    // box. The text is also the chart's "emptyText" property.
    QChart *placeholder(const QString &title, const QString &text) const;

    QColor approvedColor() const;
    QColor modifiedColor() const;
    QColor rejectedColor() const;

private:
    QChart *newChart(const QString &title) const;
    QColor tint(QColor accent) const;

    QPalette m_palette;
    bool m_dark;
};

} // namespace Countersign
