#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace Countersign {

// Loads the app's translation (embedded as :/i18n/countersign_<lang>.qm) and Qt's own for the
// user's UI languages (standard buttons, file and message dialogs). English is the source
// language; its .qm only carries plural forms.
class Translations
{
public:
    // Installs the translators on `app` (they are children of it). Returns the language loaded
    // for Countersign ("de", "en", ...). Qt's catalogue is looked for in `qtFolders` in order.
    static QString install(
        QCoreApplication &app, const QLocale &locale = QLocale(), const QStringList &qtFolders = qtDirectories());

    // Where Qt's own catalogues (qtbase_<lang>.qm, or the merged qt_<lang>.qm that Qt's deployment
    // writes) are looked for: a translations/ folder beside the executable or one level up
    // (relocatable tarball, Windows), then Qt's own translations folder (the distribution's).
    static QStringList qtDirectories();
    // The file of Qt's catalogue for `locale` found in `directories`; empty if none.
    static QString qtCatalogue(const QLocale &locale, const QStringList &directories = qtDirectories());

    // The languages Countersign ships, e.g. {"de", "en"}.
    static QStringList available();
    static QString resourceDirectory();
};

} // namespace Countersign
