#include "translations.h"

#include "settingslogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace Countersign {

namespace {

constexpr QLatin1StringView Prefix{"countersign_"};

} // namespace

QString Translations::resourceDirectory()
{
    return QStringLiteral(":/i18n");
}

QStringList Translations::available()
{
    QStringList languages;
    const QStringList files = QDir(resourceDirectory()).entryList({QStringLiteral("countersign_*.qm")}, QDir::Files);
    for (const QString &file : files)
        languages.append(file.mid(Prefix.size()).chopped(3));
    return languages;
}

QString Translations::install(QCoreApplication &app, const QLocale &locale)
{
    // Qt's own strings (standard buttons, shortcuts), when the distribution ships them.
    auto *qt = new QTranslator(&app);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(&app);
    // Tries every UI language in order (de_AT, de, ...); English only carries plural forms but
    // is needed for "1 item" / "2 items" when no other language matched.
    if (!own->load(locale, QStringLiteral("countersign"), QStringLiteral("_"), resourceDirectory())
        && !own->load(QStringLiteral("countersign_en"), resourceDirectory())) {
        qCWarning(lcSettings) << "No Countersign translation found in" << resourceDirectory();
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);
    const QString language = own->language().section(u'_', 0, 0);
    qCDebug(lcSettings) << "Loaded the translation" << own->filePath() << "for" << locale.uiLanguages();
    return language.isEmpty() ? QStringLiteral("en") : language;
}

} // namespace Countersign
