#pragma once

#include <QSortFilterProxyModel>

namespace Countersign {

// Sorts the report table by ReportTableModel::SortRole and keeps the totals row ("All") last
// in either order: it sums the rows above it and is not one of them.
class ReportTableProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ReportTableProxy(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace Countersign
