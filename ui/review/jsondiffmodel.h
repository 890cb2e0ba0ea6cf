#pragma once

#include "diff/jsondiff.h"

#include <QAbstractTableModel>

namespace Countersign {

// The key-by-key changes between two JSON payloads (JsonDiff) as a table: the key's path, what
// happened to it, the value before and after. Beside the text diff of tool arguments, where a
// reordered object shows as many changed lines but is no change at all.
class JsonDiffModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { PathColumn, ChangeColumn, BeforeColumn, AfterColumn, ColumnCount };

    explicit JsonDiffModel(QObject *parent = nullptr);

    void setChanges(const QList<JsonDiff::Change> &changes);
    const QList<JsonDiff::Change> &changes() const { return m_changes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<JsonDiff::Change> m_changes;
};

} // namespace Countersign
