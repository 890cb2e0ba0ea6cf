#pragma once

#include "report/simulationreport.h"

#include <QAbstractTableModel>

namespace Countersign {

// The rows of a policy simulation: one per action type, then the total (bold).
class SimulationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Type,
        Actions,
        Moved,
        ToAuto,
        Rejected,
        Modified,
        ToReview,
        ReviewerHours,
        ToProhibited,
        ProhibitedApproved,
        ProblemsKeptAuto,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setReport(const SimulationReport &report);
    const SimulationReport &report() const { return m_report; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const SimulationGroup &group(int row) const;

    SimulationReport m_report;
};

} // namespace Countersign
