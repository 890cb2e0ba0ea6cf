#include "quarterlyreport.h"

#include "charttextobject.h"
#include "domain/csvwriter.h"
#include "evidenceformatter.h"
#include "queue/queuemodel.h"
#include "recommendationmodel.h"
#include "reportcharts.h"
#include "reporttablemodel.h"

#include <QAbstractTextDocumentLayout>
#include <QChart>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTextOption>

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

// The evidence of a recommendation in one line: "Reviewed: 271 · Approval rate: 99.3% · ...".
QString evidenceLine(const QJsonObject &evidence)
{
    QStringList parts;
    for (auto it = evidence.begin(); it != evidence.end(); ++it) {
        if (it->isObject())
            continue; // the window: the whole review is about one quarter
        parts.append(
            QStringLiteral("%1: %2").arg(EvidenceFormatter::label(it.key()), EvidenceFormatter::value(it.key(), *it)));
    }
    return parts.join(QStringLiteral(" · "));
}

bool isSpotCheckFinding(const Recommendation &r)
{
    return r.kind == RecommendationKind::Tighten && r.id.startsWith(QLatin1String("tighten:"));
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
    const std::function<bool(const Recommendation &)> &which, const QString &heading, const QString &none) const
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(heading.toHtmlEscaped());
    QString items;
    for (const auto &r : m_data.current.recommendations.items) {
        if (!which(r))
            continue;
        QString whatIf;
        if (r.kind == RecommendationKind::Promote && !r.proposedChanges.isEmpty()) {
            const auto found = m_data.whatIfRejectedOrModified.constFind(r.id);
            whatIf = QStringLiteral("<br><small>%1</small>")
                         .arg((found == m_data.whatIfRejectedOrModified.cend()
                                 ? tr("What if: could not be computed.")
                                 : tr("What if: would have auto-approved %n that reviewers rejected or edited.", "",
                                       int(qMin<qint64>(*found, INT_MAX))))
                                 .toHtmlEscaped());
        }
        items += QStringLiteral("<li><b>%1</b>: %2<br><small>%3</small>%4</li>")
                     .arg(RecommendationModel::subject(r).toHtmlEscaped(), r.summary.toHtmlEscaped(),
                         evidenceLine(r.evidence).toHtmlEscaped(), whatIf);
    }
    if (items.isEmpty())
        return html + QStringLiteral("<p>%1</p>").arg(none.toHtmlEscaped());
    return html + QStringLiteral("<ul>") + items + QStringLiteral("</ul>");
}

QString QuarterlyReport::decisionsSection() const
{
    const auto kind = [](RecommendationKind k) {
        return [k](const Recommendation &r) {
            return r.kind == k && !isSpotCheckFinding(r);
        };
    };
    QString html = QStringLiteral("<h2>%1</h2>").arg(tr("Decisions to take").toHtmlEscaped());
    html += recommendationSection(kind(RecommendationKind::Promote), tr("Move to auto-approve"),
        tr("No action type met the bar for auto-approval this quarter."));
    html += recommendationSection(
        kind(RecommendationKind::Tighten), tr("Tighten"), tr("Nothing to tighten this quarter."));
    html += recommendationSection(isSpotCheckFinding, tr("Spot-check findings"),
        tr("Spot checks of auto-approved actions found no problem this quarter."));
    html += recommendationSection(kind(RecommendationKind::Unassigned),
        tr("Assign: new action types the policy does not name"),
        tr("Every action type seen this quarter is named in the policy."));
    return html;
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
                           "<th>%3</th><th>%4</th><th>%5</th><th>%6</th><th>%7</th></tr>")
                .arg(tr("Reviewer").toHtmlEscaped(), tr("Decisions").toHtmlEscaped(), tr("Share").toHtmlEscaped(),
                    tr("Rejection rate").toHtmlEscaped(), tr("Time to decide (median)").toHtmlEscaped(),
                    tr("Approvals checked").toHtmlEscaped(), tr("Found wrong").toHtmlEscaped());
    QHash<QString, ReviewerReport::Row> spot;
    for (const ReviewerReport::Row &r : m_data.reviewers.rows)
        spot.insert(r.reviewer, r);
    for (const auto &g : m_data.current.byReviewer.groups) {
        if (g.key.isEmpty() || g.reviewed == 0)
            continue;
        const ReviewerReport::Row r = spot.value(g.key);
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                               "<td align=\"right\">%4</td><td align=\"right\">%5</td>"
                               "<td align=\"right\">%6</td><td align=\"right\">%7</td></tr>")
                    .arg(g.key.toHtmlEscaped(), QLocale().toString(g.reviewed),
                        percent(double(g.reviewed) / double(all)), percent(g.rejectionRate),
                        duration(g.decideMedianSeconds), QLocale().toString(r.spotChecked),
                        r.foundWrongRate < 0 ? QStringLiteral("–") : percent(r.foundWrongRate));
    }
    html += QStringLiteral("</table><p>%1</p>")
                .arg(tr("Approvals checked: a reviewer's approvals sampled for a spot check that got a verdict. Found "
                        "wrong: the share of those whose verdict was a problem.")
                        .toHtmlEscaped());
    return html;
}

