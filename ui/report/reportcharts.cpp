#include "reportcharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalBarSeries>
#include <QHorizontalPercentBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QTimeZone>
#include <QValueAxis>

#include <algorithm>

namespace Countersign {

namespace {

QString keyLabel(const QString &key)
{
    return key.isEmpty() ? ReportCharts::tr("(none)") : key;
}

void styleAxis(QAbstractAxis *axis, const QPalette &palette)
{
    axis->setLabelsColor(palette.color(QPalette::WindowText));
    axis->setTitleBrush(palette.color(QPalette::WindowText));
    axis->setLinePenColor(palette.color(QPalette::Mid));
    axis->setGridLineColor(palette.color(QPalette::Midlight));
    // A cut label ("1..." for "100%") misreads; a long one may crowd, but it stays whole.
    axis->setTruncateLabels(false);
}

void tag(QObject *item, const char *measure, const char *grouping, const QStringList &keys = {})
{
    item->setProperty(ReportCharts::DrillMeasure, QLatin1String(measure));
    item->setProperty(ReportCharts::DrillGrouping, QLatin1String(grouping));
    if (!keys.isEmpty())
        item->setProperty(ReportCharts::DrillKeys, keys);
}

} // namespace

ReportCharts::ReportCharts(const QPalette &palette)
    : m_palette(palette)
    , m_dark(palette.color(QPalette::Window).lightness() < 128)
{ }

// Semantic colours (green, amber, red) softened towards the theme so they sit well on light and
// dark windows alike.
QColor ReportCharts::tint(QColor accent) const
{
    return m_dark ? accent.lighter(115) : accent.darker(105);
}

QColor ReportCharts::approvedColor() const
{
    return tint(QColor(46, 160, 67));
}

QColor ReportCharts::modifiedColor() const
{
    return tint(QColor(219, 155, 22));
}

QColor ReportCharts::rejectedColor() const
{
    return tint(QColor(207, 52, 48));
}

QChart *ReportCharts::newChart(const QString &title) const
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setBackgroundBrush(m_palette.color(QPalette::Base));
    chart->setBackgroundPen(QPen(m_palette.color(QPalette::Mid)));
    chart->setTitleBrush(m_palette.color(QPalette::WindowText));
    chart->legend()->setLabelColor(m_palette.color(QPalette::WindowText));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

QChart *ReportCharts::placeholder(const QString &title, const QString &text) const
{
    QChart *chart = newChart(title);
    chart->legend()->hide();
    chart->setProperty("emptyText", text);
    auto *label = new QGraphicsSimpleTextItem(text, chart);
    label->setBrush(m_palette.color(QPalette::PlaceholderText));
    QObject::connect(chart, &QGraphicsWidget::geometryChanged, chart, [chart, label] {
        const QRectF r = label->boundingRect();
        label->setPos(chart->size().width() / 2 - r.width() / 2, chart->size().height() / 2 - r.height() / 2);
    });
    return chart;
}

QChart *ReportCharts::rates(const ApprovalReport &report) const
{
    const bool any = std::any_of(report.groups.cbegin(), report.groups.cend(), [](const ReportGroup &g) {
        return g.reviewed > 0;
    });
    if (!any)
        return placeholder(
            ReportCharts::tr("Decisions by outcome"), ReportCharts::tr("No reviewed decisions in this period."));
    QChart *chart = newChart(ReportCharts::tr("Decisions by outcome"));
    auto *approved = new QBarSet(ReportCharts::tr("Approved"));
    auto *modified = new QBarSet(ReportCharts::tr("Modified"));
    auto *rejected = new QBarSet(ReportCharts::tr("Rejected"));
    approved->setColor(approvedColor());
    modified->setColor(modifiedColor());
    rejected->setColor(rejectedColor());
    QStringList keys;
    QStringList groupKeys;
    // Horizontal bars list the first group at the bottom; reverse so the table's order reads down.
    for (auto it = report.groups.crbegin(); it != report.groups.crend(); ++it) {
        if (it->reviewed == 0)
            continue;
        keys.append(keyLabel(it->key));
        groupKeys.append(it->key);
        approved->append(double(it->approved));
        modified->append(double(it->modified));
        rejected->append(double(it->rejected));
    }
    const char *grouping = "category";
    tag(approved, "approved", grouping, groupKeys);
    tag(modified, "modified", grouping, groupKeys);
    tag(rejected, "rejected", grouping, groupKeys);
    auto *series = new QHorizontalPercentBarSeries;
    series->append({approved, modified, rejected});
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(keys);
    auto *axisX = new QValueAxis;
    axisX->setRange(0, 100);
    axisX->setLabelFormat(QStringLiteral("%d%%"));
    styleAxis(axisX, m_palette);
    styleAxis(axisY, m_palette);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    return chart;
}

QChart *ReportCharts::queueTimes(const ApprovalReport &report) const
{
    double longest = 0;
    for (const auto &g : report.groups)
        longest = std::max({longest, g.queueP95Seconds, g.queueMedianSeconds});
    if (longest <= 0 && std::none_of(report.groups.cbegin(), report.groups.cend(), [](const ReportGroup &g) {
            return g.queueMedianSeconds >= 0;
        }))
        return placeholder(
            ReportCharts::tr("Time in queue"), ReportCharts::tr("Nothing waited for review in this period."));
    const bool hours = longest >= 3 * 3600;
    const bool minutes = !hours && longest >= 3 * 60;
    const double unit = hours ? 3600.0 : minutes ? 60.0 : 1.0;
    QChart *chart = newChart(hours ? ReportCharts::tr("Time in queue (hours)")
            : minutes              ? ReportCharts::tr("Time in queue (minutes)")
                                   : ReportCharts::tr("Time in queue (seconds)"));
    auto *median = new QBarSet(ReportCharts::tr("Median"));
    auto *p95 = new QBarSet(ReportCharts::tr("95th percentile"));
    median->setColor(m_palette.color(QPalette::Highlight));
    p95->setColor(m_palette.color(QPalette::Highlight).lighter(m_dark ? 70 : 150));
    QStringList keys;
    QStringList groupKeys;
    for (auto it = report.groups.crbegin(); it != report.groups.crend(); ++it) {
        if (it->queueMedianSeconds < 0)
            continue;
        keys.append(keyLabel(it->key));
        groupKeys.append(it->key);
        median->append(it->queueMedianSeconds / unit);
        p95->append(std::max(0.0, it->queueP95Seconds) / unit);
    }
    // Queue times are counted over the reviewers' decisions (and expiries): a bar lists the former.
    tag(median, "reviewed", "category", groupKeys);
    tag(p95, "reviewed", "category", groupKeys);
    auto *series = new QHorizontalBarSeries;
    series->append({median, p95});
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(keys);
    auto *axisX = new QValueAxis;
    axisX->setRange(0, std::max(1.0, longest / unit * 1.05));
    axisX->applyNiceNumbers();
    styleAxis(axisX, m_palette);
    styleAxis(axisY, m_palette);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    return chart;
}

QChart *ReportCharts::trend(const ApprovalReport &report, const ApprovalReport &previous) const
{
    if (std::none_of(report.groups.cbegin(), report.groups.cend(), [](const ReportGroup &g) {
            return g.reviewed > 0;
        }))
        return placeholder(
            ReportCharts::tr("Outcome rates over time"), ReportCharts::tr("No reviewed decisions in this period."));
    QChart *chart = newChart(ReportCharts::tr("Outcome rates over time"));
    const std::pair<QString, QColor> lines[] = {{ReportCharts::tr("Approval rate"), approvedColor()},
        {ReportCharts::tr("Modification rate"), modifiedColor()},
        {ReportCharts::tr("Rejection rate"), rejectedColor()}};
    QList<QLineSeries *> series;
    const char *measures[] = {"approved", "modified", "rejected"};
    for (const auto &[name, color] : lines) {
        auto *s = new QLineSeries;
        tag(s, measures[series.size()], "week");
        s->setName(name);
        s->setPen(QPen(color, 2));
        s->setPointsVisible(report.groups.size() < 30);
        series.append(s);
    }
    QDateTime first, last;
    for (const auto &g : report.groups) {
        const QDate day = QDate::fromString(g.key, Qt::ISODate);
        if (!day.isValid() || g.reviewed == 0)
            continue;
        const QDateTime at(day, QTime(12, 0), QTimeZone::UTC);
        if (!first.isValid())
            first = at;
        last = at;
        const auto ms = double(at.toMSecsSinceEpoch());
        series[0]->append(ms, g.approvalRate * 100);
        series[1]->append(ms, g.modificationRate * 100);
        series[2]->append(ms, g.rejectionRate * 100);
    }
    // The period before, moved onto this one's dates: how the approval rate compares.
    const qint64 shift = previous.from.isValid() && report.from.isValid() ? previous.from.daysTo(report.from) : 0;
    if (shift > 0 && std::any_of(previous.groups.cbegin(), previous.groups.cend(), [](const ReportGroup &g) {
            return g.reviewed > 0;
        })) {
        auto *before = new QLineSeries;
        before->setName(ReportCharts::tr("Approval rate, previous period"));
        QColor faint = approvedColor();
        faint.setAlpha(110);
        before->setPen(QPen(faint, 1.5, Qt::DashLine));
        for (const auto &g : previous.groups) {
            const QDate day = QDate::fromString(g.key, Qt::ISODate);
            if (!day.isValid() || g.reviewed == 0)
                continue;
            const QDateTime at(day.addDays(shift), QTime(12, 0), QTimeZone::UTC);
            before->append(double(at.toMSecsSinceEpoch()), g.approvalRate * 100);
            if (!first.isValid() || at < first)
                first = at;
            if (at > last)
                last = at;
        }
        series.append(before);
    }
    auto *axisX = new QDateTimeAxis;
    axisX->setFormat(QStringLiteral("d MMM"));
    if (first.isValid()) {
        axisX->setRange(first.addDays(-1), last.addDays(1));
        // One tick a day over a short span (the default five would repeat a date), at most eight.
        axisX->setTickCount(int(std::clamp<qint64>(first.daysTo(last) + 3, 2, 8)));
    }
    auto *axisY = new QValueAxis;
    axisY->setRange(0, 100);
    axisY->setLabelFormat(QStringLiteral("%d%%"));
    styleAxis(axisX, m_palette);
    styleAxis(axisY, m_palette);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    for (auto *s : series) {
        chart->addSeries(s);
        s->attachAxis(axisX);
        s->attachAxis(axisY);
    }
    return chart;
}

QChart *ReportCharts::tierVolume(const ApprovalReport &report) const
{
    if (report.groups.isEmpty())
        return placeholder(ReportCharts::tr("Volume by tier"), ReportCharts::tr("No actions in this period."));
    QChart *chart = newChart(ReportCharts::tr("Volume by tier"));
    auto *autoSet = new QBarSet(ReportCharts::tr("Auto-approved"));
    auto *reviewSet = new QBarSet(ReportCharts::tr("Reviewed"));
    auto *prohibitedSet = new QBarSet(ReportCharts::tr("Prohibited"));
    auto *expiredSet = new QBarSet(ReportCharts::tr("Expired"));
    autoSet->setColor(approvedColor().lighter(m_dark ? 80 : 130));
    reviewSet->setColor(m_palette.color(QPalette::Highlight));
    prohibitedSet->setColor(rejectedColor());
    expiredSet->setColor(m_palette.color(QPalette::Mid));
    QStringList keys;
    QStringList groupKeys;
    qint64 tallest = 0;
    for (const auto &g : report.groups) {
        const QDate day = QDate::fromString(g.key, Qt::ISODate);
        keys.append(day.isValid() ? QLocale().toString(day, QStringLiteral("d MMM")) : keyLabel(g.key));
        groupKeys.append(g.key);
        autoSet->append(double(g.autoApproved));
        reviewSet->append(double(g.reviewed));
        prohibitedSet->append(double(g.prohibited));
        expiredSet->append(double(g.expired));
        tallest = std::max(tallest, g.autoApproved + g.reviewed + g.prohibited + g.expired);
    }
    tag(autoSet, "auto_approved", "week", groupKeys);
    tag(reviewSet, "reviewed", "week", groupKeys);
    tag(prohibitedSet, "prohibited", "week", groupKeys);
    tag(expiredSet, "expired", "week", groupKeys);
    auto *series = new QStackedBarSeries;
    series->append({autoSet, reviewSet, prohibitedSet, expiredSet});
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(keys);
    // A quarter has 13 weeks: slanted dates fit where level ones would be cut to "12 ...".
    if (keys.size() > 8)
        axisX->setLabelsAngle(-45);
    auto *axisY = new QValueAxis;
    // At least 0..4, so a quiet period still gets whole-number ticks rather than 0, 0.25, ...
    axisY->setRange(0, std::max<double>(4, double(tallest)));
    axisY->applyNiceNumbers();
    axisY->setLabelFormat(QStringLiteral("%d"));
    styleAxis(axisX, m_palette);
    styleAxis(axisY, m_palette);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    return chart;
}

} // namespace Countersign
