#pragma once

#include "report/approvalreport.h"
#include "report/drilldownquery.h"

#include <QAbstractTableModel>

namespace Countersign {

// The numbers behind the report charts, one row per group plus a totals row at the end.
// SortRole gives plain numbers so a QSortFilterProxyModel sorts rates and times correctly.
class ReportTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        KeyColumn,
        SubmittedColumn,
        AutoApprovedColumn,
        ProhibitedColumn,
        ReviewedColumn,
        ApprovedColumn,
        ModifiedColumn,
        RejectedColumn,
        ExpiredColumn,
        WithdrawnColumn,
        ApprovalRateColumn,
        ModificationRateColumn,
        RejectionRateColumn,
        QueueMedianColumn,
        QueueP95Column,
        DecideMedianColumn,
        SlaBreachesColumn,
        EscalationsColumn,
        ColumnCount
    };
    // DeltaRole: the change against the previous period for rates (percentage points) and times
    // (seconds), invalid where there is nothing to compare.
    enum Role { SortRole = Qt::UserRole + 1, IsTotalsRole, DeltaRole };

    explicit ReportTableModel(QObject *parent = nullptr);

    // `previous`: the same grouping over the period before, for the deltas (may be empty).
    void setReport(const ApprovalReport &report, const ApprovalReport &previous = {});
    const ApprovalReport &report() const { return m_report; }
    // The group of a row; the totals row gives the totals.
    const ReportGroup &group(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The same table as CSV (header + groups + totals), numbers unformatted.
    QByteArray toCsv() const;
    static QString columnTitle(int column);
    static QString keyTitle(ReportGrouping grouping);
    // What a cell's drill-down lists: its own counter, the numerator of a rate, the reviewed
    // decisions behind a time; the key column lists the submissions.
    static DrillDownMeasure measureOf(int column);
    // The column that shows a measure's count (its title names the drill-down).
    static int columnOf(DrillDownMeasure measure);

private:
    static QVariant number(const ReportGroup &group, int column);
    QString display(const ReportGroup &group, int column) const;
    const ReportGroup *previousGroup(int row) const;
    QVariant delta(int row, int column) const;

    ApprovalReport m_report;
    ApprovalReport m_previous;
};

} // namespace Countersign
