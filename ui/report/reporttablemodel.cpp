#include "reporttablemodel.h"

#include "domain/csvwriter.h"
#include "queue/queuemodel.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <cmath>

namespace Countersign {

ReportTableModel::ReportTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ReportTableModel::setReport(const ApprovalReport &report, const ApprovalReport &previous)
{
    beginResetModel();
    m_report = report;
    m_previous = previous;
    endResetModel();
}

const ReportGroup *ReportTableModel::previousGroup(int row) const
{
    if (m_previous.groups.isEmpty())
        return nullptr;
    if (row >= m_report.groups.size())
        return &m_previous.totals;
    const QString &key = m_report.groups.at(row).key;
    for (const ReportGroup &g : m_previous.groups) {
        if (g.key == key)
            return &g;
    }
    return nullptr;
}

QVariant ReportTableModel::delta(int row, int column) const
{
    const ReportGroup *before = previousGroup(row);
    const ReportGroup &now = group(row);
    if (!before)
        return {};
    switch (column) {
    case ApprovalRateColumn:
    case ModificationRateColumn:
    case RejectionRateColumn:
        if (now.reviewed == 0 || before->reviewed == 0)
            return {};
        return (number(now, column).toDouble() - number(*before, column).toDouble()) * 100.0;
    case QueueMedianColumn:
    case QueueP95Column:
    case DecideMedianColumn: {
        const double a = number(now, column).toDouble();
        const double b = number(*before, column).toDouble();
        if (a < 0 || b < 0)
            return {};
        return a - b;
    }
    default:
        return {};
    }
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
    case Qt::DisplayRole: {
        if (totals && index.column() == KeyColumn)
            return tr("All");
        QString text = display(g, index.column());
        // An arrow where the figure moved against the previous period (a tenth of a point or
        // a second is noise).
        const QVariant d = delta(index.row(), index.column());
        if (d.isValid() && std::abs(d.toDouble()) >= 0.05)
            text += d.toDouble() > 0 ? QStringLiteral(" ▲") : QStringLiteral(" ▼");
        return text;
    }
    case DeltaRole:
        return delta(index.row(), index.column());
    case Qt::ToolTipRole: {
        const QVariant d = delta(index.row(), index.column());
        if (!d.isValid())
            return {};
        const ReportGroup *before = previousGroup(index.row());
        return tr("Previous period: %1").arg(display(*before, index.column()));
    }
    case Qt::ForegroundRole: {
        const QVariant d = delta(index.row(), index.column());
        if (!d.isValid() || std::abs(d.toDouble()) < 0.05)
            return {};
        // Better is green, worse is red: more approvals, fewer rejections and rewrites, less waiting.
        const bool better = index.column() == ApprovalRateColumn ? d.toDouble() > 0 : d.toDouble() < 0;
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
        const QColor good(46, 160, 67);
        const QColor bad(207, 52, 48);
        return QBrush((better ? good : bad).lighter(dark ? 140 : 100));
    }
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

namespace {

constexpr std::pair<int, DrillDownMeasure> Counters[]
    = {{ReportTableModel::SubmittedColumn, DrillDownMeasure::Submitted},
        {ReportTableModel::AutoApprovedColumn, DrillDownMeasure::AutoApproved},
        {ReportTableModel::ProhibitedColumn, DrillDownMeasure::Prohibited},
        {ReportTableModel::ReviewedColumn, DrillDownMeasure::Reviewed},
        {ReportTableModel::ApprovedColumn, DrillDownMeasure::Approved},
        {ReportTableModel::ModifiedColumn, DrillDownMeasure::Modified},
        {ReportTableModel::RejectedColumn, DrillDownMeasure::Rejected},
        {ReportTableModel::ExpiredColumn, DrillDownMeasure::Expired},
        {ReportTableModel::WithdrawnColumn, DrillDownMeasure::Withdrawn},
        {ReportTableModel::ApprovalRateColumn, DrillDownMeasure::Approved},
        {ReportTableModel::ModificationRateColumn, DrillDownMeasure::Modified},
        {ReportTableModel::RejectionRateColumn, DrillDownMeasure::Rejected},
        {ReportTableModel::QueueMedianColumn, DrillDownMeasure::Reviewed},
        {ReportTableModel::QueueP95Column, DrillDownMeasure::Reviewed},
        {ReportTableModel::DecideMedianColumn, DrillDownMeasure::Reviewed},
        {ReportTableModel::SlaBreachesColumn, DrillDownMeasure::SlaBreaches},
        {ReportTableModel::EscalationsColumn, DrillDownMeasure::Escalations}};

} // namespace

DrillDownMeasure ReportTableModel::measureOf(int column)
{
    for (const auto &[c, measure] : Counters) {
        if (c == column)
            return measure;
    }
    return DrillDownMeasure::Submitted;
}

int ReportTableModel::columnOf(DrillDownMeasure measure)
{
    for (const auto &[c, m] : Counters) {
        if (m == measure)
            return c; // the first entry of a measure is its counter's column
    }
    return SubmittedColumn;
}

} // namespace Countersign
