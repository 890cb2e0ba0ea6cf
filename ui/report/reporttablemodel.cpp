#include "reporttablemodel.h"

#include "domain/csvwriter.h"
#include "queue/queuemodel.h"

#include <QFont>
#include <QLocale>

namespace Countersign {

ReportTableModel::ReportTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ReportTableModel::setReport(const ApprovalReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

const ReportGroup &ReportTableModel::group(int row) const
{
    return row < m_report.groups.size() ? m_report.groups.at(row) : m_report.totals;
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    // An empty report has no totals row either: the view shows its placeholder.
    return parent.isValid() || m_report.groups.isEmpty() ? 0 : int(m_report.groups.size()) + 1;
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportTableModel::number(const ReportGroup &g, int column)
{
    switch (column) {
    case SubmittedColumn:
        return g.submitted;
    case AutoApprovedColumn:
        return g.autoApproved;
    case ProhibitedColumn:
        return g.prohibited;
    case ReviewedColumn:
        return g.reviewed;
    case ApprovedColumn:
        return g.approved;
    case ModifiedColumn:
        return g.modified;
    case RejectedColumn:
        return g.rejected;
    case ExpiredColumn:
        return g.expired;
    case WithdrawnColumn:
        return g.withdrawn;
    case ApprovalRateColumn:
        return g.approvalRate;
    case ModificationRateColumn:
        return g.modificationRate;
    case RejectionRateColumn:
        return g.rejectionRate;
    case QueueMedianColumn:
        return g.queueMedianSeconds;
    case QueueP95Column:
        return g.queueP95Seconds;
    case DecideMedianColumn:
        return g.decideMedianSeconds;
    case SlaBreachesColumn:
        return g.slaBreaches;
    case EscalationsColumn:
        return g.escalations;
    default:
        return g.key;
    }
}

QString ReportTableModel::display(const ReportGroup &g, int column) const
{
    const QLocale locale;
    switch (column) {
    case KeyColumn:
        return g.key.isEmpty() ? tr("(none)") : g.key;
    case ApprovalRateColumn:
    case ModificationRateColumn:
    case RejectionRateColumn:
        return g.reviewed > 0 ? locale.toString(number(g, column).toDouble() * 100.0, 'f', 1) + QLatin1Char('%')
                              : QStringLiteral("–");
    case QueueMedianColumn:
    case QueueP95Column:
    case DecideMedianColumn: {
        const double seconds = number(g, column).toDouble();
        return seconds < 0 ? QStringLiteral("–") : QueueModel::formatAge(qint64(seconds + 0.5));
    }
    default:
        return locale.toString(number(g, column).toLongLong());
    }
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool totals = index.row() == m_report.groups.size();
    const ReportGroup &g = group(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return totals && index.column() == KeyColumn ? tr("All") : display(g, index.column());
    case SortRole:
        return number(g, index.column());
    case IsTotalsRole:
        return totals;
    case Qt::TextAlignmentRole:
        return index.column() == KeyColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                           : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (totals) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QString ReportTableModel::keyTitle(ReportGrouping grouping)
{
    switch (grouping) {
    case ReportGrouping::Category:
        return tr("Category");
    case ReportGrouping::Type:
        return tr("Type");
    case ReportGrouping::Reviewer:
        return tr("Reviewer");
    case ReportGrouping::Agent:
        return tr("Agent");
    case ReportGrouping::Day:
        return tr("Day");
    case ReportGrouping::Week:
        return tr("Week of");
    }
    return {};
}

QString ReportTableModel::columnTitle(int column)
{
    switch (column) {
    case SubmittedColumn:
        return tr("Submitted");
    case AutoApprovedColumn:
        return tr("Auto-approved");
    case ProhibitedColumn:
        return tr("Prohibited");
    case ReviewedColumn:
        return tr("Reviewed");
    case ApprovedColumn:
        return tr("Approved");
    case ModifiedColumn:
        return tr("Modified");
    case RejectedColumn:
        return tr("Rejected");
    case ExpiredColumn:
        return tr("Expired");
    case WithdrawnColumn:
        return tr("Withdrawn");
    case ApprovalRateColumn:
        return tr("Approval rate");
    case ModificationRateColumn:
        return tr("Modification rate");
    case RejectionRateColumn:
        return tr("Rejection rate");
    case QueueMedianColumn:
        return tr("Queue time (median)");
    case QueueP95Column:
        return tr("Queue time (p95)");
    case DecideMedianColumn:
        return tr("Time to decide (median)");
    case SlaBreachesColumn:
        return tr("SLA breaches");
    case EscalationsColumn:
        return tr("Escalations");
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == KeyColumn ? keyTitle(m_report.groupBy) : columnTitle(section);
}

QByteArray ReportTableModel::toCsv() const
{
    CsvWriter csv;
    QStringList header{reportGroupingName(m_report.groupBy)};
    for (int c = KeyColumn + 1; c < ColumnCount; ++c)
        header.append(columnTitle(c));
    csv.addRow(header);
    for (int row = 0; row < rowCount(); ++row) {
        const ReportGroup &g = group(row);
        QStringList cells{row == m_report.groups.size() ? QStringLiteral("*") : g.key};
        for (int c = KeyColumn + 1; c < ColumnCount; ++c) {
            const QVariant v = number(g, c);
            cells.append(v.typeId() == QMetaType::Double ? QString::number(v.toDouble(), 'g', 6)
                                                         : QString::number(v.toLongLong()));
        }
        csv.addRow(cells);
    }
    return csv.data();
}

} // namespace Countersign
