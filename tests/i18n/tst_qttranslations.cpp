#include "i18n/translations.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTranslator>

using namespace Countersign;

// Qt's own texts (standard buttons, message and file dialogs) follow the app's language: from
// the distribution's catalogue (Debian: qt6-translations-l10n), or from the translations/ folder
// a relocatable package (tarball, Windows) ships beside the executable, which comes first.
class TestQtTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void bundledFolderComesFirst();
    void germanStandardButtons();
    void bundledCatalogueIsUsed();
    void englishNeedsNoQtCatalogue();

private:
    static QString cancelText()
    {
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        return buttons.button(QDialogButtonBox::Cancel)->text();
    }
};

void TestQtTranslations::cleanup()
{
    QCoreApplication *app = QCoreApplication::instance();
    for (QTranslator *t : app->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

void TestQtTranslations::bundledFolderComesFirst()
{
    const QStringList directories = Translations::qtDirectories();
    const QString beside = QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/translations"));
    QVERIFY2(!directories.isEmpty(), "no folders to look for Qt's translations in");
    QCOMPARE(directories.first(), beside);
    QVERIFY(directories.contains(QDir::cleanPath(QLibraryInfo::path(QLibraryInfo::TranslationsPath))));
}

void TestQtTranslations::germanStandardButtons()
{
    // Only the distribution's folder: the build root has qt6-translations-l10n.
    const QStringList system{QLibraryInfo::path(QLibraryInfo::TranslationsPath)};
    QVERIFY2(!Translations::qtCatalogue(QLocale(QLocale::German), system).isEmpty(),
        qPrintable(
            QStringLiteral("No German catalogue of Qt in %1: install qt6-translations-l10n").arg(system.first())));
    QCOMPARE(cancelText(), QStringLiteral("Cancel"));
    QCOMPARE(Translations::install(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany), system),
        QStringLiteral("de"));
    QCOMPARE(cancelText(), QStringLiteral("Abbrechen"));

    QMessageBox box(
        QMessageBox::Question, QStringLiteral("t"), QStringLiteral("q"), QMessageBox::Yes | QMessageBox::No);
    QCOMPARE(box.button(QMessageBox::Yes)->text().remove(u'&'), QStringLiteral("Ja"));
    QCOMPARE(box.button(QMessageBox::No)->text().remove(u'&'), QStringLiteral("Nein"));
    // For a look at it: $COUNTERSIGN_SCREENSHOT_DIR/german-message-box.png.
    if (const QString dir = qEnvironmentVariable("COUNTERSIGN_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QMessageBox shown(QMessageBox::Warning, QStringLiteral("Countersign"),
            QStringLiteral("Die Entscheidung wurde nicht angenommen."),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        shown.setDetailedText(QStringLiteral("409"));
        shown.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shown));
        QVERIFY(shown.grab().save(QDir(dir).filePath(QStringLiteral("german-message-box.png"))));
    }
}

void TestQtTranslations::bundledCatalogueIsUsed()
{
    // tests/i18n/data/qt_de.ts, built into translations/qt_de.qm beside this test: named as Qt's
    // deployment names the catalogue it merges, with a marker text.
    QCOMPARE(Translations::install(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Austria)),
        QStringLiteral("de"));
    QCOMPARE(cancelText(), QStringLiteral("Abbrechen (mitgeliefert)"));
}

void TestQtTranslations::englishNeedsNoQtCatalogue()
{
    QCOMPARE(Translations::install(*QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates)),
        QStringLiteral("en"));
    QCOMPARE(cancelText(), QStringLiteral("Cancel"));
}

QTEST_MAIN(TestQtTranslations)
#include "tst_qttranslations.moc"
