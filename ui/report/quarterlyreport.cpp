#include "quarterlyreport.h"

#include "domain/csvwriter.h"
#include "queue/queuemodel.h"
#include "recommendationmodel.h"
#include "reportcharts.h"
#include "reporttablemodel.h"

#include <QChart>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <memory>

namespace Countersign {

namespace {

QString percent(double rate)
{
    return QLocale().toString(rate * 100.0, 'f', 1) + QLatin1Char('%');
}

QString duration(double seconds)
{
    return seconds < 0 ? QStringLiteral("–") : QueueModel::formatAge(qint64(seconds + 0.5));
}

// "+12%" / "−5%" against the previous quarter, or nothing when there is nothing to compare.
QString change(double now, double before)
{
    if (before <= 0 || now < 0)
        return {};
    const double delta = (now - before) / before * 100.0;
    return QStringLiteral(" (%1%2%)")
        .arg(delta >= 0 ? QStringLiteral("+") : QStringLiteral("−"), QLocale().toString(std::abs(delta), 'f', 0));
}

const ReportGroup *findGroup(const ApprovalReport &report, const QString &key)
{
    for (const auto &g : report.groups) {
        if (g.key == key)
            return &g;
    }
    return nullptr;
}

QImage renderChart(QChart *chart, QSize size)
{
    // A chart renders through a scene; no view or window is needed, so this works offscreen.
    QGraphicsScene scene;
    scene.addItem(chart); // the scene owns and deletes the chart
    chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), chart->geometry());
    return image;
}

} // namespace

QuarterlyReport::QuarterlyReport(const QuarterData &data, const QPalette &palette)
    : m_data(data)
    , m_palette(palette)
{ }

QPalette QuarterlyReport::printPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, Qt::white);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::WindowText, QColor(30, 30, 30));
    p.setColor(QPalette::Text, QColor(30, 30, 30));
    p.setColor(QPalette::Mid, QColor(160, 160, 160));
    p.setColor(QPalette::Midlight, QColor(225, 225, 225));
    p.setColor(QPalette::Highlight, QColor(52, 101, 164));
    return p;
}

QString QuarterlyReport::title() const
{
    return tr("Quarterly review: Q%1 %2").arg(m_data.quarter).arg(m_data.year);
}

QString QuarterlyReport::headline() const
{
    const ReportGroup &t = m_data.current.byCategory.totals;
    const ReportGroup &p = m_data.previousTotals.totals;
    const QLocale locale;
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\" border=\"1\">");
    const auto row = [&html](const QString &label, const QString &value, const QString &delta) {
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b>%3</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped(), delta.toHtmlEscaped());
    };
    row(tr("Actions submitted"), locale.toString(t.submitted), change(double(t.submitted), double(p.submitted)));
    row(tr("Auto-approved by policy"), locale.toString(t.autoApproved),
        change(double(t.autoApproved), double(p.autoApproved)));
    row(tr("Reviewed by a person"), locale.toString(t.reviewed), change(double(t.reviewed), double(p.reviewed)));
    row(tr("Prohibited by policy"), locale.toString(t.prohibited), {});
    row(tr("Approved unmodified"), percent(t.approvalRate), {});
    row(tr("Modified before approval"), percent(t.modificationRate), {});
    row(tr("Rejected"), percent(t.rejectionRate), {});
    row(tr("Median time in queue"), duration(t.queueMedianSeconds), change(t.queueMedianSeconds, p.queueMedianSeconds));
    row(tr("95th percentile time in queue"), duration(t.queueP95Seconds), change(t.queueP95Seconds, p.queueP95Seconds));
    row(tr("SLA breaches"), locale.toString(t.slaBreaches), change(double(t.slaBreaches), double(p.slaBreaches)));
    row(tr("Escalations"), locale.toString(t.escalations), {});
    return html
        + QStringLiteral("</table><p><small>%1</small></p>")
              .arg(tr("Changes in brackets compare with the previous quarter.").toHtmlEscaped());
}

QString QuarterlyReport::recommendationSection(
    RecommendationKind kind, const QString &heading, const QString &none) const
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(heading.toHtmlEscaped());
    QString items;
    for (const auto &r : m_data.current.recommendations.items) {
        if (r.kind != kind)
            continue;
        items += QStringLiteral("<li><b>%1</b>: %2</li>")
                     .arg(RecommendationModel::subject(r).toHtmlEscaped(), r.summary.toHtmlEscaped());
    }
    if (items.isEmpty())
        return html + QStringLiteral("<p>%1</p>").arg(none.toHtmlEscaped());
    return html + QStringLiteral("<ul>") + items + QStringLiteral("</ul>");
}

