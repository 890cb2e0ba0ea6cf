#include "client/serverconnection.h"
#include "domain/clock.h"
#include "report/bottleneckview.h"
#include "report/quarterlyreviewpanel.h"
#include "report/recommendationmodel.h"
#include "report/recommendationspanel.h"
#include "report/reporttablemodel.h"
#include "report/reportwindow.h"
#include "report/reviewerspanel.h"
#include "report/reviewertablemodel.h"
#include "reportseeding.h"
#include "server/queueserver.h"
#include "server/role.h"
#include "server/serverconfig.h"
#include "testresult.h"
#include "widgets/noticelabel.h"

#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QHorizontalPercentBarSeries>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineSeries>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimeZone>
#include <QTimer>
#include <QTreeView>

#include <map>

using namespace Countersign;

namespace {

// What the test did to one category, counted while doing it: the report must say the same.
struct Expected {
    qint64 submitted = 0, autoApproved = 0, prohibited = 0, approved = 0, modified = 0, rejected = 0;
    qint64 reviewed() const { return approved + modified + rejected; }
};

} // namespace

class TestReportWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SystemClock m_clock;
    std::unique_ptr<QueueServer> m_server;
    std::unique_ptr<ServerConnection> m_agent;
    std::unique_ptr<ServerConnection> m_lead;
    std::map<QString, std::unique_ptr<ServerConnection>> m_reviewers;
    QHash<QString, Expected> m_expected; // by category
    QHash<QString, qint64> m_decisionsBy; // by reviewer
    std::unique_ptr<ReportWindow> m_window;

    std::unique_ptr<ServerConnection> connectAs(Role role, const QString &name)
    {
        return Test::connectAs(*m_server, role, name);
    }

    QJsonObject submit(const QString &type, int n)
    {
        return Test::submitSeedAction(*m_agent, type, n, QStringLiteral("seeded by the report test"));
    }

    bool decide(const QString &reviewer, const QString &id, Outcome outcome)
    {
        Decision d;
        d.outcome = outcome;
        if (outcome == Outcome::Modify)
            d.payload = Payload{QStringLiteral("edited\n"), QStringLiteral("markdown")};
        if (outcome == Outcome::Reject)
            d.reason = QStringLiteral("not like this");
        const auto r = Test::awaitFinished(m_reviewers.at(reviewer)->decide(id, d));
        if (!r)
            qWarning() << "decision failed:" << r.error().toString();
        return r.has_value();
    }

    void seed()
    {
        // Review-tier types of three categories, decided at random by two reviewers.
        const std::pair<QString, QString> reviewTypes[]
            = {{QStringLiteral("email.send_external"), QStringLiteral("communications")},
                {QStringLiteral("refund.issue"), QStringLiteral("finance")},
                {QStringLiteral("code.merge_patch"), QStringLiteral("code")}};
        QRandomGenerator random(20261126);
        for (int i = 0; i < 60; ++i) {
            const auto &[type, category] = reviewTypes[random.bounded(3)];
            const QJsonObject action = submit(type, i);
            QCOMPARE(action.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
            ++m_expected[category].submitted;
            const QString reviewer = random.bounded(3) == 0 ? QStringLiteral("rob") : QStringLiteral("rita");
            const int roll = int(random.bounded(10));
            const Outcome outcome = roll < 6 ? Outcome::Approve : roll < 8 ? Outcome::Modify : Outcome::Reject;
            QVERIFY(decide(reviewer, action.value(QLatin1String("id")).toString(), outcome));
            ++m_decisionsBy[reviewer];
            auto &e = m_expected[category];
            (outcome == Outcome::Approve ? e.approved : outcome == Outcome::Modify ? e.modified : e.rejected) += 1;
        }
        // Auto-approved and prohibited ones never wait.
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(submit(QStringLiteral("email.send_internal"), i).value(QLatin1String("state")).toString(),
                QStringLiteral("approved"));
            ++m_expected[QStringLiteral("communications")].submitted;
            ++m_expected[QStringLiteral("communications")].autoApproved;
        }
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(submit(QStringLiteral("db.drop_table"), i).value(QLatin1String("state")).toString(),
                QStringLiteral("rejected"));
            ++m_expected[QStringLiteral("data")].submitted;
            ++m_expected[QStringLiteral("data")].prohibited;
        }
        // A type the policy does not name: it waits in triage.
        for (int i = 0; i < 3; ++i)
            QVERIFY(!submit(QStringLiteral("crm.merge_contacts"), i).isEmpty());
        m_expected[QStringLiteral("triage")].submitted += 3;
        // 200 unmodified approvals of one type: enough to recommend auto-approval.
        QStringList ids;
        for (int i = 0; i < 200; ++i)
            ids.append(submit(QStringLiteral("chat.post_status"), i).value(QLatin1String("id")).toString());
        const auto batch
            = Test::awaitFinished(m_reviewers.at(QStringLiteral("rita"))->decideBatch(ids, Outcome::Approve, {}));
        QVERIFY(batch);
        m_expected[QStringLiteral("notifications")].submitted += 200;
        m_expected[QStringLiteral("notifications")].approved += 200;
        m_decisionsBy[QStringLiteral("rita")] += 200;
    }

    qint64 totalSubmitted() const
    {
        qint64 n = 0;
        for (const auto &e : m_expected)
            n += e.submitted;
        return n;
    }

    template<typename W>
    W *child(const QString &name) const
    {
        return m_window->findChild<W *>(name);
    }

    void screenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("COUNTERSIGN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(50); // let the charts paint before the grab (screenshots only)
        QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        ServerConfig config;
        config.port = 0; // any free one: tests run in parallel
        config.storeLocation = m_dir.filePath(QStringLiteral("server.db"));
        m_server = std::make_unique<QueueServer>(config, m_clock);
        const auto started = m_server->start();
        CS_VERIFY_OK(started);
        m_agent = connectAs(Role::Agent, QStringLiteral("support-bot"));
        m_lead = connectAs(Role::Lead, QStringLiteral("lena"));
        m_reviewers[QStringLiteral("rita")] = connectAs(Role::Reviewer, QStringLiteral("rita"));
        m_reviewers[QStringLiteral("rob")] = connectAs(Role::Reviewer, QStringLiteral("rob"));
        QVERIFY(m_agent && m_lead);
        seed();

        m_window = Test::openTodaysReport(m_lead.get());
        QVERIFY(m_window);
    }

    void tableMatchesWhatHappened()
    {
        ReportTableModel *model = m_window->tableModel();
        QCOMPARE(model->report().groupBy, ReportGrouping::Category);
        QCOMPARE(model->rowCount(), int(m_expected.size()) + 1); // + totals
        Expected all;
        for (int row = 0; row < model->rowCount() - 1; ++row) {
            const ReportGroup &g = model->group(row);
            QVERIFY2(m_expected.contains(g.key), qPrintable(g.key));
            const Expected &e = m_expected.value(g.key);
            QCOMPARE(g.submitted, e.submitted);
            QCOMPARE(g.autoApproved, e.autoApproved);
            QCOMPARE(g.prohibited, e.prohibited);
            QCOMPARE(g.reviewed, e.reviewed());
            QCOMPARE(g.approved, e.approved);
            QCOMPARE(g.modified, e.modified);
            QCOMPARE(g.rejected, e.rejected);
            if (e.reviewed() > 0)
                QCOMPARE(g.rejectionRate, double(e.rejected) / double(e.reviewed()));
            all.submitted += e.submitted;
            all.approved += e.approved;
        }
        // The period before, for the deltas, in the table's grouping.
        QCOMPARE(m_window->snapshot()->previousTable.groupBy, m_window->snapshot()->table.groupBy);
        QCOMPARE(m_window->snapshot()->previousTable.to, m_window->snapshot()->table.from);
        const ReportGroup &totals = model->group(model->rowCount() - 1);
        QVERIFY(model->index(model->rowCount() - 1, 0).data(ReportTableModel::IsTotalsRole).toBool());
        QCOMPARE(totals.submitted, all.submitted);
        QCOMPARE(totals.approved, all.approved);
        // the view sorts by the numbers, not by their text
        auto *table = child<QTableView>(QStringLiteral("reportTable"));
        QVERIFY(table);
        table->sortByColumn(ReportTableModel::SubmittedColumn, Qt::DescendingOrder);
        // Descending by number, "All" last: it sums the rows, it is not one of them.
        const int rows = table->model()->rowCount();
        for (int row = 0; row + 2 < rows; ++row) {
            const auto submitted = [table](int r) {
                return table->model()
                    ->index(r, ReportTableModel::SubmittedColumn)
                    .data(ReportTableModel::SortRole)
                    .toLongLong();
            };
            QVERIFY(submitted(row) >= submitted(row + 1));
        }
        QCOMPARE(table->model()->index(rows - 1, 0).data().toString(), QStringLiteral("All"));
        QCOMPARE(table->model()
                     ->index(rows - 1, ReportTableModel::SubmittedColumn)
                     .data(ReportTableModel::SortRole)
                     .toLongLong(),
            totals.submitted);
    }

    void chartsShowTheReport()
    {
        auto *rates = child<QChartView>(QStringLiteral("ratesChart"));
        QVERIFY(rates && rates->chart());
        const auto series = rates->chart()->series();
        QCOMPARE(series.size(), 1);
        auto *bars = qobject_cast<QHorizontalPercentBarSeries *>(series.first());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 3);
        double approved = 0;
        for (int i = 0; i < bars->barSets().first()->count(); ++i)
            approved += bars->barSets().first()->at(i);
        qint64 expectedApproved = 0;
        for (const auto &e : std::as_const(m_expected))
            expectedApproved += e.approved;
        QCOMPARE(qint64(approved), expectedApproved);
        // every chart has data points: the by-week report behind the trend holds this week
        const ApprovalReport &byWeek = m_window->snapshot()->byWeek;
        QVERIFY2(!byWeek.groups.isEmpty(), QJsonDocument(byWeek.toJson()).toJson().constData());
        QCOMPARE(byWeek.totals.submitted, totalSubmitted());
        for (const QString &name :
            {QStringLiteral("queueChart"), QStringLiteral("trendChart"), QStringLiteral("tiersChart")}) {
            auto *view = child<QChartView>(name);
            QVERIFY2(view && view->chart() && !view->chart()->series().isEmpty(), qPrintable(name));
            for (QAbstractSeries *shown : view->chart()->series()) {
                if (auto *line = qobject_cast<QLineSeries *>(shown))
                    QVERIFY2(line->count() > 0, qPrintable(name));
                else if (auto *barSeries = qobject_cast<QAbstractBarSeries *>(shown))
                    QVERIFY2(barSeries->count() > 0 && barSeries->barSets().first()->count() > 0, qPrintable(name));
            }
        }
        screenshot(QStringLiteral("report-window.png"));
    }

    void groupingChangesTheTable()
    {
        QSignalSpy refreshed(m_window.get(), &ReportWindow::refreshed);
        m_window->setGrouping(ReportGrouping::Reviewer);
        QVERIFY(refreshed.wait(20000));
        ReportTableModel *model = m_window->tableModel();
        QCOMPARE(model->report().groupBy, ReportGrouping::Reviewer);
        for (int row = 0; row < model->rowCount() - 1; ++row) {
            const ReportGroup &g = model->group(row);
            if (m_decisionsBy.contains(g.key))
                QCOMPARE(g.reviewed, m_decisionsBy.value(g.key));
        }
        QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), ReportTableModel::keyTitle(ReportGrouping::Reviewer));
        const QString csvPath = m_dir.filePath(QStringLiteral("table.csv"));
        QVERIFY(m_window->exportTableCsv(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.first().startsWith("reviewer,Submitted,"));
        QVERIFY(lines.size() >= model->rowCount() + 1);
        m_window->setGrouping(ReportGrouping::Category);
        QVERIFY(refreshed.wait(20000));
    }

    void bottlenecksShowQueueAndLoad()
    {
        auto *view = child<BottleneckView>(QStringLiteral("bottleneckView"));
        QVERIFY(view);
        QStandardItemModel *queue = view->queueModel();
        const auto triage = queue->findItems(QStringLiteral("triage"));
        QCOMPARE(triage.size(), 1);
        QCOMPARE(queue->item(triage.first()->row(), 1)->data(Qt::UserRole).toDouble(), 3.0);
        QStandardItemModel *load = view->reviewerModel();
        const auto rita = load->findItems(QStringLiteral("rita"));
        QCOMPARE(rita.size(), 1);
        QCOMPARE(qint64(load->item(rita.first()->row(), 1)->data(Qt::UserRole).toDouble()),
            m_decisionsBy.value(QStringLiteral("rita")));
    }

    void unassignedTypesAreListed()
    {
        auto *panel = child<RecommendationsPanel>(QStringLiteral("unassignedPanel"));
        QVERIFY(panel);
        QCOMPARE(panel->visibleCount(), 1);
        panel->view()->setCurrentIndex(panel->view()->model()->index(0, 0));
        QCOMPARE(panel->current()->type, QStringLiteral("crm.merge_contacts"));
        auto *tabs = child<QTabWidget>(QStringLiteral("reportTabs"));
        QVERIFY(tabs->tabText(3).contains(QStringLiteral("(1)")));
    }

    void promotionDraftsAProposal()
    {
        auto *panel = child<RecommendationsPanel>(QStringLiteral("recommendationsPanel"));
        QVERIFY(panel);
        auto *tabs = child<QTabWidget>(QStringLiteral("reportTabs"));
        tabs->setCurrentWidget(panel);
        const int row = m_window->recommendationModel()->rowOfId(QStringLiteral("promote:chat.post_status"));
        QVERIFY2(row >= 0, "the 200 unmodified approvals must be recommended for auto-approval");
        const Recommendation promote = m_window->recommendationModel()->recommendation(row);
        QCOMPARE(promote.kind, RecommendationKind::Promote);
        QCOMPARE(promote.proposedChanges.size(), 1);
        QCOMPARE(promote.proposedChanges.first().tier, Tier::Auto);
        for (int r = 0; r < panel->view()->model()->rowCount(); ++r) {
            const QModelIndex index = panel->view()->model()->index(r, 0);
            if (index.data(RecommendationModel::IdRole).toString() == promote.id)
                panel->view()->setCurrentIndex(index);
        }
        QCOMPARE(panel->current()->id, promote.id);
        auto *evidence = panel->findChild<QTextBrowser *>(QStringLiteral("evidenceView"));
        QVERIFY(evidence && !evidence->toPlainText().isEmpty());
        screenshot(QStringLiteral("report-recommendations.png"));

        auto *draft = panel->findChild<QPushButton *>(QStringLiteral("draftButton"));
        QVERIFY(draft && draft->isEnabled());
        draft->click();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(QStringLiteral("proposalDialog"))) != nullptr);
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("proposalNote"))
            ->setPlainText(QStringLiteral("200 clean approvals"));
        dialog->accept();

        QJsonArray proposals;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto r = Test::awaitFinished(m_lead->getJson(QStringLiteral("/v1/policy/proposals")));
                proposals = r ? r->value(QLatin1String("items")).toArray() : QJsonArray{};
                return !proposals.isEmpty();
            }(),
            10000);
        const QJsonObject p = proposals.first().toObject();
        QCOMPARE(p.value(QLatin1String("recommendation_id")).toString(), promote.id);
        QCOMPARE(p.value(QLatin1String("note")).toString(), QStringLiteral("200 clean approvals"));
        QCOMPARE(p.value(QLatin1String("state")).toString(), QStringLiteral("draft"));
    }

    void quarterlyReviewExportsPdfAndCsv()
    {
        QuarterlyReviewPanel *panel = m_window->quarterlyPanel();
        auto *tabs = child<QTabWidget>(QStringLiteral("reportTabs"));
        tabs->setCurrentWidget(panel);
        const auto [year, quarter] = QuarterlyReviewPanel::quarterOf(QDateTime::currentDateTimeUtc().date());
        panel->setQuarter(year, quarter);
        QSignalSpy generated(panel, &QuarterlyReviewPanel::generated);
        panel->generate();
        QVERIFY(generated.wait(30000));
        auto *preview = panel->findChild<QTextBrowser *>(QStringLiteral("quarterlyPreview"));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("Q%1 %2").arg(quarter).arg(year)));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("chat.post_status")));
        screenshot(QStringLiteral("quarterly-review.png"));

        const QString pdfPath = m_dir.filePath(QStringLiteral("quarter.pdf"));
        QVERIFY(panel->exportPdf(pdfPath));
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        const auto pages
            = QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)")).globalMatch(QString::fromLatin1(bytes));
        int pageCount = 0;
        for (auto it = pages; it.hasNext(); it.next())
            ++pageCount;
        QVERIFY2(pageCount >= 2, qPrintable(QString::number(pageCount))); // text and four charts
        QVERIFY(!bytes.contains("/Subtype /Image")); // the charts are drawn, not pasted as bitmaps
        if (const QString dir = qEnvironmentVariable("COUNTERSIGN_SCREENSHOT_DIR"); !dir.isEmpty())
            QFile::copy(pdfPath, QDir(dir).filePath(QStringLiteral("quarterly-review.pdf")));

        const QString csvPath = m_dir.filePath(QStringLiteral("quarter.csv"));
        QVERIFY(panel->exportCsv(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray text = csv.readAll();
        QVERIFY(text.contains("category,Submitted,"));
        QVERIFY(text.contains("promote,promote:chat.post_status,"));
        // an unwritable target is an error, not a crash or a silent success
        QTimer::singleShot(500, m_window.get(), [] {
            for (auto *w : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(w))
                    box->accept();
            }
        });
        QVERIFY(!panel->exportCsv(QStringLiteral("/nonexistent-dir/quarter.csv")));
    }

    void reviewerTokenIsToldReportsAreForLeads()
    {
        auto reviewer = connectAs(Role::Reviewer, QStringLiteral("ruth"));
        ReportWindow window(reviewer.get());
        // A dark theme: the charts must not turn into white boxes.
        QPalette dark = window.palette();
        dark.setColor(QPalette::Window, QColor(32, 33, 36));
        dark.setColor(QPalette::Base, QColor(24, 25, 28));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        window.setPalette(dark);
        QSignalSpy failed(&window, &ReportWindow::loadFailed);
        window.show();
        QVERIFY(failed.wait(20000) || failed.count() > 0);
        QCOMPARE(failed.first().first().value<Error>().code, ErrorCode::Forbidden);
        auto *notice = window.findChild<NoticeLabel *>(QStringLiteral("reportNotice"));
        QVERIFY(notice && notice->isVisible());
        QCOMPARE(notice->kind(), NoticeLabel::Kind::Warning);
        QVERIFY(notice->text().contains(QStringLiteral("lead")));
        // The overview's four (the Proposals tab's what-if has its own, empty until a replay).
        const auto views = window.findChild<QWidget *>(QStringLiteral("reportOverview"))->findChildren<QChartView *>();
        QCOMPARE(views.size(), 4);
        for (QChartView *view : views) {
            QVERIFY(view->chart());
            QVERIFY2(!view->chart()->property("emptyText").toString().isEmpty(), qPrintable(view->objectName()));
            QVERIFY(view->chart()->backgroundBrush().color().lightness() < 128);
            QVERIFY(view->backgroundBrush().color().lightness() < 128);
            // What is drawn: no white pixels in the middle of the chart.
            const QImage image = view->grab().toImage();
            const QColor centre = image.pixelColor(image.width() / 2, image.height() / 4);
            QVERIFY2(centre.lightness() < 128, qPrintable(centre.name()));
        }
    }

    // The Reviewers tab: one row per reviewer with the decisions the test made, the shares
    // summing to 1, sortable in the view.
    void reviewersTabShowsEveryReviewer()
    {
        auto *panel = child<ReviewersPanel>(QStringLiteral("reviewersPanel"));
        auto *table = child<QTableView>(QStringLiteral("reviewerTable"));
        QVERIFY(panel && table);
        ReviewerTableModel *model = panel->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 20000);
        double shares = 0;
        for (const ReviewerReport::Row &r : model->report().rows) {
            QCOMPARE(r.decisions, m_decisionsBy.value(r.reviewer));
            shares += r.decisionShare;
        }
        QVERIFY(std::abs(shares - 1.0) < 1e-9);
        auto *tabs = child<QTabWidget>(QStringLiteral("reportTabs"));
        tabs->setCurrentWidget(panel);
        QTRY_VERIFY(child<QComboBox>(QStringLiteral("reportRange"))->isVisible()); // the period acts here
        table->sortByColumn(ReviewerTableModel::DecisionsColumn, Qt::AscendingOrder);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("rob"));
        table->sortByColumn(ReviewerTableModel::DecisionsColumn, Qt::DescendingOrder);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("rita"));
        screenshot(QStringLiteral("report-reviewers.png"));
        tabs->setCurrentWidget(child<QWidget>(QStringLiteral("reportOverview")));
    }

    // A reviewer's token: the lead's reports are refused as before, the Reviewers tab shows
    // their own row only.
    void reviewerTokenSeesOnlyTheirRow()
    {
        auto rita = connectAs(Role::Reviewer, QStringLiteral("rita"));
        ReportWindow window(rita.get());
        auto *panel = window.findChild<ReviewersPanel *>(QStringLiteral("reviewersPanel"));
        QVERIFY(panel);
        QSignalSpy failed(&window, &ReportWindow::loadFailed);
        QSignalSpy loaded(panel, &ReviewersPanel::loaded);
        window.show();
        QVERIFY(loaded.wait(20000) || loaded.count() > 0);
        QVERIFY(failed.count() > 0 || failed.wait(20000));
        QCOMPARE(failed.first().first().value<Error>().code, ErrorCode::Forbidden);
        const QList<ReviewerReport::Row> rows = panel->model()->report().rows;
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().reviewer, QStringLiteral("rita"));
        QCOMPARE(rows.first().decisions, m_decisionsBy.value(QStringLiteral("rita")));
        QCOMPARE(panel->model()->report().totalDecisions,
            m_decisionsBy.value(QStringLiteral("rita")) + m_decisionsBy.value(QStringLiteral("rob")));
        QVERIFY(panel->noticeText().contains(QStringLiteral("own")));
    }

    void controlsOnlyWhereTheyAct()
    {
        auto *tabs = child<QTabWidget>(QStringLiteral("reportTabs"));
        auto *range = child<QComboBox>(QStringLiteral("reportRange"));
        auto *grouping = child<QComboBox>(QStringLiteral("reportGrouping"));
        QVERIFY(tabs && range && grouping);
        tabs->setCurrentWidget(child<QWidget>(QStringLiteral("reportOverview")));
        QTRY_VERIFY(range->isVisible()); // the toolbar lays out on the next event
        QTRY_VERIFY(!grouping->isVisible()); // the charts do not follow the table's grouping
        tabs->setCurrentWidget(child<QWidget>(QStringLiteral("reportTable")));
        QTRY_VERIFY(range->isVisible()); // the toolbar lays out on the next event
        QTRY_VERIFY(grouping->isVisible());
        tabs->setCurrentWidget(child<QWidget>(QStringLiteral("quarterlyPanel")));
        QTRY_VERIFY(!range->isVisible()); // the quarterly review picks its own quarter
        QTRY_VERIFY(!child<QDateEdit>(QStringLiteral("reportFrom"))->isVisible());
        QTRY_VERIFY(!grouping->isVisible());
        tabs->setCurrentWidget(child<QWidget>(QStringLiteral("reportOverview")));
    }

    void headersAreNotCut()
    {
        auto *table = child<QTableView>(QStringLiteral("reportTable"));
        QVERIFY(table);
        QHeaderView *header = table->horizontalHeader();
        for (int c = 0; c < header->count(); ++c)
            QVERIFY2(header->sectionSize(c) >= header->sectionSizeHint(c), qPrintable(QString::number(c)));
        for (const QString &name : {QStringLiteral("queueNowView"), QStringLiteral("reviewerLoadView")}) {
            auto *view = child<QTreeView>(name);
            QVERIFY(view);
            for (int c = 0; c < view->header()->count(); ++c)
                QVERIFY2(view->header()->sectionSize(c) >= view->header()->sectionSizeHint(c),
                    qPrintable(QStringLiteral("%1 %2").arg(name).arg(c)));
        }
    }

    void totalsRowIsLastInTheWindow()
    {
        auto *table = child<QTableView>(QStringLiteral("reportTable"));
        QVERIFY(table);
        const int last = table->model()->rowCount() - 1;
        QVERIFY(last > 0);
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            table->sortByColumn(ReportTableModel::SubmittedColumn, order);
            QCOMPARE(table->model()->index(last, 0).data().toString(), QStringLiteral("All"));
        }
        table->sortByColumn(ReportTableModel::KeyColumn, Qt::AscendingOrder);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSignalSpy stopped(m_server.get(), &QueueServer::stopped);
        m_server->shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(stopped.count() > 0, 15000);
    }
};

QTEST_MAIN(TestReportWindow)
#include "tst_reportwindow.moc"
