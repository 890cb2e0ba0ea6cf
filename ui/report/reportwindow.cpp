#include "reportwindow.h"

#include "bottleneckview.h"
#include "client/reportclient.h"
#include "client/serverconnection.h"
#include "drilldowndialog.h"
#include "drilldownmodel.h"
#include "proposaldialog.h"
#include "proposalspanel.h"
#include "quarterlyreviewpanel.h"
#include "recommendationmodel.h"
#include "recommendationspanel.h"
#include "report/reportengine.h"
#include "reportcharts.h"
#include "reportloader.h"
#include "reporttablemodel.h"
#include "reporttableproxy.h"
#include "reviewerspanel.h"
#include "settings/exportlocation.h"
#include "style/icons.h"
#include "widgets/noticelabel.h"
#include "widgets/windowclosekeys.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSaveFile>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QToolBar>
#include <QVBoxLayout>
#include <QXYSeries>

namespace Countersign {

ReportWindow::ReportWindow(ServerConnection *connection, QWidget *parent)
    : QMainWindow(parent)
    , m_connection(connection)
    , m_loader(new ReportLoader(connection, this))
    , m_tableModel(new ReportTableModel(this))
    , m_recommendations(new RecommendationModel(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_grouping(new QComboBox(this))
    , m_notice(new NoticeLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_table(new QTableView(this))
    , m_recommendationPanel(
          new RecommendationsPanel(m_recommendations, {RecommendationKind::Promote, RecommendationKind::Tighten}, this))
    , m_unassignedPanel(new RecommendationsPanel(m_recommendations, {RecommendationKind::Unassigned}, this))
    , m_bottlenecks(new BottleneckView(m_recommendations, this))
    , m_reviewers(new ReviewersPanel(connection, this))
    , m_quarterly(new QuarterlyReviewPanel(connection, this))
    , m_proposals(new ProposalsPanel(connection, this))
    , m_busy(new QProgressBar(this))
{
    setObjectName(QStringLiteral("reportWindow"));
    setWindowTitle(tr("Approval Reports"));
    setWindowIcon(Icons::icon(Icons::Report));
    resize(1100, 760);

    auto *proxy = new ReportTableProxy(this);
    proxy->setSourceModel(m_tableModel);
    m_table->setObjectName(QStringLiteral("reportTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setDefaultSectionSize(104);
    m_table->horizontalHeader()->resizeSection(ReportTableModel::KeyColumn, 180);
    m_table->sortByColumn(ReportTableModel::KeyColumn, Qt::AscendingOrder);
    // Enter or a double-click on a cell lists the actions behind it.
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        openTableDrillDown(index);
    });

    m_recommendationPanel->setObjectName(QStringLiteral("recommendationsPanel"));
    m_recommendationPanel->setPlaceholder(tr("No recommendation for this period: no type met the bar for "
                                             "auto-approval and none needs tightening."));
    m_unassignedPanel->setObjectName(QStringLiteral("unassignedPanel"));
    m_unassignedPanel->setPlaceholder(tr("Every action type seen in this period is named in the policy."));
    m_bottlenecks->setObjectName(QStringLiteral("bottleneckView"));
    m_quarterly->setObjectName(QStringLiteral("quarterlyPanel"));
    m_reviewers->setObjectName(QStringLiteral("reviewersPanel"));

    m_tabs->setObjectName(QStringLiteral("reportTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createOverview(), tr("&Overview"));
    m_tabs->addTab(m_table, tr("&Table"));
    m_tabs->addTab(m_recommendationPanel, tr("&Recommendations"));
    m_tabs->addTab(m_unassignedPanel, tr("&Unassigned Types"));
    m_tabs->addTab(m_proposals, tr("Propo&sals"));
    m_tabs->addTab(m_bottlenecks, tr("&Bottlenecks"));
    m_tabs->addTab(m_reviewers, tr("Re&viewers"));
    m_tabs->addTab(m_quarterly, tr("&Quarterly Review"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notice->setObjectName(QStringLiteral("reportNotice"));
    m_notice->clear();
    layout->addWidget(m_notice);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_busy->setObjectName(QStringLiteral("reportBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(140);
    m_busy->setTextVisible(false);
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);

    createToolBar();
    createMenus();

    connect(m_loader, &ReportLoader::loaded, this, &ReportWindow::display);
    connect(m_loader, &ReportLoader::failed, this, &ReportWindow::showFailure);
    connect(m_loader, &ReportLoader::busyChanged, this, [this](bool busy) {
        m_busy->setVisible(busy);
        if (busy)
            statusBar()->showMessage(tr("Loading reports…"));
    });
    for (auto *panel : {m_recommendationPanel, m_unassignedPanel, m_bottlenecks->recommendations()}) {
        connect(panel, &RecommendationsPanel::draftRequested, this, &ReportWindow::draftProposal);
    }
    connect(m_quarterly, &QuarterlyReviewPanel::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 8000);
    });
    connect(m_proposals, &ProposalsPanel::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &ReportWindow::updateControls);
    showPlaceholders(tr("Loading…"));
    updateControls();
    learnRole();
    setRange(Range::Last30Days);
}

// The period acts on every tab but the quarterly review (it has its own quarter); the grouping
// only on the table.
void ReportWindow::updateControls()
{
    const QWidget *page = m_tabs->currentWidget();
    const bool period = page != m_quarterly && page != m_proposals;
    for (QAction *a : std::as_const(m_periodControls))
        a->setVisible(period);
    for (QAction *a : std::as_const(m_groupingControls))
        a->setVisible(page == m_table);
}

void ReportWindow::showPlaceholders(const QString &text)
{
    const ReportCharts charts(palette());
    const QString titles[] = {ReportCharts::tr("Decisions by outcome"), ReportCharts::tr("Time in queue"),
        ReportCharts::tr("Outcome rates over time"), ReportCharts::tr("Volume by tier")};
    for (int i = 0; i < m_charts.size(); ++i)
        setChart(i, charts.placeholder(titles[i], text));
}

void ReportWindow::setChart(int index, QChart *chart)
{
    QChartView *view = m_charts.at(index);
    QChart *old = view->chart();
    view->setChart(chart); // the view takes ownership of the new chart
    delete old;
    // The view's own background shows around the chart: the theme's, not white.
    view->setBackgroundBrush(palette().color(QPalette::Window));
}

void ReportWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Report"));
    bar->setObjectName(QStringLiteral("reportToolBar"));
    bar->setMovable(false);

    m_range->setObjectName(QStringLiteral("reportRange"));
    m_range->addItem(tr("Last 7 days"), int(Range::Last7Days));
    m_range->addItem(tr("Last 30 days"), int(Range::Last30Days));
    m_range->addItem(tr("Last 90 days"), int(Range::Last90Days));
    m_range->addItem(tr("This quarter"), int(Range::ThisQuarter));
    m_range->addItem(tr("Last quarter"), int(Range::LastQuarter));
    m_range->addItem(tr("Custom"), int(Range::Custom));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to->setObjectName(QStringLiteral("reportTo"));
    m_grouping->setObjectName(QStringLiteral("reportGrouping"));
    for (auto g : {ReportGrouping::Category, ReportGrouping::Type, ReportGrouping::Reviewer, ReportGrouping::Agent,
             ReportGrouping::Day, ReportGrouping::Week})
        m_grouping->addItem(ReportTableModel::keyTitle(g), int(g));

    auto *rangeLabel = new QLabel(tr("&Period:"), bar);
    rangeLabel->setBuddy(m_range);
    auto *groupLabel = new QLabel(tr("  &Group table by:"), bar);
    groupLabel->setBuddy(m_grouping);
    m_periodControls = {bar->addWidget(rangeLabel), bar->addWidget(m_range), bar->addWidget(m_from),
        bar->addWidget(new QLabel(QStringLiteral(" – "), bar)), bar->addWidget(m_to)};
    m_groupingControls = {bar->addWidget(groupLabel), bar->addWidget(m_grouping)};

    connect(m_range, &QComboBox::activated, this, [this] {
        setRange(Range(m_range->currentData().toInt()));
    });
    const auto datesEdited = [this] {
        if (m_settingRange)
            return;
        m_range->setCurrentIndex(m_range->findData(int(Range::Custom)));
        refresh();
    };
    connect(m_from, &QDateEdit::editingFinished, this, datesEdited);
    connect(m_to, &QDateEdit::editingFinished, this, datesEdited);
    connect(m_grouping, &QComboBox::activated, this, &ReportWindow::refresh);
}

void ReportWindow::createMenus()
{
    QMenu *menu = menuBar()->addMenu(tr("&Report"));
    QAction *refreshAction = menu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh"));
    refreshAction->setObjectName(QStringLiteral("actionRefreshReport"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    connect(refreshAction, &QAction::triggered, this, &ReportWindow::refresh);
    QAction *exportAction = menu->addAction(QIcon::fromTheme(QStringLiteral("document-export")), tr("&Export Table…"));
    exportAction->setObjectName(QStringLiteral("actionExportReportCsv"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(exportAction, &QAction::triggered, this, &ReportWindow::exportTableInteractively);
    QAction *quarterly = menu->addAction(tr("&Quarterly Review…"));
    quarterly->setObjectName(QStringLiteral("actionQuarterlyReview"));
    connect(quarterly, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_quarterly);
        m_quarterly->generate();
    });
    menu->addSeparator();
    QAction *close = menu->addAction(tr("&Close"));
    connect(close, &QAction::triggered, this, &QWidget::close);
    WindowCloseKeys::install(this, close); // Esc and Ctrl+W, too
    addAction(refreshAction);
}

QWidget *ReportWindow::createOverview()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("reportOverview"));
    auto *grid = new QGridLayout(page);
    const char *names[] = {"ratesChart", "queueChart", "trendChart", "tiersChart"};
    for (int i = 0; i < 4; ++i) {
        auto *view = new QChartView(page);
        view->setObjectName(QLatin1String(names[i]));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(320, 220);
        grid->addWidget(view, i / 2, i % 2);
        m_charts.append(view);
    }
    return page;
}

void ReportWindow::setRange(Range range)
{
    const QDate today = QDate::currentDate();
    const auto quarterStart = [](QDate day) {
        return QDate(day.year(), ((day.month() - 1) / 3) * 3 + 1, 1);
    };
    QDate from = today.addDays(-29);
    QDate to = today;
    switch (range) {
    case Range::Last7Days:
        from = today.addDays(-6);
        break;
    case Range::Last30Days:
    case Range::Custom:
        break;
    case Range::Last90Days:
        from = today.addDays(-89);
        break;
    case Range::ThisQuarter:
        from = quarterStart(today);
        break;
    case Range::LastQuarter:
        to = quarterStart(today).addDays(-1);
        from = quarterStart(to);
        break;
    }
    m_range->setCurrentIndex(m_range->findData(int(range)));
    if (range == Range::Custom)
        return;
    m_settingRange = true;
    m_from->setDate(from);
    m_to->setDate(to);
    m_settingRange = false;
    refresh();
}

void ReportWindow::setDates(QDate from, QDate to)
{
    m_settingRange = true;
    m_from->setDate(from);
    m_to->setDate(to);
    m_settingRange = false;
    m_range->setCurrentIndex(m_range->findData(int(Range::Custom)));
    refresh();
}

void ReportWindow::setGrouping(ReportGrouping grouping)
{
    m_grouping->setCurrentIndex(m_grouping->findData(int(grouping)));
    refresh();
}

ReportGrouping ReportWindow::grouping() const
{
    return ReportGrouping(m_grouping->currentData().toInt());
}

void ReportWindow::refresh()
{
    if (m_from->date() > m_to->date()) {
        m_notice->setNotice(NoticeLabel::Kind::Warning,
            tr("The period starts after it ends: pick a start date "
               "on or before the end date."));
        return;
    }
    m_loader->load(m_from->date(), m_to->date(), grouping());
    m_reviewers->load(m_from->date(), m_to->date());
    m_proposals->refresh();
}

// Only admins decide on proposals; the tab is for leads and admins (the server refuses the rest).
void ReportWindow::learnRole()
{
    m_connection->whoAmI().then(this, [this](const Result<UserIdentity> &identity) {
        if (!identity)
            return; // the reports' own error says what is wrong with the connection
        m_proposals->setCanDecide(identity->role == QLatin1String("admin"));
        m_tabs->setTabVisible(m_tabs->indexOf(m_proposals), identity->isLead());
    });
}

void ReportWindow::display(const ReportSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_notice->clear();
    m_tableModel->setReport(snapshot.table, snapshot.previousTable);
    // Wide enough for the headers ("Modification rate") and the longest value.
    m_table->resizeColumnsToContents();
    m_recommendations->setRecommendations(snapshot.recommendations.items);
    m_bottlenecks->setSnapshot(snapshot);
    const ReportCharts charts(palette());
    QChart *built[] = {charts.rates(snapshot.byCategory), charts.queueTimes(snapshot.byCategory),
        charts.trend(snapshot.byWeek, snapshot.previousByWeek), charts.tierVolume(snapshot.byWeek)};
    for (int i = 0; i < 4; ++i) {
        connectDrillDown(built[i]);
        setChart(i, built[i]);
    }
    const ReportGroup &t = snapshot.byCategory.totals;
    if (t.submitted == 0 && t.reviewed == 0 && t.expired == 0)
        m_notice->setNotice(NoticeLabel::Kind::Information, tr("No actions were submitted or decided in this period."));
    int unassigned = 0;
    for (const auto &r : snapshot.recommendations.items)
        unassigned += r.kind == RecommendationKind::Unassigned ? 1 : 0;
    m_tabs->setTabText(m_tabs->indexOf(m_unassignedPanel),
        unassigned > 0 ? tr("&Unassigned Types (%1)").arg(unassigned) : tr("&Unassigned Types"));
    const QLocale locale;
    statusBar()->showMessage(tr("Submitted: %1 · Reviewed: %2 · Recommendations: %3")
            .arg(locale.toString(t.submitted), locale.toString(t.reviewed),
                locale.toString(snapshot.recommendations.items.size())));
    Q_EMIT refreshed();
}

void ReportWindow::showFailure(const Error &error)
{
    statusBar()->clearMessage();
    showPlaceholders(tr("No report to show."));
    if (error.code == ErrorCode::Forbidden) {
        m_notice->setNotice(NoticeLabel::Kind::Warning,
            tr("Reports are for team leads: this connection's token has no lead role. Connect with a lead's or "
               "an administrator's token to see them."));
    } else {
        m_notice->setNotice(NoticeLabel::Kind::Error, tr("The reports could not be loaded: %1").arg(error.message));
    }
    Q_EMIT loadFailed(error);
}

void ReportWindow::draftProposal(const Recommendation &recommendation)
{
    auto *dialog = new ProposalDialog(recommendation, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (recommendation.kind == RecommendationKind::Unassigned && m_snapshot) {
        // The categories the reports show are the policy's (every action lands in one of them).
        QStringList categories;
        for (const ReportGroup &g : std::as_const(m_snapshot->byCategory.groups))
            categories.append(g.key);
        dialog->offerCategories(categories);
    }
    dialog->whatIf()->setActionFetcher([connection = m_connection](const QString &id) {
        return connection->fetchAction(id);
    });
    dialog->setSimulator([connection = m_connection](const QList<PolicyChange> &changes) {
        return ReportClient(connection).simulateChanges(changes);
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        ReportClient(m_connection)
            .proposePolicyChange(dialog->changes(), dialog->recommendationId(), dialog->note())
            .then(this, [this](const Result<PolicyProposal> &proposal) {
                if (!proposal) {
                    QMessageBox::warning(this, tr("Proposal Not Sent"), proposal.error().message);
                    return;
                }
                statusBar()->showMessage(
                    tr("Proposal %1 sent: an administrator reviews and applies it.").arg(proposal->id), 10000);
                m_proposals->refresh();
            });
    });
    dialog->open();
}

bool ReportWindow::exportTableCsv(const QString &path)
{
    QSaveFile file(path);
    const QByteArray csv = m_tableModel->toCsv();
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        QMessageBox::warning(this, tr("Export Failed"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(path), 8000);
    return true;
}

// A click on a tagged bar or rate line (see ReportCharts::DrillMeasure) opens its drill-down.
void ReportWindow::connectDrillDown(QChart *chart)
{
    const auto target = [](const QObject *item) {
        const auto measure = drillDownMeasureFromName(item->property(ReportCharts::DrillMeasure).toString());
        const auto grouping = parseReportGrouping(item->property(ReportCharts::DrillGrouping).toString());
        return std::pair(measure, grouping);
    };
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets()) {
                const auto [measure, grouping] = target(set);
                if (!measure || !grouping)
                    continue;
                const QStringList keys = set->property(ReportCharts::DrillKeys).toStringList();
                connect(set, &QBarSet::clicked, this, [this, keys, m = *measure, g = *grouping](int index) {
                    if (index >= 0 && index < keys.size())
                        openDrillDown(g, keys.at(index), m);
                });
            }
        } else if (auto *line = qobject_cast<QXYSeries *>(series)) {
            const auto [measure, grouping] = target(line);
            if (!measure || grouping != ReportGrouping::Week)
                continue;
            connect(line, &QXYSeries::clicked, this, [this, m = *measure](const QPointF &point) {
                const QDate day = QDateTime::fromMSecsSinceEpoch(qint64(point.x()), QTimeZone::UTC).date();
                openDrillDown(ReportGrouping::Week, ReportEngine::weekStart(day).toString(Qt::ISODate), m);
            });
        }
    }
}

DrillDownDialog *ReportWindow::openTableDrillDown(const QModelIndex &index)
{
    if (!index.isValid() || !m_snapshot)
        return nullptr;
    const auto *proxy = qobject_cast<const QAbstractProxyModel *>(index.model());
    const QModelIndex source = proxy ? proxy->mapToSource(index) : index;
    const bool totals = source.data(ReportTableModel::IsTotalsRole).toBool();
    const ReportGroup &group = m_tableModel->group(source.row());
    return openDrillDown(totals ? std::nullopt : std::optional(m_tableModel->report().groupBy), group.key,
        ReportTableModel::measureOf(source.column()));
}

DrillDownDialog *ReportWindow::openDrillDown(
    std::optional<ReportGrouping> groupBy, const QString &key, DrillDownMeasure measure)
{
    if (!m_snapshot)
        return nullptr;
    DrillDownCell cell;
    cell.measure = measure;
    cell.groupBy = groupBy;
    cell.key = key;
    // The window of the report on screen, not of date fields edited since.
    cell.firstDay = m_snapshot->from;
    cell.lastDay = m_snapshot->to;
    QString group = key;
    if (!groupBy)
        group = tr("All");
    else if (key.isEmpty())
        group = tr("(none)");
    else if (*groupBy == ReportGrouping::Day || *groupBy == ReportGrouping::Week)
        group.clear(); // the dates say it
    const QString title = DrillDownDialog::title(ReportTableModel::columnTitle(ReportTableModel::columnOf(measure)),
        group, cell.cellFirstDay(), cell.cellLastDay());
    auto *model = new DrillDownModel([connection = m_connection, cell](const QString &cursor) {
        return ReportClient(connection).drillDown(cell, DrillDownPageSize, cursor);
    });
    auto *dialog = new DrillDownDialog(
        title, model,
        [connection = m_connection](const QString &id) {
            return connection->fetchAction(id);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    model->reload();
    dialog->open();
    Q_EMIT drillDownOpened(dialog);
    return dialog;
}

void ReportWindow::exportTableInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report Table"),
        ExportLocation::suggestedPath(QStringLiteral("countersign-report.csv")), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    ExportLocation::remember(path);
    exportTableCsv(path);
}

} // namespace Countersign
