#include "reporttableproxy.h"

#include "reporttablemodel.h"

namespace Countersign {

ReportTableProxy::ReportTableProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ReportTableModel::SortRole);
}

bool ReportTableProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftTotals = left.data(ReportTableModel::IsTotalsRole).toBool();
    const bool rightTotals = right.data(ReportTableModel::IsTotalsRole).toBool();
    if (leftTotals != rightTotals) {
        // A descending sort puts a row first when lessThan(other, row) holds, so the answer flips
        // with the order to keep the totals at the end.
        return rightTotals == (sortOrder() == Qt::AscendingOrder);
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Countersign
