#pragma once

#include <QString>

namespace Countersign {

// Where export dialogs (decision history, report table, quarterly review) open: the folder the
// user saved to last, while it exists; else the Documents folder; else the home folder. Never
// the working directory, which is whatever folder the app was started from.
class ExportLocation
{
public:
    static QString defaultFolder();
    // defaultFolder() with `fileName` appended: the file dialog's suggestion.
    static QString suggestedPath(const QString &fileName);
    // Remembers the folder of a file the user chose to save to.
    static void remember(const QString &filePath);
};

} // namespace Countersign