QString QuarterlyReport::queueSection() const
{
    QString html = QStringLiteral("<h2>%1</h2><table cellspacing=\"0\" cellpadding=\"4\" border=\"1\"><tr>")
                       .arg(tr("Queue times and SLA breaches by category").toHtmlEscaped());
    for (const QString &h :
        {tr("Category"), tr("Median"), tr("Previous"), tr("p95"), tr("Previous"), tr("SLA breaches"), tr("Previous")})
        html += QStringLiteral("<th>%1</th>").arg(h.toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (const auto &g : m_data.current.byCategory.groups) {
        const ReportGroup *before = findGroup(m_data.previousByCategory, g.key);
        const ReportGroup empty;
        const ReportGroup &p = before ? *before : empty;
        const QStringList cells{g.key, duration(g.queueMedianSeconds), duration(p.queueMedianSeconds),
            duration(g.queueP95Seconds), duration(p.queueP95Seconds), QLocale().toString(g.slaBreaches),
            before ? QLocale().toString(p.slaBreaches) : QStringLiteral("–")};
        html += QStringLiteral("<tr>");
        for (const auto &cell : cells)
            html += QStringLiteral("<td>%1</td>").arg(cell.toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString QuarterlyReport::reviewerSection() const
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(tr("How the reviewers' load was spread").toHtmlEscaped());
    qint64 all = 0;
    for (const auto &g : m_data.current.byReviewer.groups)
        all += g.reviewed;
    if (all == 0)
        return html + QStringLiteral("<p>%1</p>").arg(tr("No reviewed decisions in this quarter.").toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\" border=\"1\"><tr><th>%1</th><th>%2</th>"
                           "<th>%3</th><th>%4</th><th>%5</th></tr>")
                .arg(tr("Reviewer").toHtmlEscaped(), tr("Decisions").toHtmlEscaped(), tr("Share").toHtmlEscaped(),
                    tr("Rejection rate").toHtmlEscaped(), tr("Time to decide (median)").toHtmlEscaped());
    for (const auto &g : m_data.current.byReviewer.groups) {
        if (g.key.isEmpty() || g.reviewed == 0)
            continue;
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                               "<td align=\"right\">%4</td><td align=\"right\">%5</td></tr>")
                    .arg(g.key.toHtmlEscaped(), QLocale().toString(g.reviewed),
                        percent(double(g.reviewed) / double(all)), percent(g.rejectionRate),
                        duration(g.decideMedianSeconds));
    }
    return html + QStringLiteral("</table>");
}

QList<std::pair<QString, QImage>> QuarterlyReport::charts() const
{
    const ReportCharts charts(m_palette);
    const QSize size(720, 340);
    return {{QStringLiteral("chart-rates"), renderChart(charts.rates(m_data.current.byCategory), size)},
        {QStringLiteral("chart-queue"), renderChart(charts.queueTimes(m_data.current.byCategory), size)},
        {QStringLiteral("chart-trend"), renderChart(charts.trend(m_data.current.byWeek), size)},
        {QStringLiteral("chart-tiers"), renderChart(charts.tierVolume(m_data.current.byWeek), size)}};
}

QString QuarterlyReport::html() const
{
    const QLocale locale;
    const auto image = [](const QString &name) {
        return QStringLiteral("<p><img src=\"%1\" width=\"640\"></p>").arg(name);
    };
    QString html = QStringLiteral("<html><body><h1>%1</h1><p>%2</p>")
                       .arg(title().toHtmlEscaped(),
                           tr("%1 to %2")
                               .arg(locale.toString(m_data.current.from, QLocale::LongFormat),
                                   locale.toString(m_data.current.to, QLocale::LongFormat))
                               .toHtmlEscaped());
    html += headline();
    html += recommendationSection(RecommendationKind::Promote, tr("Move to auto-approve"),
        tr("No action type met the bar for auto-approval this quarter."));
    html += recommendationSection(RecommendationKind::Tighten, tr("Tighten"), tr("Nothing to tighten this quarter."));
    html += recommendationSection(RecommendationKind::Unassigned, tr("New action types the policy does not name"),
        tr("Every action type seen this quarter is named in the policy."));
    html += image(QStringLiteral("chart-rates"));
    html += queueSection();
    html += image(QStringLiteral("chart-queue")) + image(QStringLiteral("chart-trend"));
    html += reviewerSection();
    html += recommendationSection(
        RecommendationKind::Bottleneck, tr("Bottlenecks"), tr("No category or reviewer held up the queue."));
    html += image(QStringLiteral("chart-tiers"));
    return html + QStringLiteral("</body></html>");
}

QTextDocument *QuarterlyReport::document() const
{
    auto *doc = new QTextDocument;
    doc->setDocumentMargin(0);
    for (const auto &[name, image] : charts())
        doc->addResource(QTextDocument::ImageResource, QUrl(name), image);
    doc->setHtml(html());
    return doc;
}

QByteArray QuarterlyReport::toCsv() const
{
    CsvWriter csv;
    csv.addRow({title()});
    csv.addRow({});
    ReportTableModel table;
    table.setReport(m_data.current.byCategory);
    QByteArray out = csv.data() + table.toCsv() + '\n';
    table.setReport(m_data.current.byReviewer);
    out += table.toCsv() + '\n';
    table.setReport(m_data.current.byWeek);
    out += table.toCsv() + '\n';
    CsvWriter recommendations;
    recommendations.addRow(
        {QStringLiteral("recommendation"), QStringLiteral("id"), QStringLiteral("about"), QStringLiteral("summary")});
    for (const auto &r : m_data.current.recommendations.items) {
        recommendations.addRow({recommendationKindName(r.kind), r.id, RecommendationModel::subject(r), r.summary});
    }
    return out + recommendations.data();
}

Result<void> QuarterlyReport::exportPdf(const QString &path) const
{
    // Written beside the target and renamed over it, so a failed export never leaves half a file
    // or destroys the previous one.
    const QString partial = path + QStringLiteral(".part");
    {
        QPdfWriter writer(partial);
        writer.setTitle(title());
        writer.setCreator(QCoreApplication::applicationName());
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(150);
        std::unique_ptr<QTextDocument> doc(document());
        doc->print(&writer);
    }
    if (QFileInfo(partial).size() == 0) {
        QFile::remove(partial);
        return fail(Error::unavailable(tr("Cannot write %1.").arg(path)));
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return fail(Error::unavailable(tr("Cannot write %1.").arg(path)));
    }
    return {};
}

Result<void> QuarterlyReport::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Error::unavailable(tr("Cannot write %1: %2").arg(path, file.errorString())));
    const QByteArray data = toCsv();
    if (file.write(data) != data.size() || !file.commit())
        return fail(Error::unavailable(tr("Cannot write %1: %2").arg(path, file.errorString())));
    return {};
}

} // namespace Countersign
