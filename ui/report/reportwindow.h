#pragma once

#include "drilldowndialog.h"
#include "report/drilldowncell.h"
#include "reportsnapshot.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QTabWidget;
class QTableView;

namespace Countersign {

class BottleneckView;
class NoticeLabel;
class ProposalsPanel;
class QuarterlyReviewPanel;
class RecommendationModel;
class RecommendationsPanel;
class ReportLoader;
class ReportTableModel;
class ReviewersPanel;
class ServerConnection;

// The team lead's approval-rate report window: rates, queue times, trend and tier volume as
// charts and as a sortable table for a date range, the server's recommendations with their
// evidence (and a way to draft the policy change), the policy proposals (an admin applies them
// there), unassigned types, bottlenecks, the reviewers (a reviewer sees their own row) and the
// quarterly review.
class ReportWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit ReportWindow(ServerConnection *connection, QWidget *parent = nullptr);

    enum class Range { Last7Days, Last30Days, Last90Days, ThisQuarter, LastQuarter, Custom };
    Q_ENUM(Range)

    void setRange(Range range);
    void setDates(QDate from, QDate to);
    void setGrouping(ReportGrouping grouping);
    void refresh();
    bool exportTableCsv(const QString &path);

    ReportTableModel *tableModel() const { return m_tableModel; }
    RecommendationModel *recommendationModel() const { return m_recommendations; }
    QuarterlyReviewPanel *quarterlyPanel() const { return m_quarterly; }
    ProposalsPanel *proposalsPanel() const { return m_proposals; }
    ReviewersPanel *reviewersPanel() const { return m_reviewers; }
    const std::optional<ReportSnapshot> &snapshot() const { return m_snapshot; }
    QTableView *tableView() const { return m_table; }

    // Lists the actions behind one figure of the report shown (a bar, a point, a table cell):
    // `groupBy` unset for the totals. Returns the dialog it opened (nothing without a report).
    DrillDownDialog *openDrillDown(std::optional<ReportGrouping> groupBy, const QString &key, DrillDownMeasure measure);
    // The table's drill-down: the cell's row and column (the key column lists the submissions).
    DrillDownDialog *openTableDrillDown(const QModelIndex &index);

Q_SIGNALS:
    void refreshed();
    void loadFailed(const Countersign::Error &error);
    void drillDownOpened(Countersign::DrillDownDialog *dialog);

private:
    void createToolBar();
    void createMenus();
    QWidget *createOverview();
    void display(const ReportSnapshot &snapshot);
    void showFailure(const Error &error);
    void updateControls();
    void showPlaceholders(const QString &text);
    void setChart(int index, QChart *chart);
    void connectDrillDown(QChart *chart);
    void draftProposal(const Recommendation &recommendation);
    void learnRole();
    void exportTableInteractively();
    ReportGrouping grouping() const;

    ServerConnection *m_connection;
    ReportLoader *m_loader;
    ReportTableModel *m_tableModel;
    RecommendationModel *m_recommendations;
    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_grouping;
    QList<QAction *> m_periodControls; // the toolbar's period widgets
    QList<QAction *> m_groupingControls;
    NoticeLabel *m_notice;
    QTabWidget *m_tabs;
    QList<QChartView *> m_charts;
    QTableView *m_table;
    RecommendationsPanel *m_recommendationPanel;
    RecommendationsPanel *m_unassignedPanel;
    BottleneckView *m_bottlenecks;
    ReviewersPanel *m_reviewers;
    QuarterlyReviewPanel *m_quarterly;
    ProposalsPanel *m_proposals;
    QProgressBar *m_busy;
    std::optional<ReportSnapshot> m_snapshot;
    bool m_settingRange = false;
    static constexpr int DrillDownPageSize = 100;
};

} // namespace Countersign
