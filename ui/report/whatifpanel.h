#pragma once

#include "domain/action.h"
#include "report/simulationreport.h"

#include <QFuture>
#include <QWidget>

#include <functional>

class QChartView;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Countersign {

class SimulationTableModel;

// "What if": what a proposed policy would have done to the last 90 days, before anyone applies
// it. Runs the server's simulation (through a runner the owner provides, e.g. ReportClient) off
// the GUI thread, shows progress and errors in place, then a table by type, a small chart of what
// reviewers did with the actions that would become automatic, and example action ids.
class WhatIfPanel : public QWidget
{
    Q_OBJECT

public:
    using Runner = std::function<QFuture<Result<SimulationReport>>()>;

    explicit WhatIfPanel(QWidget *parent = nullptr);

    void setRunner(Runner runner);
    // Where example actions are read from; without one, examples are a plain list.
    void setActionFetcher(std::function<QFuture<Result<Action>>(const QString &id)> fetch);
    // Opens an example read-only with the diff views (Enter or double-click on the list does).
    void openExample(const QString &actionId);
    // Starts a simulation; a result of an earlier run that arrives later is dropped.
    void run();
    void showReport(const SimulationReport &report);
    void showError(const Error &error);

    bool isRunning() const { return m_running; }
    SimulationTableModel *model() const { return m_model; }
    // One line for the lead: what the proposal would have let through or cost.
    static QString summary(const SimulationReport &report);

Q_SIGNALS:
    void finished();

private:
    void setRunning(bool running);
    void updateChart(const SimulationReport &report);

    Runner m_runner;
    std::function<QFuture<Result<Action>>(const QString &id)> m_fetch;
    quint64 m_generation = 0;
    bool m_running = false;
    QPushButton *m_runButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableView *m_table;
    SimulationTableModel *m_model;
    QChartView *m_chart;
    QListWidget *m_examples;
};

} // namespace Countersign
