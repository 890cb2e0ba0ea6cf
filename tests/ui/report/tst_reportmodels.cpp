#include "report/evidenceformatter.h"
#include "report/quarterlyreport.h"
#include "report/recommendationmodel.h"
#include "report/reportcharts.h"
#include "report/reporttablemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QJsonArray>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTextDocument>

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

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ReportTableModel::SortRole);
        proxy.sort(ReportTableModel::SubmittedColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("All"));
        QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("finance"));
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
            QVERIFY(!chart->series().isEmpty());
            QVERIFY(!chart->axes().isEmpty());
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
        const QuarterlyReport quarterly(data, QuarterlyReport::printPalette());
        QCOMPARE(quarterly.title(), QStringLiteral("Quarterly review: Q3 2026"));
        std::unique_ptr<QTextDocument> doc(quarterly.document());
        const QString text = doc->toPlainText();
        QVERIFY(text.contains(QStringLiteral("refund.issue")));
        QVERIFY(text.contains(QStringLiteral("Nothing to tighten this quarter.")));
        QVERIFY(text.contains(QStringLiteral("Every action type seen this quarter is named in the policy.")));
        QVERIFY(text.contains(QStringLiteral("75.0%"))); // rita's share of the decisions
        QVERIFY(text.contains(QStringLiteral("(+100%)"))); // the median queue time doubled
        QVERIFY(!doc->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart-rates"))).isNull());
        const QByteArray csv = quarterly.toCsv();
        QVERIFY(csv.startsWith("Quarterly review: Q3 2026\n"));
        QVERIFY(csv.contains("promote,promote:refund.issue,refund.issue,\"Because refund.issue, \"\"quoted\"\"\""));
    }
};

QTEST_MAIN(TestReportModels)
#include "tst_reportmodels.moc"