QString QuarterlyReport::html() const
{
    const QLocale locale;
    const auto chart = [](int index) {
        return QStringLiteral("<p>%1</p>").arg(ChartTextObject::marker(index));
    };
    QString html = QStringLiteral("<html><body><h1>%1</h1><p>%2</p>")
                       .arg(title().toHtmlEscaped(),
                           tr("%1 to %2")
                               .arg(locale.toString(m_data.current.from, QLocale::LongFormat),
                                   locale.toString(m_data.current.to, QLocale::LongFormat))
                               .toHtmlEscaped());
    // The cover: what to decide, with its evidence, then the quarter in figures.
    html += decisionsSection();
    html += QStringLiteral("<h2>%1</h2>").arg(tr("The quarter in figures").toHtmlEscaped());
    html += headline();
    html += chart(0) + chart(2);
    html += queueSection();
    html += chart(1);
    html += reviewerSection();
    html += recommendationSection(
        [](const Recommendation &r) {
            return r.kind == RecommendationKind::Bottleneck;
        },
        tr("Bottlenecks"), tr("No category or reviewer held up the queue."));
    html += chart(3);
    return html + QStringLiteral("</body></html>");
}

QTextDocument *QuarterlyReport::document() const
{
    auto *doc = new QTextDocument;
    doc->setDocumentMargin(0);
    // Break lines between words only: "communications" never becomes "communica-" + "tions".
    QTextOption option = doc->defaultTextOption();
    option.setWrapMode(QTextOption::WordWrap);
    doc->setDefaultTextOption(option);
    auto *charts = new ChartTextObject(doc);
    const ReportCharts built(m_palette);
    charts->addChart(built.rates(m_data.current.byCategory));
    charts->addChart(built.queueTimes(m_data.current.byCategory));
    charts->addChart(built.trend(m_data.current.byWeek));
    charts->addChart(built.tierVolume(m_data.current.byWeek));
    doc->setHtml(html());
    charts->placeCharts();
    return doc;
}

int QuarterlyReport::paint(QPainter &painter, const QSizeF &page, const std::function<void()> &newPage) const
{
    std::unique_ptr<QTextDocument> doc(document());
    // Laid out for the device (its resolution sizes the fonts) and cut into pages of `page`; a
    // line, table row or chart that would straddle a page starts the next one.
    doc->documentLayout()->setPaintDevice(painter.device());
    doc->setPageSize(page);
    const int pages = doc->pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            newPage();
        painter.save();
        const QRectF clip(QPointF(0, i * page.height()), page);
        painter.translate(0, -clip.top());
        doc->drawContents(&painter, clip);
        painter.restore();
    }
    return pages;
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
        QPainter painter;
        if (!painter.begin(&writer))
            return fail(Error::unavailable(tr("Cannot write %1.").arg(path)));
        paint(painter, writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF(), [&writer] {
            writer.newPage();
        });
        painter.end();
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
