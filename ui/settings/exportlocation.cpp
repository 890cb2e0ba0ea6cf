#include "exportlocation.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace Countersign {

namespace {

constexpr QLatin1StringView LastFolderKey{"export/lastFolder"};

bool usable(const QString &folder)
{
    const QFileInfo info(folder);
    return !folder.isEmpty() && info.isAbsolute() && info.isDir();
}

} // namespace

QString ExportLocation::defaultFolder()
{
    const QString last = QSettings().value(LastFolderKey).toString();
    if (usable(last))
        return QDir::cleanPath(last);
    // DocumentsLocation names ~/Documents even where it does not exist; a file dialog given a
    // folder that does not exist falls back to the working directory.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (usable(documents))
        return QDir::cleanPath(documents);
    return QDir::homePath();
}

QString ExportLocation::suggestedPath(const QString &fileName)
{
    return QDir(defaultFolder()).filePath(fileName);
}

void ExportLocation::remember(const QString &filePath)
{
    if (filePath.isEmpty())
        return;
    const QString folder = QFileInfo(filePath).absolutePath();
    if (usable(folder))
        QSettings().setValue(LastFolderKey, folder);
}

} // namespace Countersign
