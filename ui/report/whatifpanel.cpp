#include "whatifpanel.h"

#include "actiondetaildialog.h"
#include "reportcharts.h"
#include "simulationtablemodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace Countersign {

WhatIfPanel::WhatIfPanel(QWidget *parent)
    : QWidget(parent)
    , m_runButton(new QPushButton(tr("Run What-If"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new SimulationTableModel(this))
    , m_chart(new QChartView(this))
    , m_examples(new QListWidget(this))
{
    setObjectName(QStringLiteral("whatIfPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_runButton->setObjectName(QStringLiteral("whatIfRun"));
    m_runButton->setToolTip(tr("Replay the last 90 days under the proposed tiers"));
    top->addWidget(m_runButton);
    m_progress->setObjectName(QStringLiteral("whatIfProgress"));
    m_progress->setRange(0, 0); // the server does not report progress: busy until it answers
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(m_runButton->sizeHint().height() / 2);
    m_progress->hide();
    top->addWidget(m_progress, 1);
    layout->addLayout(top);

    m_status->setObjectName(QStringLiteral("whatIfStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("See what the proposed tiers would have done to the actions of the last 90 days."));
    layout->addWidget(m_status);

    m_table->setObjectName(QStringLiteral("whatIfTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(110);
    layout->addWidget(m_table, 1);

    auto *bottom = new QHBoxLayout;
    m_chart->setObjectName(QStringLiteral("whatIfChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumSize(260, 150);
    bottom->addWidget(m_chart, 3);
    m_examples->setObjectName(QStringLiteral("whatIfExamples"));
    m_examples->setToolTip(tr("Actions a reviewer rejected or edited that the proposal would auto-approve"));
    bottom->addWidget(m_examples, 2);
    layout->addLayout(bottom, 1);
    m_table->hide();
    m_chart->hide();
    m_examples->hide();

    connect(m_runButton, &QPushButton::clicked, this, &WhatIfPanel::run);
    connect(m_examples, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        openExample(item->data(Qt::UserRole).toString());
    });
    m_runButton->setEnabled(false);
}

void WhatIfPanel::setActionFetcher(std::function<QFuture<Result<Action>>(const QString &id)> fetch)
{
    m_fetch = std::move(fetch);
    m_examples->setToolTip(m_fetch ? tr("Actions a reviewer rejected or edited that the proposal would auto-approve; "
                                        "Enter or double-click opens one read-only")
                                   : tr("Actions a reviewer rejected or edited that the proposal would auto-approve"));
}

void WhatIfPanel::openExample(const QString &actionId)
{
    if (!m_fetch || actionId.isEmpty())
        return;
    auto *dialog = new ActionDetailDialog(actionId, m_fetch, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void WhatIfPanel::setRunner(Runner runner)
{
    m_runner = std::move(runner);
    m_runButton->setEnabled(bool(m_runner) && !m_running);
}

void WhatIfPanel::setRunning(bool running)
{
    m_running = running;
    m_progress->setVisible(running);
    m_runButton->setEnabled(!running && bool(m_runner));
}

void WhatIfPanel::run()
{
    if (!m_runner)
        return;
    const quint64 generation = ++m_generation;
    setRunning(true);
    m_status->setText(tr("Replaying the last 90 days under the proposed tiers…"));
    m_runner().then(this, [this, generation](const Result<SimulationReport> &report) {
        if (generation != m_generation)
            return; // a newer run is under way
        if (report)
            showReport(*report);
        else
            showError(report.error());
    });
}

QString WhatIfPanel::summary(const SimulationReport &r)
{
    const SimulationGroup &t = r.total;
    if (t.moved() == 0)
        return tr("No action of the %n action(s) in this period would have landed in another tier.", "",
            int(qMin<qint64>(t.actions, INT_MAX)));
    QStringList parts;
    parts.append(tr("%n action(s) would have changed tier.", "", int(t.moved())));
    if (t.toAuto.count() > 0)
        parts.append(
            tr("It would have auto-approved %n that reviewers rejected or edited.", "", int(t.rejectedOrModified())));
    if (t.toReview > 0)
        parts.append(tr("Reviewing the %n newly sent to review would have taken about %1 hours.", "", int(t.toReview))
                .arg(QLocale().toString(t.reviewerSeconds / 3600.0, 'f', 1)));
    if (t.toProhibited > 0)
        parts.append(tr("%n action(s) it would prohibit were approved.", "", int(t.prohibitedApproved)));
    if (t.problemsKeptAuto > 0)
        parts.append(tr("%n auto-approval(s) with a spot-check problem stay automatic.", "", int(t.problemsKeptAuto)));
    return parts.join(u' ');
}

void WhatIfPanel::showReport(const SimulationReport &report)
{
    setRunning(false);
    m_model->setReport(report);
    m_status->setText(summary(report));
    m_table->show();
    updateChart(report);
    m_examples->clear();
    for (const SimulationGroup &g : report.types) {
        const auto add = [this](const QString &text, const QString &id) {
            auto *item = new QListWidgetItem(text, m_examples);
            item->setData(Qt::UserRole, id);
        };
        for (const QString &id : g.toAuto.rejectedExamples)
            add(tr("%1 · rejected · %2").arg(g.type, id), id);
        for (const QString &id : g.toAuto.modifiedExamples)
            add(tr("%1 · modified · %2").arg(g.type, id), id);
        for (const QString &id : g.prohibitedApprovedExamples)
            add(tr("%1 · approved, now prohibited · %2").arg(g.type, id), id);
    }
    m_examples->setVisible(m_examples->count() > 0);
    Q_EMIT finished();
}

void WhatIfPanel::showError(const Error &error)
{
    setRunning(false);
    m_status->setText(error.code == ErrorCode::Forbidden ? tr("The what-if needs a lead's or an administrator's token.")
                                                         : tr("The what-if could not run: %1").arg(error.message));
    Q_EMIT finished();
}

void WhatIfPanel::updateChart(const SimulationReport &report)
{
    // Per type that would become automatic: what reviewers in fact did with those actions.
    const ReportCharts colours(palette());
    auto *chart = new QChart;
    chart->setTitle(tr("Would be auto-approved, by what reviewers did"));
    chart->setBackgroundBrush(palette().color(QPalette::Base));
    chart->setTitleBrush(palette().color(QPalette::WindowText));
    chart->legend()->setLabelColor(palette().color(QPalette::WindowText));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    auto *approved = new QBarSet(tr("Approved"));
    auto *modified = new QBarSet(tr("Modified"));
    auto *rejected = new QBarSet(tr("Rejected"));
    auto *expired = new QBarSet(tr("Expired"));
    approved->setColor(colours.approvedColor());
    modified->setColor(colours.modifiedColor());
    rejected->setColor(colours.rejectedColor());
    expired->setColor(palette().color(QPalette::Mid));
    QStringList types;
    for (const SimulationGroup &g : report.types) {
        if (g.toAuto.count() == 0)
            continue;
        types.append(g.type);
        approved->append(qreal(g.toAuto.approved));
        modified->append(qreal(g.toAuto.modified));
        rejected->append(qreal(g.toAuto.rejected));
        expired->append(qreal(g.toAuto.expired));
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append({approved, modified, rejected, expired});
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(types);
    axisY->setLabelsColor(palette().color(QPalette::WindowText));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto *axisX = new QValueAxis;
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->setLabelsColor(palette().color(QPalette::WindowText));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
    m_chart->setVisible(!types.isEmpty());
}

} // namespace Countersign
