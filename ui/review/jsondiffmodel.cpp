#include "jsondiffmodel.h"

namespace Countersign {

using Kind = JsonDiff::Change::Kind;

JsonDiffModel::JsonDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void JsonDiffModel::setChanges(const QList<JsonDiff::Change> &changes)
{
    if (changes == m_changes)
        return;
    beginResetModel();
    m_changes = changes;
    endResetModel();
}

int JsonDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int JsonDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JsonDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const JsonDiff::Change &change = m_changes.at(index.row());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case PathColumn:
        return change.path.isEmpty() ? tr("(the whole document)") : change.path;
    case ChangeColumn:
        switch (change.kind) {
        case Kind::Added:
            return tr("added");
        case Kind::Removed:
            return tr("removed");
        case Kind::Changed:
            return tr("changed");
        }
        return {};
    case BeforeColumn:
    case AfterColumn: {
        const QString text = JsonDiff::display(index.column() == BeforeColumn ? change.left : change.right);
        return role == Qt::DisplayRole ? text.left(500) : text;
    }
    }
    return {};
}

QVariant JsonDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn:
        return tr("Key");
    case ChangeColumn:
        return tr("Change");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    }
    return {};
}

} // namespace Countersign
