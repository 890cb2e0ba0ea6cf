#pragma once

#include "diff/patchset.h"

#include <QAbstractTableModel>

namespace Countersign {

// The files of a patch for the patch view's list: status, path, and +added −removed. The list
// is as long as the patch has files; filtering by path is a QSortFilterProxyModel on PathColumn.
class PatchFileModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StatusColumn, PathColumn, ChangesColumn, ColumnCount };
    enum Role {
        AddedRole = Qt::UserRole + 1,
        RemovedRole,
        StatusRole, // PatchFile::Status as int
        IndexRole, // the file's index in the patch
    };

    explicit PatchFileModel(QObject *parent = nullptr);

    void setPatch(const PatchSet &patch);
    const PatchSet &patch() const { return m_patch; }
    // Marks a file as edited by the reviewer (shown in its path's tooltip and with a pen).
    void setEdited(int file, bool edited);

    static QString statusText(PatchFile::Status status);
    static QString statusLetter(PatchFile::Status status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    PatchSet m_patch;
    QList<bool> m_edited;
};

} // namespace Countersign
