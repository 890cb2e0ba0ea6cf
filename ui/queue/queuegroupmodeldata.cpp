#include "queuegroupmodel.h"

#include "queuemodel.h"

#include <QFont>
#include <QLocale>

// QueueGroupModel's presentation: header rows' texts and what the action rows borrow from
// QueueModel.
namespace Countersign {

QVariant QueueGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (!isGroup(index)) {
        const int row = sourceRow(index);
        return row < 0 ? QVariant() : m_queue->data(m_queue->index(row, index.column()), role);
    }
    const Group &g = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        // The row spans all columns and a spanned row draws column 0.
        if (index.column() == 0)
            return QStringLiteral("%1 (%L2)").arg(g.name.isEmpty() ? tr("(none)") : g.name).arg(g.count);
        break;
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::ToolTipRole:
        return tr("%n item(s). Press Enter or use the context menu to review the group at once.", nullptr, g.count);
    case QueueModel::IsGroupHeaderRole:
        return true;
    case QueueModel::GroupCountRole:
        return g.count;
    case QueueModel::GroupRole:
        return g.name;
    }
    return {};
}

QVariant QueueGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal)
        return m_queue->headerData(section, orientation, role);
    return QAbstractItemModel::headerData(section, orientation, role);
}

Qt::ItemFlags QueueGroupModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (isGroup(index))
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace Countersign
