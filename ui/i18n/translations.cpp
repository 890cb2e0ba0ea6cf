#include "i18n/translations.h"

#include "settings/settingslogging.h"

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

QStringList Translations::qtDirectories()
{
    QStringList directories;
    auto add = [&directories](const QString &path) {
        const QString clean = QDir::cleanPath(path);
        if (!path.isEmpty() && !directories.contains(clean))
            directories.append(clean);
    };
    // Before QCoreApplication exists there is no application folder to look in.
    if (QCoreApplication::instance()) {
        const QString appDir = QCoreApplication::applicationDirPath();
        add(appDir + QStringLiteral("/translations"));
        add(appDir + QStringLiteral("/../translations"));
    }
    add(QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return directories;
}

QString Translations::qtCatalogue(const QLocale &locale, const QStringList &directories)
{
    // qtbase_<lang> as distributions ship it; qt_<lang> as Qt's deployment merges it (and as a
    // distribution's meta catalogue that loads qtbase_<lang> beside it).
    for (const QString &directory : directories) {
        for (const QString &catalogue : {QStringLiteral("qtbase"), QStringLiteral("qt")}) {
            QTranslator probe;
            if (probe.load(locale, catalogue, QStringLiteral("_"), directory))
                return probe.filePath();
        }
    }
    return {};
}

QString Translations::install(QCoreApplication &app, const QLocale &locale, const QStringList &qtFolders)
{
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
    QString language = own->language().section(u'_', 0, 0).section(u'-', 0, 0);
    if (language.isEmpty())
        language = QStringLiteral("en");
    qCDebug(lcSettings) << "Loaded the translation" << own->filePath() << "for" << locale.uiLanguages();

    // Qt's own texts (standard buttons, file and message dialogs) in the same language, so a
    // window never mixes two; English is what Qt's sources say already.
    if (language != QLatin1String("en")) {
        const QString qtFile = qtCatalogue(QLocale(language), qtFolders);
        auto *qt = new QTranslator(&app);
        if (!qtFile.isEmpty() && qt->load(qtFile)) {
            QCoreApplication::installTranslator(qt);
            qCDebug(lcSettings) << "Loaded Qt's translation" << qtFile;
        } else {
            qCInfo(lcSettings) << "No translation of Qt's own texts for" << language << "in" << qtFolders;
            delete qt;
        }
    }
    return language;
}

} // namespace Countersign
