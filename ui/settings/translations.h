#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace Countersign {

// Loads the app's translation (embedded as :/i18n/countersign_<lang>.qm) and Qt's own for the
// user's UI languages. English is the source language; its .qm only carries plural forms.
class Translations
{
public:
    // Installs the translators on `app` (they are children of it). Returns the language loaded
    // for Countersign ("de", "en", ...).
    static QString install(QCoreApplication &app, const QLocale &locale = QLocale());

    // The languages Countersign ships, e.g. {"de", "en"}.
    static QStringList available();
    static QString resourceDirectory();
};

} // namespace Countersign
