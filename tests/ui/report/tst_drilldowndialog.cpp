// The report drill-down in the app (issue 19): a table cell (Enter) or a chart bar opens the list
// of the actions behind it, paged from a real server on loopback; the list holds exactly the
// ids the server counts, fetches more pages, opens an item read-only, and shows errors.
#include "client/reportclient.h"
#include "client/serverconnection.h"
#include "domain/clock.h"
#include "i18n/translations.h"
#include "report/actiondetaildialog.h"
#include "report/drilldowndialog.h"
#include "report/drilldownmodel.h"
#include "report/reportcharts.h"
#include "report/reporttablemodel.h"
#include "report/reportwindow.h"
#include "reportseeding.h"
#include "review/reviewpane.h"
#include "server/queueserver.h"
#include "server/serverconfig.h"
#include "testresult.h"
#include "widgets/noticelabel.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChartView>
#include <QHorizontalPercentBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Countersign;

class TestDrillDownDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SystemClock m_clock;
    std::unique_ptr<QueueServer> m_server;
    std::unique_ptr<ServerConnection> m_agent;
    std::unique_ptr<ServerConnection> m_lead;
    std::unique_ptr<ServerConnection> m_rita;
    std::unique_ptr<ReportWindow> m_window;

    // Every id the server lists for a cell, in its order (one page of up to 500).
    QStringList serverIds(const DrillDownCell &cell)
    {
        const auto list = Test::awaitFinished(ReportClient(m_lead.get()).drillDown(cell, 500));
        if (!list)
            return {QStringLiteral("error: ") + list.error().toString()};
        QStringList ids;
        for (const DrillDownItem &item : list->items)
            ids.append(item.id);
        return ids;
    }

    static QStringList modelIds(const DrillDownModel &model)
    {
        QStringList ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.append(model.index(row, 0).data(DrillDownModel::IdRole).toString());
        return ids;
    }

    DrillDownCell cell(DrillDownMeasure measure, std::optional<ReportGrouping> groupBy, const QString &key) const
    {
        DrillDownCell c;
        c.measure = measure;
        c.groupBy = groupBy;
        c.key = key;
        c.firstDay = m_window->snapshot()->from;
        c.lastDay = m_window->snapshot()->to;
        return c;
    }

    // Waits for the dialog's list to hold every page.
    static bool loadAll(DrillDownModel *model)
    {
        return QTest::qWaitFor(
            [model] {
                if (model->canFetchMore({}))
                    model->fetchMore({});
                return model->isComplete();
            },
            20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Translations::install(*qApp, QLocale(QStringLiteral("en"))); // the English plurals
        QVERIFY(m_dir.isValid());
        ServerConfig config;
        config.port = 0;
        config.storeLocation = m_dir.filePath(QStringLiteral("server.db"));
        m_server = std::make_unique<QueueServer>(config, m_clock);
        CS_VERIFY_OK(m_server->start());
        m_agent = Test::connectAs(*m_server, Role::Agent, QStringLiteral("support-bot"));
        m_lead = Test::connectAs(*m_server, Role::Lead, QStringLiteral("lena"));
        m_rita = Test::connectAs(*m_server, Role::Reviewer, QStringLiteral("rita"));
        QVERIFY(m_agent && m_lead && m_rita);
        // 24 refunds (finance): every third rejected, the rest approved; 12 external emails
        // approved; 5 auto-approved internal emails.
        for (int i = 0; i < 24; ++i) {
            const QJsonObject a = Test::submitSeedAction(*m_agent, QStringLiteral("refund.issue"), i, {});
            Decision d;
            d.outcome = i % 3 == 0 ? Outcome::Reject : Outcome::Approve;
            if (d.outcome == Outcome::Reject)
                d.reason = QStringLiteral("not this one");
            CS_VERIFY_OK(Test::awaitFinished(m_rita->decide(a.value(QLatin1String("id")).toString(), d)));
        }
        for (int i = 0; i < 12; ++i) {
            const QJsonObject a = Test::submitSeedAction(*m_agent, QStringLiteral("email.send_external"), i, {});
            Decision d;
            d.outcome = Outcome::Approve;
            CS_VERIFY_OK(Test::awaitFinished(m_rita->decide(a.value(QLatin1String("id")).toString(), d)));
        }
        for (int i = 0; i < 5; ++i)
            QVERIFY(!Test::submitSeedAction(*m_agent, QStringLiteral("email.send_internal"), i, {}).isEmpty());

        m_window = Test::openTodaysReport(m_lead.get());
        QVERIFY(m_window);
    }

    void enterOnATableCellListsItsActions()
    {
        QTableView *table = m_window->tableView();
        QAbstractItemModel *rows = table->model();
        int finance = -1;
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, ReportTableModel::KeyColumn).data().toString() == QLatin1String("finance"))
                finance = row;
        }
        QVERIFY(finance >= 0);
        QCOMPARE(rows->index(finance, ReportTableModel::RejectedColumn).data(ReportTableModel::SortRole).toInt(), 8);
        table->setCurrentIndex(rows->index(finance, ReportTableModel::RejectedColumn));
        table->setFocus();
        QSignalSpy opened(m_window.get(), &ReportWindow::drillDownOpened);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        auto *dialog = opened.at(0).at(0).value<DrillDownDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QStringLiteral("drillDownDialog"));
        QVERIFY(dialog->windowTitle().startsWith(QStringLiteral("Rejected · finance · ")));
        QVERIFY(loadAll(dialog->model()));
        QStringList shown = modelIds(*dialog->model());
        const QStringList counted
            = serverIds(cell(DrillDownMeasure::Rejected, ReportGrouping::Category, QStringLiteral("finance")));
        QCOMPARE(counted.size(), 8);
        QCOMPARE(shown, counted);
        for (int row = 0; row < dialog->model()->rowCount(); ++row)
            QCOMPARE(dialog->model()->item(row).outcome, QStringLiteral("rejected"));
        QCOMPARE(
            dialog->findChild<QLabel *>(QStringLiteral("drillDownCount"))->text(), QStringLiteral("8 of 8 actions"));

        // Enter on an item opens it read-only with the review pane.
        QTableView *list = dialog->view();
        QTRY_VERIFY(list->currentIndex().isValid());
        list->setCurrentIndex(dialog->model()->index(2, 0));
        list->setFocus();
        QSignalSpy detail(dialog, &DrillDownDialog::actionOpened);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(detail.count(), 1);
        auto *action = detail.at(0).at(0).value<ActionDetailDialog *>();
        QVERIFY(dialog->isVisible()); // Enter opened the item, it did not press Close
        QTRY_VERIFY(action->isLoaded());
        QVERIFY(action->pane()->action().has_value());
        QCOMPARE(action->pane()->action()->id, shown.at(2));
        for (const char *button : {"approveButton", "modifyButton", "rejectButton"})
            QVERIFY(!action->pane()->findChild<QPushButton *>(QLatin1String(button))->isEnabled());
        action->close();
        QTRY_VERIFY(!dialog->findChild<ActionDetailDialog *>());

        // Esc closes the list; a double-click on the totals' key lists every submission.
        QTest::keyClick(list, Qt::Key_Escape);
        QTRY_VERIFY(!m_window->findChild<DrillDownDialog *>());
        QVERIFY(m_window->isVisible()); // only the list closed
        const int totals = rows->rowCount() - 1;
        const QModelIndex all = rows->index(totals, ReportTableModel::KeyColumn);
        QVERIFY(rows->index(totals, 0).data(ReportTableModel::IsTotalsRole).toBool());
        table->scrollTo(all);
        const QPoint at = table->visualRect(all).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(opened.count(), 2);
        auto *everything = opened.at(1).at(0).value<DrillDownDialog *>();
        QVERIFY(everything->windowTitle().startsWith(QStringLiteral("Submitted · All · ")));
        QVERIFY(loadAll(everything->model()));
        QCOMPARE(everything->model()->total(), 41);
        QCOMPARE(modelIds(*everything->model()), serverIds(cell(DrillDownMeasure::Submitted, std::nullopt, {})));
        everything->close();
        QTRY_VERIFY(!m_window->findChild<DrillDownDialog *>());
    }

    void aChartBarListsItsActions()
    {
        auto *rates = m_window->findChild<QChartView *>(QStringLiteral("ratesChart"));
        QVERIFY(rates && rates->chart());
        auto *bars = qobject_cast<QHorizontalPercentBarSeries *>(rates->chart()->series().value(0));
        QVERIFY(bars);
        QBarSet *approved = bars->barSets().at(0);
        const QStringList keys = approved->property(ReportCharts::DrillKeys).toStringList();
        const int index = int(keys.indexOf(QStringLiteral("communications")));
        QVERIFY(index >= 0);
        QSignalSpy opened(m_window.get(), &ReportWindow::drillDownOpened);
        Q_EMIT approved->clicked(index); // what a click on the bar sends
        QCOMPARE(opened.count(), 1);
        auto *dialog = opened.at(0).at(0).value<DrillDownDialog *>();
        QVERIFY(dialog->windowTitle().startsWith(QStringLiteral("Approved · communications · ")));
        QVERIFY(loadAll(dialog->model()));
        QCOMPARE(dialog->model()->total(), 12);
        QCOMPARE(modelIds(*dialog->model()),
            serverIds(cell(DrillDownMeasure::Approved, ReportGrouping::Category, QStringLiteral("communications"))));
        dialog->close();
        QTRY_VERIFY(!m_window->findChild<DrillDownDialog *>());

        // A point of the trend's rejection line lists that week's rejections (inside the period).
        auto *trend = m_window->findChild<QChartView *>(QStringLiteral("trendChart"));
        QVERIFY(trend && trend->chart());
        QLineSeries *rejections = nullptr;
        for (QAbstractSeries *s : trend->chart()->series()) {
            if (s->property(ReportCharts::DrillMeasure).toString() == QLatin1String("rejected"))
                rejections = qobject_cast<QLineSeries *>(s);
        }
        QVERIFY(rejections && rejections->count() > 0);
        const QPointF point = rejections->at(rejections->count() - 1);
        Q_EMIT rejections->clicked(point);
        QCOMPARE(opened.count(), 2);
        auto *week = opened.at(1).at(0).value<DrillDownDialog *>();
        QVERIFY2(week->windowTitle().startsWith(QStringLiteral("Rejected · ")), qPrintable(week->windowTitle()));
        QVERIFY(loadAll(week->model()));
        const QDate day = QDateTime::fromMSecsSinceEpoch(qint64(point.x()), QTimeZone::UTC).date();
        QCOMPARE(week->model()->total(), 8);
        QCOMPARE(modelIds(*week->model()),
            serverIds(cell(DrillDownMeasure::Rejected, ReportGrouping::Week, day.toString(Qt::ISODate))));
        week->close();
        QTRY_VERIFY(!m_window->findChild<DrillDownDialog *>());
    }

    void pagesFetchMoreUnderTheModelTester()
    {
        const DrillDownCell all = cell(DrillDownMeasure::Submitted, std::nullopt, {});
        auto *model = new DrillDownModel([connection = m_lead.get(), all](const QString &cursor) {
            return ReportClient(connection).drillDown(all, 6, cursor);
        });
        DrillDownDialog dialog(QStringLiteral("Submitted"), model, {}, nullptr);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        // What each page brought, as the count line said it when it arrived.
        QList<int> rows;
        QStringList counts;
        connect(model, &DrillDownModel::pageLoaded, this, [&] {
            rows.append(model->rowCount());
            counts.append(dialog.findChild<QLabel *>(QStringLiteral("drillDownCount"))->text());
        });
        model->reload();
        QTRY_VERIFY(!rows.isEmpty());
        QCOMPARE(rows.first(), 6);
        QCOMPARE(model->total(), 41);
        QCOMPARE(counts.first(), QStringLiteral("6 of 41 actions"));
        // The view asks for the next pages itself as it scrolls to the end.
        QVERIFY(QTest::qWaitFor(
            [&] {
                dialog.view()->scrollToBottom();
                return model->isComplete();
            },
            20000));
        QCOMPARE(rows, (QList<int>{6, 12, 18, 24, 30, 36, 41}));
        QCOMPARE(modelIds(*model), serverIds(all));
        QVERIFY(!model->canFetchMore({}));
        QCOMPARE(counts.last(), QStringLiteral("41 of 41 actions"));
        // A reload starts over from the first page.
        rows.clear();
        model->reload();
        QTRY_VERIFY(!rows.isEmpty());
        QCOMPARE(rows.first(), 6);
        QCOMPARE(model->index(0, 0).data(DrillDownModel::IdRole).toString(), serverIds(all).first());
    }

    void errorsShowInTheDialog()
    {
        // A reviewer's token may not read reports: the server's 403 shows in the dialog.
        const DrillDownCell all = cell(DrillDownMeasure::Submitted, std::nullopt, {});
        auto *model = new DrillDownModel([connection = m_rita.get(), all](const QString &cursor) {
            return ReportClient(connection).drillDown(all, 6, cursor);
        });
        DrillDownDialog dialog(QStringLiteral("Submitted"), model, {}, nullptr);
        dialog.show();
        QSignalSpy failed(model, &DrillDownModel::failed);
        model->reload();
        QVERIFY(failed.wait(10000));
        auto *notice = dialog.findChild<NoticeLabel *>(QStringLiteral("drillDownNotice"));
        QVERIFY(notice && notice->isVisible());
        QVERIFY(notice->text().startsWith(QStringLiteral("The actions could not be loaded")));
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!model->canFetchMore({}));
    }
};

QTEST_MAIN(TestDrillDownDialog)
#include "tst_drilldowndialog.moc"
