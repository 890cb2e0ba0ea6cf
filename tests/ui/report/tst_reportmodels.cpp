#include "report/evidenceformatter.h"
#include "report/proposaldialog.h"
#include "report/quarterlyreport.h"
#include "report/recommendationmodel.h"
#include "report/reportcharts.h"
#include "report/reporttablemodel.h"
#include "report/reporttableproxy.h"
#include "report/reviewertablemodel.h"
#include "style/statuscolors.h"
#include "textrecorder.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QChart>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTextDocument>
#include <QTimeZone>

using namespace Countersign;

namespace {

ReportGroup group(const QString &key, qint64 approved, qint64 modified, qint64 rejected, double median)
{
    ReportGroup g;
    g.key = key;
    g.approved = approved;
    g.modified = modified;
    g.rejected = rejected;
    g.reviewed = approved + modified + rejected;
    g.submitted = g.reviewed + 2;
    if (g.reviewed > 0) {
        g.approvalRate = double(approved) / double(g.reviewed);
        g.modificationRate = double(modified) / double(g.reviewed);
        g.rejectionRate = double(rejected) / double(g.reviewed);
    }
    g.queueMedianSeconds = median;
    g.queueP95Seconds = median < 0 ? -1 : median * 3;
    return g;
}

ApprovalReport report(ReportGrouping by, QList<ReportGroup> groups)
{
    ApprovalReport r;
    r.groupBy = by;
    r.groups = std::move(groups);
    for (const auto &g : r.groups) {
        r.totals.submitted += g.submitted;
        r.totals.approved += g.approved;
        r.totals.modified += g.modified;
        r.totals.rejected += g.rejected;
        r.totals.reviewed += g.reviewed;
    }
    return r;
}

Recommendation recommendation(RecommendationKind kind, const QString &id, const QString &type)
{
    Recommendation r;
    r.kind = kind;
    r.id = id;
    r.type = type;
    r.summary = QStringLiteral("Because %1, \"quoted\"").arg(type);
    r.evidence = QJsonObject{{QStringLiteral("reviewed"), 250}, {QStringLiteral("approval_rate"), 0.992},
        {QStringLiteral("queue_time_median_s"), 5400}};
    return r;
}

} // namespace

class TestReportModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableModelPassesTheTester()
    {
        ReportTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0); // empty report: no lonely totals row
        model.setReport(report(ReportGrouping::Category,
            {group(QStringLiteral("finance"), 8, 1, 1, 120), group(QStringLiteral("code"), 0, 0, 0, -1)}));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, ReportTableModel::ApprovalRateColumn).data().toString(),
            QLocale().toString(80.0, 'f', 1) + u'%');
        QCOMPARE(model.index(0, ReportTableModel::ApprovalRateColumn).data(ReportTableModel::SortRole).toDouble(), 0.8);
        QCOMPARE(model.index(1, ReportTableModel::RejectionRateColumn).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(1, ReportTableModel::QueueMedianColumn).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(0, ReportTableModel::QueueMedianColumn).data().toString(), QStringLiteral("2 min"));
        QCOMPARE(model.index(2, ReportTableModel::KeyColumn).data().toString(), QStringLiteral("All"));
        QCOMPARE(model.index(2, ReportTableModel::SubmittedColumn).data(ReportTableModel::SortRole).toLongLong(), 14);

        // A plain proxy sorts "All" among the groups (it has the most of everything).
        QSortFilterProxyModel plain;
        plain.setSourceModel(&model);
        plain.setSortRole(ReportTableModel::SortRole);
        plain.sort(ReportTableModel::SubmittedColumn, Qt::DescendingOrder);
        QCOMPARE(plain.index(0, 0).data().toString(), QStringLiteral("All"));
    }

    void totalsRowStaysLastWhateverTheSort()
    {
        ReportTableModel model;
        ReportTableProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setReport(report(ReportGrouping::Category,
            {group(QStringLiteral("code"), 3, 0, 1, 60), group(QStringLiteral("finance"), 8, 1, 1, 120),
                group(QStringLiteral("zeta"), 0, 0, 0, -1)}));
        QCOMPARE(proxy.rowCount(), 4);
        for (int column = 0; column < ReportTableModel::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                proxy.sort(column, order);
                QCOMPARE(proxy.index(3, 0).data(ReportTableModel::IsTotalsRole).toBool(), true);
                QCOMPARE(proxy.index(3, 0).data().toString(), QStringLiteral("All"));
                // The groups themselves still follow the sort.
                for (int row = 0; row + 1 < 3; ++row) {
                    const QVariant a = proxy.index(row, column).data(ReportTableModel::SortRole);
                    const QVariant b = proxy.index(row + 1, column).data(ReportTableModel::SortRole);
                    const auto c = QVariant::compare(a, b);
                    QVERIFY2(order == Qt::AscendingOrder ? c != QPartialOrdering::Greater : c != QPartialOrdering::Less,
                        qPrintable(QStringLiteral("column %1 row %2").arg(column).arg(row)));
                }
            }
        }
        // A new report keeps the rule.
        model.setReport(report(ReportGrouping::Category, {group(QStringLiteral("a"), 1, 0, 0, 10)}));
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("All"));
    }

    void deltasAgainstThePreviousPeriod()
    {
        ReportTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ApprovalReport now = report(ReportGrouping::Category,
            {group(QStringLiteral("finance"), 9, 0, 1, 120), group(QStringLiteral("new"), 5, 0, 0, 60)});
        ApprovalReport before = report(ReportGrouping::Category, {group(QStringLiteral("finance"), 7, 0, 3, 60)});
        model.setReport(now, before);
        // finance: approval 70% -> 90% (+20 points, better), rejection 30% -> 10% (better), median 1 -> 2 min.
        const QModelIndex approval = model.index(0, ReportTableModel::ApprovalRateColumn);
        QCOMPARE(approval.data(ReportTableModel::DeltaRole).toDouble(), 20.0);
        QVERIFY(approval.data().toString().endsWith(QStringLiteral("▲")));
        QCOMPARE(approval.data(ReportTableModel::SortRole).toDouble(), 0.9); // sorting is unaffected
        const QColor up = approval.data(Qt::ForegroundRole).value<QBrush>().color();
        QVERIFY(up.green() > up.red());
        const QModelIndex rejection = model.index(0, ReportTableModel::RejectionRateColumn);
        QVERIFY(rejection.data().toString().endsWith(QStringLiteral("▼")));
        const QColor down = rejection.data(Qt::ForegroundRole).value<QBrush>().color();
        QVERIFY(down.green() > down.red()); // fewer rejections is better too
        const QModelIndex queue = model.index(0, ReportTableModel::QueueMedianColumn);
        QVERIFY(queue.data(ReportTableModel::DeltaRole).toDouble() > 0);
        const QColor slower = queue.data(Qt::ForegroundRole).value<QBrush>().color();
        QVERIFY(slower.red() > slower.green());
        QVERIFY(approval.data(Qt::ToolTipRole).toString().contains(QLocale().toString(70.0, 'f', 1)));
        // A group the previous period did not have, and counts: no delta.
        QVERIFY(!model.index(1, ReportTableModel::ApprovalRateColumn).data(ReportTableModel::DeltaRole).isValid());
        QVERIFY(!model.index(0, ReportTableModel::SubmittedColumn).data(ReportTableModel::DeltaRole).isValid());
        // Without a previous period nothing changes.
        model.setReport(now);
        QVERIFY(!model.index(0, ReportTableModel::ApprovalRateColumn).data().toString().contains(QStringLiteral("▲")));
    }

    void trendShowsThePreviousPeriodFaintly()
    {
        const ReportCharts charts(QApplication::palette());
        ApprovalReport now = report(ReportGrouping::Week,
            {group(QStringLiteral("2026-11-02"), 9, 1, 0, 60), group(QStringLiteral("2026-11-09"), 8, 1, 1, 60)});
        now.from = QDateTime(QDate(2026, 11, 2), QTime(0, 0), QTimeZone::UTC);
        ApprovalReport before = report(ReportGrouping::Week, {group(QStringLiteral("2026-10-19"), 5, 5, 0, 60)});
        before.from = QDateTime(QDate(2026, 10, 19), QTime(0, 0), QTimeZone::UTC);
        std::unique_ptr<QChart> chart(charts.trend(now, before));
        const auto series = chart->series();
        QCOMPARE(series.size(), 4);
        auto *faint = qobject_cast<QLineSeries *>(series.at(3));
        QVERIFY(faint);
        QCOMPARE(faint->count(), 1);
        // 19 Oct moved 14 days onto 2 Nov, at its 50 % approval rate.
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(faint->at(0).x()), QTimeZone::UTC).date(), QDate(2026, 11, 2));
        QCOMPARE(faint->at(0).y(), 50.0);
        QCOMPARE(faint->pen().style(), Qt::DashLine);
        QVERIFY(faint->pen().color().alpha() < 255);
        // Without a previous period: the three rates only.
        std::unique_ptr<QChart> plain(charts.trend(now));
        QCOMPARE(plain->series().size(), 3);
    }

    void csvHasHeaderGroupsAndTotals()
    {
        ReportTableModel model;
        model.setReport(report(ReportGrouping::Type, {group(QStringLiteral("email, external"), 3, 1, 0, 60)}));
        const QList<QByteArray> lines = model.toCsv().split('\n');
        QVERIFY(lines.at(0).startsWith("type,Submitted,Auto-approved,"));
        QVERIFY(lines.at(1).startsWith("\"email, external\",6,0,0,4,3,1,0,0,0,0.75,0.25,0,60,180,-1,0,0"));
        QVERIFY(lines.at(2).startsWith("*,6,"));
    }

    // The reviewers table: the tester, numbers sorting as numbers (a time without data first), and
    // a found-wrong rate above the team's in the palette's negative colour, never on a lone row.
    void reviewerModelSortsAndMarksFoundWrong()
    {
        const auto row = [](const QString &name, qint64 decisions, double median, qint64 checked, qint64 problems) {
            ReviewerReport::Row r;
            r.reviewer = name;
            r.decisions = r.approved = decisions;
            r.decisionShare = decisions / 100.0;
            r.decideMedianSeconds = median;
            r.spotSampled = r.spotChecked = checked;
            r.spotProblems = problems;
            if (checked > 0) {
                r.foundWrongRate = double(problems) / double(checked);
                r.agreementRate = 1.0 - r.foundWrongRate;
            }
            return r;
        };
        ReviewerReport report;
        report.totalDecisions = 100;
        report.rows = {row(QStringLiteral("alice"), 50, 40, 10, 0), row(QStringLiteral("bruno"), 9, -1, 0, 0),
            row(QStringLiteral("chen"), 41, 300, 8, 4)};
        ReviewerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(report);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ReviewerTableModel::ColumnCount));
        QCOMPARE(
            model.index(2, ReviewerTableModel::ShareColumn).data().toString(), QLocale().toString(41.0, 'f', 1) + u'%');
        QCOMPARE(model.index(1, ReviewerTableModel::FoundWrongColumn).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(2, ReviewerTableModel::FoundWrongColumn).data().toString(),
            QLocale().toString(50.0, 'f', 1) + u'%');

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ReviewerTableModel::SortRole);
        proxy.sort(ReviewerTableModel::DecideMedianColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("bruno")); // no data
        QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("chen")); // 300 s after 40 s
        proxy.sort(ReviewerTableModel::DecisionsColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("alice"));

        // Team: 4 problems in 18 checks; chen's 50 % is above it, alice's 0 % is not.
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(32, 33, 36));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        model.setPalette(dark);
        QCOMPARE(model.teamFoundWrongRate(), 4.0 / 18.0);
        const QVariant chen = model.index(2, ReviewerTableModel::FoundWrongColumn).data(Qt::ForegroundRole);
        QCOMPARE(chen.value<QBrush>().color(), StatusColors::text(StatusColors::Kind::Negative, dark));
        QVERIFY(!model.index(0, ReviewerTableModel::FoundWrongColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.index(2, ReviewerTableModel::FoundWrongColumn).data(Qt::ToolTipRole).toString().contains(u'4'));

        report.rows = {report.rows.at(2)}; // a reviewer's own row
        model.setReport(report);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.index(0, ReviewerTableModel::FoundWrongColumn).data(Qt::ForegroundRole).isValid());
        model.setReport({});
        QCOMPARE(model.rowCount(), 0);
    }

    void recommendationModelPassesTheTester()
    {
        RecommendationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecommendations(
            {recommendation(RecommendationKind::Promote, QStringLiteral("promote:a"), QStringLiteral("a")),
                recommendation(RecommendationKind::Unassigned, QStringLiteral("unassigned:b"), QStringLiteral("b"))});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOfId(QStringLiteral("unassigned:b")), 1);
        QCOMPARE(model.rowOfId(QStringLiteral("missing")), -1);
        QCOMPARE(model.index(1, RecommendationModel::KindColumn).data(RecommendationModel::KindRole).toInt(),
            int(RecommendationKind::Unassigned));
        Recommendation reviewer;
        reviewer.reviewer = QStringLiteral("rob");
        QCOMPARE(RecommendationModel::subject(reviewer), QStringLiteral("reviewer rob"));
    }

    void evidenceReadsLikeFigures()
    {
        QCOMPARE(EvidenceFormatter::label(QStringLiteral("queue_time_median_s")), QStringLiteral("Queue time median"));
        QCOMPARE(
            EvidenceFormatter::value(QStringLiteral("approval_rate"), 0.992), QLocale().toString(99.2, 'f', 1) + u'%');
        QCOMPARE(EvidenceFormatter::value(QStringLiteral("queue_time_median_s"), 5400), QStringLiteral("1 h 30 min"));
        QCOMPARE(EvidenceFormatter::value(QStringLiteral("reviewed"), 250), QStringLiteral("250"));
        const QJsonArray examples{QJsonObject{{QStringLiteral("id"), QStringLiteral("x1")},
                                      {QStringLiteral("title"), QStringLiteral("First")}},
            QJsonObject{{QStringLiteral("id"), QStringLiteral("x2")}}};
        QCOMPARE(EvidenceFormatter::value(QStringLiteral("examples"), examples), QStringLiteral("First; x2"));
        const QString html = EvidenceFormatter::toHtml(QJsonObject{{QStringLiteral("note"), QStringLiteral("<b>")}});
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;")));
    }

    void chartsCopeWithEmptyReports()
    {
        const ReportCharts charts(QApplication::palette());
        const ApprovalReport empty;
        for (QChart *chart :
            {charts.rates(empty), charts.queueTimes(empty), charts.trend(empty), charts.tierVolume(empty)}) {
            QVERIFY(chart);
            // An empty state in words, not axes around nothing (or a white box).
            QVERIFY(!chart->property("emptyText").toString().isEmpty());
            QVERIFY(chart->series().isEmpty());
            QCOMPARE(chart->backgroundBrush().color(), QApplication::palette().color(QPalette::Base));
            delete chart;
        }
    }

    void quarterlyReportAnswersTheQuestions()
    {
        QuarterData data;
        data.year = 2026;
        data.quarter = 3;
        data.current.from = QuarterData::firstDay(2026, 3);
        data.current.to = QuarterData::lastDay(2026, 3);
        QCOMPARE(data.current.to, QDate(2026, 9, 30));
        data.current.byCategory = report(ReportGrouping::Category, {group(QStringLiteral("finance"), 90, 5, 5, 1200)});
        data.previousByCategory = report(ReportGrouping::Category, {group(QStringLiteral("finance"), 40, 5, 5, 600)});
        data.current.byCategory.totals.queueMedianSeconds = 1200;
        data.previousTotals = data.previousByCategory;
        data.previousTotals.totals.queueMedianSeconds = 600;
        data.current.byReviewer = report(ReportGrouping::Reviewer,
            {group(QStringLiteral("rita"), 75, 0, 0, -1), group(QStringLiteral("rob"), 25, 0, 0, -1)});
        data.current.recommendations.items = {recommendation(
            RecommendationKind::Promote, QStringLiteral("promote:refund.issue"), QStringLiteral("refund.issue"))};
        ReviewerReport::Row rob; // 3 of rob's 8 checked approvals found wrong
        rob.reviewer = QStringLiteral("rob");
        rob.spotChecked = 8;
        rob.spotProblems = 3;
        rob.foundWrongRate = 0.375;
        data.reviewers.rows = {rob};
        const QuarterlyReport quarterly(data, QuarterlyReport::printPalette());
        QCOMPARE(quarterly.title(), QStringLiteral("Quarterly review: Q3 2026"));
        std::unique_ptr<QTextDocument> doc(quarterly.document());
        const QString text = doc->toPlainText();
        QVERIFY(text.contains(QStringLiteral("refund.issue")));
        QVERIFY(text.contains(QStringLiteral("Nothing to tighten this quarter.")));
        QVERIFY(text.contains(QStringLiteral("Every action type seen this quarter is named in the policy.")));
        QVERIFY(text.contains(QStringLiteral("75.0%"))); // rita's share of the decisions
        QVERIFY(text.contains(QStringLiteral("37.5%"))); // rob's approvals found wrong
        QVERIFY(text.contains(QStringLiteral("Found wrong")));
        QVERIFY(text.contains(QStringLiteral("(+100%)"))); // the median queue time doubled
        QCOMPARE(text.count(QChar::ObjectReplacementCharacter), 4); // the four charts, inline
        const QByteArray csv = quarterly.toCsv();
        QVERIFY(csv.startsWith("Quarterly review: Q3 2026\n"));
        QVERIFY(csv.contains("promote,promote:refund.issue,refund.issue,\"Because refund.issue, \"\"quoted\"\"\""));
    }

    void unassignedProposalChoosesACategory()
    {
        Recommendation hinted = recommendation(RecommendationKind::Unassigned,
            QStringLiteral("unassigned:calendar.invite"), QStringLiteral("calendar.invite"));
        hinted.proposedChanges
            = {PolicyChange{QStringLiteral("calendar.invite"), Tier::Review, QStringLiteral("communications")}};
        ProposalDialog dialog(hinted);
        dialog.offerCategories({QStringLiteral("communications"), QStringLiteral("finance"), QStringLiteral("triage")});
        auto *category = dialog.findChild<QComboBox *>(QStringLiteral("category:calendar.invite"));
        QVERIFY(category);
        QCOMPARE(category->currentData().toString(), QStringLiteral("communications")); // the agents' hint
        QCOMPARE(dialog.changes().constFirst().category, QStringLiteral("communications"));
        category->setCurrentIndex(category->findData(QStringLiteral("finance")));
        QCOMPARE(dialog.changes().constFirst().category, QStringLiteral("finance"));
        QCOMPARE(dialog.changes().constFirst().tier, Tier::Review);

        Recommendation unhinted = hinted;
        unhinted.proposedChanges = {PolicyChange{QStringLiteral("crm.update_contact"), Tier::Review}};
        ProposalDialog plain(unhinted);
        plain.offerCategories({QStringLiteral("finance")});
        auto *none = plain.findChild<QComboBox *>(QStringLiteral("category:crm.update_contact"));
        QVERIFY(none);
        QCOMPARE(none->currentIndex(), 0); // keep the default until the lead picks one
        QCOMPARE(plain.changes().constFirst().category, QString());
        QVERIFY(!plain.findChild<QLabel *>(QStringLiteral("categoryHintNote:crm.update_contact")));

        // A known hint (calendar.invite above) shows no note; an unknown one shows it and hands
        // it on in the note, the category staying the default until the lead picks one.
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("categoryHintNote:calendar.invite")));
        Recommendation unknown = unhinted;
        unknown.evidence.insert(QStringLiteral("category_hint"), QStringLiteral("sales"));
        unknown.evidence.insert(QStringLiteral("category_hint_known"), false);
        ProposalDialog sales(unknown);
        sales.offerCategories({QStringLiteral("finance"), QStringLiteral("triage")});
        auto *note = sales.findChild<QLabel *>(QStringLiteral("categoryHintNote:crm.update_contact"));
        QVERIFY(note);
        QVERIFY(note->text().contains(QStringLiteral("“sales”")));
        auto *salesCategory = sales.findChild<QComboBox *>(QStringLiteral("category:crm.update_contact"));
        QVERIFY(salesCategory);
        QCOMPARE(salesCategory->findData(QStringLiteral("sales")), -1); // not offered: the policy lacks it
        QCOMPARE(sales.changes().constFirst().category, QString());
        QVERIFY(sales.note().contains(QStringLiteral("sales")));
        salesCategory->setCurrentIndex(salesCategory->findData(QStringLiteral("finance")));
        QCOMPARE(sales.changes().constFirst().category, QStringLiteral("finance"));
    }

    // What a PDF reader would extract from the printed review: every axis label whole and inside
    // the page, no word broken across lines, no page left mostly blank, the decisions up front.
    void quarterlyPdfKeepsLabelsAndWords()
    {
        QuarterData data;
        data.year = 2026;
        data.quarter = 4;
        data.current.from = QuarterData::firstDay(2026, 4);
        data.current.to = QuarterData::lastDay(2026, 4);
        const QStringList categories{QStringLiteral("communications"), QStringLiteral("notifications"),
            QStringLiteral("operations"), QStringLiteral("finance"), QStringLiteral("code"), QStringLiteral("data"),
            QStringLiteral("triage")};
        QList<ReportGroup> groups;
        for (int i = 0; i < categories.size(); ++i)
            groups.append(group(categories.at(i), 80 + 10 * i, 5 + i, 3 * i, 600.0 * (i + 1)));
        data.current.byCategory = report(ReportGrouping::Category, groups);
        data.previousByCategory = data.current.byCategory;
        data.previousTotals = data.current.byCategory;
        QList<ReportGroup> weeks;
        for (int w = 0; w < 13; ++w) {
            ReportGroup g = group(QDate(2026, 10, 5).addDays(7 * w).toString(Qt::ISODate), 60 + w, 5, w, 300);
            g.autoApproved = 40;
            weeks.append(g);
        }
        data.current.byWeek = report(ReportGrouping::Week, weeks);
        data.current.byReviewer = report(ReportGrouping::Reviewer,
            {group(QStringLiteral("alice"), 300, 4, 2, -1), group(QStringLiteral("bruno"), 200, 8, 9, -1)});
        Recommendation finding = recommendation(
            RecommendationKind::Tighten, QStringLiteral("tighten:db.query"), QStringLiteral("db.query"));
        finding.evidence = QJsonObject{{QStringLiteral("spot_checks"), 6}, {QStringLiteral("problems"), 3}};
        data.current.recommendations.items
            = {recommendation(RecommendationKind::Promote, QStringLiteral("promote:email.send_external"),
                   QStringLiteral("email.send_external")),
                recommendation(RecommendationKind::Tighten, QStringLiteral("tighten-rates:code.merge_patch"),
                    QStringLiteral("code.merge_patch")),
                finding,
                recommendation(RecommendationKind::Unassigned, QStringLiteral("unassigned:calendar.invite"),
                    QStringLiteral("calendar.invite"))};
        const QuarterlyReport quarterly(data, QuarterlyReport::printPalette());

        // A4 less 15 mm margins at 150 dpi, as exportPdf() prints.
        TextRecorder page(QSize(1063, 1577), 150);
        QPainter painter(&page);
        const int pages = quarterly.paint(painter, QSizeF(page.size()), [&page] {
            page.newPage();
        });
        painter.end();
        QVERIFY(pages >= 2);

        QStringList texts;
        for (const TextRecorder::Item &item : page.items()) {
            texts.append(item.text.trimmed());
            QVERIFY2(!item.text.contains(QChar(0x2026)) && !item.text.contains(QStringLiteral("...")),
                qPrintable(item.text)); // nothing elided
            QVERIFY2(item.rect.left() >= -1 && item.rect.right() <= page.size().width() + 1 && item.rect.top() >= -1
                    && item.rect.bottom() <= page.size().height() + 1,
                qPrintable(QStringLiteral("%1 at %2..%3").arg(item.text).arg(item.rect.left()).arg(item.rect.right())));
        }
        // The percentage axes of the outcome charts, each label whole.
        for (const QString &label : {QStringLiteral("0%"), QStringLiteral("25%"), QStringLiteral("50%"),
                 QStringLiteral("75%"), QStringLiteral("100%")})
            QVERIFY2(texts.contains(label), qPrintable(label + QStringLiteral(" not in ") + texts.join(u'|')));
        QVERIFY(texts.contains(QStringLiteral("communications")));

        // No word split by a line break: a broken word is drawn as two pieces, one line after
        // the other, neither of them a word of the document but both together one.
        std::unique_ptr<QTextDocument> doc(quarterly.document());
        static const QRegularExpression separators(QStringLiteral("[\\s,;:()·]+"));
        const QStringList docWords = doc->toPlainText().split(separators, Qt::SkipEmptyParts);
        const QSet<QString> vocabulary(docWords.begin(), docWords.end());
        QVERIFY(vocabulary.contains(QStringLiteral("communications")));
        const auto &items = page.items();
        for (qsizetype i = 0; i + 1 < items.size(); ++i) {
            const QStringList here = items.at(i).text.split(separators, Qt::SkipEmptyParts);
            const QStringList next = items.at(i + 1).text.split(separators, Qt::SkipEmptyParts);
            if (here.isEmpty() || next.isEmpty() || items.at(i + 1).rect.top() <= items.at(i).rect.top())
                continue; // not the next line
            const QString head = here.constLast();
            const QString tail = next.constFirst();
            QVERIFY2(vocabulary.contains(head) || !vocabulary.contains(head + tail),
                qPrintable(QStringLiteral("\"%1\" broken into \"%2\" and \"%3\"").arg(head + tail, head, tail)));
        }

        // The cover opens with the decisions to take, each with its evidence.
        QStringList first;
        for (const TextRecorder::Item &item : page.items()) {
            if (item.page == 0)
                first.append(item.text);
        }
        const QString cover = first.join(u' ');
        for (const QString &expected : {QStringLiteral("Decisions to take"), QStringLiteral("email.send_external"),
                 QStringLiteral("code.merge_patch"), QStringLiteral("Spot-check findings"), QStringLiteral("db.query"),
                 QStringLiteral("calendar.invite"), QStringLiteral("Problems: 3")})
            QVERIFY2(cover.contains(expected), qPrintable(expected));

        // Pages filled: every page but the last at least half.
        const QList<qreal> bottoms = page.bottoms();
        qInfo() << "pages" << pages << "filled to" << bottoms << "of" << page.size().height();
        QCOMPARE(bottoms.size(), pages);
        for (int i = 0; i + 1 < pages; ++i)
            QVERIFY2(bottoms.at(i) >= 0.5 * page.size().height(), qPrintable(QString::number(i)));
    }
};

QTEST_MAIN(TestReportModels)
#include "tst_reportmodels.moc"
