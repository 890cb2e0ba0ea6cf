#include "patchfilemodel.h"

#include <QApplication>
#include <QPalette>

namespace Countersign {

PatchFileModel::PatchFileModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void PatchFileModel::setPatch(const PatchSet &patch)
{
    beginResetModel();
    m_patch = patch;
    m_edited = QList<bool>(patch.files().size(), false);
    endResetModel();
}

void PatchFileModel::setEdited(int file, bool edited)
{
    if (file < 0 || file >= m_edited.size() || m_edited.at(file) == edited)
        return;
    m_edited[file] = edited;
    Q_EMIT dataChanged(index(file, 0), index(file, ColumnCount - 1));
}

QString PatchFileModel::statusText(PatchFile::Status status)
{
    switch (status) {
    case PatchFile::Status::Added:
        return tr("added");
    case PatchFile::Status::Removed:
        return tr("removed");
    case PatchFile::Status::Renamed:
        return tr("renamed");
    case PatchFile::Status::Copied:
        return tr("copied");
    case PatchFile::Status::Modified:
        break;
    }
    return tr("modified");
}

QString PatchFileModel::statusLetter(PatchFile::Status status)
{
    // git's own letters (git status --short, git diff --name-status).
    switch (status) {
    case PatchFile::Status::Added:
        return QStringLiteral("A");
    case PatchFile::Status::Removed:
        return QStringLiteral("D");
    case PatchFile::Status::Renamed:
        return QStringLiteral("R");
    case PatchFile::Status::Copied:
        return QStringLiteral("C");
    case PatchFile::Status::Modified:
        break;
    }
    return QStringLiteral("M");
}

int PatchFileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_patch.files().size());
}

int PatchFileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatchFileModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_patch.files().size())
        return {};
    const PatchFile &f = m_patch.files().at(index.row());
    const bool edited = m_edited.value(index.row());
    switch (role) {
    case AddedRole:
        return f.addedCount();
    case RemovedRole:
        return f.removedCount();
    case StatusRole:
        return int(f.status);
    case IndexRole:
        return index.row();
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn:
            return statusLetter(f.status);
        case PathColumn:
            return edited ? f.displayPath() + QStringLiteral(" \u270E") : f.displayPath();
        case ChangesColumn:
            if (f.binary)
                return tr("binary");
            return QStringLiteral("+%1 \u2212%2").arg(f.addedCount()).arg(f.removedCount());
        }
        break;
    case Qt::ToolTipRole: {
        QString tip
            = tr("%1: %2, %n line(s) added", nullptr, f.addedCount()).arg(f.displayPath(), statusText(f.status));
        tip += QLatin1Char('\n') + tr("%n line(s) removed", nullptr, f.removedCount());
        if (edited)
            tip += QLatin1Char('\n') + tr("You edited this file.");
        return tip;
    }
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1 %2").arg(statusText(f.status), f.displayPath());
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            // The palette's link colours stay readable in light and dark themes.
            const QPalette palette = QApplication::palette();
            if (f.status == PatchFile::Status::Added)
                return palette.color(QPalette::Link);
            if (f.status == PatchFile::Status::Removed)
                return palette.color(QPalette::LinkVisited);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != PathColumn)
            return int(Qt::AlignCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant PatchFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return QString();
    case PathColumn:
        return tr("File");
    case ChangesColumn:
        return tr("Lines");
    }
    return {};
}

} // namespace Countersign
