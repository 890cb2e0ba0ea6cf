#include "reviewertablemodel.h"

#include "queue/queuemodel.h"
#include "style/statuscolors.h"

#include <QBrush>
#include <QLocale>

namespace Countersign {

ReviewerTableModel::ReviewerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ReviewerTableModel::setReport(const ReviewerReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

void ReviewerTableModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_report.rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

double ReviewerTableModel::teamFoundWrongRate() const
{
    qint64 checked = 0;
    qint64 problems = 0;
    for (const ReviewerReport::Row &r : m_report.rows) {
        checked += r.spotChecked;
        problems += r.spotProblems;
    }
    return checked > 0 ? double(problems) / double(checked) : -1;
}

int ReviewerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.rows.size());
}

int ReviewerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReviewerTableModel::columnTitle(int column)
{
    switch (Column(column)) {
    case ReviewerColumn:
        return tr("Reviewer");
    case DecisionsColumn:
        return tr("Decisions");
    case ShareColumn:
        return tr("Share of load");
    case ApprovedColumn:
        return tr("Approved");
    case ModifiedColumn:
        return tr("Modified");
    case RejectedColumn:
        return tr("Rejected");
    case DecideMedianColumn:
        return tr("Median time to decide");
    case SpotCheckedColumn:
        return tr("Spot-checked");
    case SpotProblemsColumn:
        return tr("Found problems");
    case AgreementColumn:
        return tr("Agreement");
    case FoundWrongColumn:
        return tr("Found wrong");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ReviewerTableModel::number(const ReviewerReport::Row &r, int column)
{
    switch (Column(column)) {
    case ReviewerColumn:
        return r.reviewer;
    case DecisionsColumn:
        return r.decisions;
    case ShareColumn:
        return r.decisionShare;
    case ApprovedColumn:
        return r.approved;
    case ModifiedColumn:
        return r.modified;
    case RejectedColumn:
        return r.rejected;
    case DecideMedianColumn:
        return r.decideMedianSeconds;
    case SpotCheckedColumn:
        return r.spotChecked;
    case SpotProblemsColumn:
        return r.spotProblems;
    case AgreementColumn:
        return r.agreementRate;
    case FoundWrongColumn:
        return r.foundWrongRate;
    case ColumnCount:
        break;
    }
    return {};
}

QString ReviewerTableModel::display(const ReviewerReport::Row &r, int column) const
{
    const QLocale locale;
    const auto percent = [&locale](double rate) {
        return rate < 0 ? QStringLiteral("–") : locale.toString(rate * 100.0, 'f', 1) + QLatin1Char('%');
    };
    switch (Column(column)) {
    case ReviewerColumn:
        return r.reviewer;
    case ShareColumn:
        return percent(r.decisions > 0 || r.decisionShare > 0 ? r.decisionShare : 0.0);
    case AgreementColumn:
        return percent(r.agreementRate);
    case FoundWrongColumn:
        return percent(r.foundWrongRate);
    case DecideMedianColumn:
        return r.decideMedianSeconds < 0 ? QStringLiteral("–")
                                         : QueueModel::formatAge(qint64(r.decideMedianSeconds + 0.5));
    default:
        return locale.toString(number(r, column).toLongLong());
    }
}

bool ReviewerTableModel::aboveTeam(const ReviewerReport::Row &r) const
{
    // Only beside others: alone (a reviewer's own row) there is no team to compare with.
    const double team = teamFoundWrongRate();
    return m_report.rows.size() > 1 && team >= 0 && r.foundWrongRate > team;
}

QVariant ReviewerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ReviewerReport::Row &r = m_report.rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case SortRole:
        return number(r, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == ReviewerColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == FoundWrongColumn && aboveTeam(r))
            return QBrush(StatusColors::text(StatusColors::Kind::Negative, m_palette));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == FoundWrongColumn && r.spotChecked > 0)
            return tr("%1 of %n checked approvals found wrong", nullptr, int(r.spotChecked))
                .arg(QLocale().toString(r.spotProblems));
        if (index.column() == SpotCheckedColumn)
            return tr("%n of their approvals sampled for a spot check", nullptr, int(r.spotSampled));
        return {};
    default:
        return {};
    }
}

QVariant ReviewerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnTitle(section);
}

} // namespace Countersign
