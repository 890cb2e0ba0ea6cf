#include "settings/aboutdialog.h"
#include "settings/tokenstore.h"

#include "countersignversion.h"

#include <ksyntaxhighlighting_version.h>

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

using namespace Countersign;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsVersions();
    void serverVersion();
    void keychain();

private:
    static QString text(const AboutDialog &dialog, const char *name)
    {
        auto *label = dialog.findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
    }
};

void TestAboutDialog::showsVersions()
{
    AboutDialog dialog;
    QCOMPARE(text(dialog, "versionValue"), QStringLiteral(COUNTERSIGN_VERSION));
    QVERIFY(text(dialog, "titleLabel").contains(QStringLiteral(COUNTERSIGN_VERSION)));
    QVERIFY(text(dialog, "qtVersionValue").startsWith(QString::fromLatin1(qVersion())));
    QVERIFY(text(dialog, "qtVersionValue").contains(QStringLiteral(QT_VERSION_STR)));
    QCOMPARE(text(dialog, "syntaxHighlightingVersionValue"), QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING));
    QVERIFY(text(dialog, "licenseLabel").contains(QLatin1String("License")));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("logoLabel"))->pixmap().isNull());
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("aboutQtButton")));
}

void TestAboutDialog::serverVersion()
{
    AboutDialog dialog;
    QCOMPARE(text(dialog, "serverVersionValue"), QStringLiteral("not connected"));
    dialog.setServerVersion(QStringLiteral("0.1.0"));
    QCOMPARE(text(dialog, "serverVersionValue"), QStringLiteral("0.1.0"));
    dialog.setServerVersion({});
    QCOMPARE(text(dialog, "serverVersionValue"), QStringLiteral("not connected"));
}

void TestAboutDialog::keychain()
{
    AboutDialog dialog;
    if (!TokenStore::keychainCompiledIn()) {
        QVERIFY(text(dialog, "keychainValue").contains(QLatin1String("not available in this build")));
        return;
    }
    QVERIFY(text(dialog, "keychainValue").contains(QLatin1String("no keychain service")));
    dialog.setKeychainInUse(true);
    QVERIFY(text(dialog, "keychainValue").contains(QLatin1String("system keychain")));
#ifdef COUNTERSIGN_HAVE_KEYCHAIN
    QVERIFY(text(dialog, "keychainValue").contains(QRegularExpression(QStringLiteral("^\\d+\\.\\d+"))));
#endif
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
