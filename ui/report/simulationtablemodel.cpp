#include "simulationtablemodel.h"

#include <QFont>
#include <QLocale>

namespace Countersign {

void SimulationTableModel::setReport(const SimulationReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

int SimulationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_report.from.isValid() ? 0 : int(m_report.types.size()) + 1;
}

int SimulationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const SimulationGroup &SimulationTableModel::group(int row) const
{
    return row < m_report.types.size() ? m_report.types.at(row) : m_report.total;
}

QVariant SimulationTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const bool total = index.row() == m_report.types.size();
    const SimulationGroup &g = group(index.row());
    if (role == Qt::FontRole && total) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Type ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case Type:
        return total ? tr("Total") : g.type;
    case Actions:
        return locale.toString(g.actions);
    case Moved:
        return locale.toString(g.moved());
    case ToAuto:
        return locale.toString(g.toAuto.count());
    case Rejected:
        return locale.toString(g.toAuto.rejected);
    case Modified:
        return locale.toString(g.toAuto.modified);
    case ToReview:
        return locale.toString(g.toReview);
    case ReviewerHours:
        return locale.toString(g.reviewerSeconds / 3600.0, 'f', 1);
    case ToProhibited:
        return locale.toString(g.toProhibited);
    case ProhibitedApproved:
        return locale.toString(g.prohibitedApproved);
    case ProblemsKeptAuto:
        return locale.toString(g.problemsKeptAuto);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SimulationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Rejected:
        case Modified:
            return tr("Of the actions the proposal would auto-approve: how many a reviewer in fact rejected or edited");
        case ReviewerHours:
            return tr("Actions newly sent to review × the median decide time of their category in the window");
        case ProhibitedApproved:
            return tr("Of the actions the proposal would prohibit: how many were in fact approved");
        case ProblemsKeptAuto:
            return tr("Auto-approvals a spot check found a problem with, which the proposal keeps automatic");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Type:
        return tr("Type");
    case Actions:
        return tr("Actions");
    case Moved:
        return tr("Moved");
    case ToAuto:
        return tr("To auto");
    case Rejected:
        return tr("Rejected");
    case Modified:
        return tr("Modified");
    case ToReview:
        return tr("To review");
    case ReviewerHours:
        return tr("Reviewer hours");
    case ToProhibited:
        return tr("To prohibited");
    case ProhibitedApproved:
        return tr("Were approved");
    case ProblemsKeptAuto:
        return tr("Problems kept auto");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Countersign
