#include "i18n/rolenames.h"
#include "i18n/translations.h"
#include "settings/aboutdialog.h"
#include "settings/tokenstore.h"

#include "countersignversion.h"

#include <ksyntaxhighlighting_version.h>

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

using namespace Countersign;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsVersions();
    void serverVersion();
    void serverAndIdentity();
    void roleNamesInGerman();
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

void TestAboutDialog::serverAndIdentity()
{
    AboutDialog dialog;
    QCOMPARE(text(dialog, "serverUrlValue"), QStringLiteral("not connected"));
    dialog.setServer(QUrl(QStringLiteral("https://review.example.com:8470")),
        UserIdentity{QStringLiteral("alice"), QStringLiteral("lead")});
    QCOMPARE(text(dialog, "serverUrlValue"), QStringLiteral("https://review.example.com:8470"));
    QCOMPARE(text(dialog, "serverVersionValue"), QStringLiteral("asking the server…"));
    QCOMPARE(text(dialog, "identityValue"), QStringLiteral("alice (lead reviewer)"));
    dialog.setServerVersion(QStringLiteral("1.4.2"));
    QCOMPARE(text(dialog, "serverVersionValue"), QStringLiteral("1.4.2"));
    dialog.setServerVersionUnknown(QStringLiteral("The server does not report its version."));
    QCOMPARE(text(dialog, "serverVersionValue"), QStringLiteral("unknown (The server does not report its version.)"));
    dialog.setServer({});
    QCOMPARE(text(dialog, "serverUrlValue"), QStringLiteral("not connected"));
    QCOMPARE(text(dialog, "serverVersionValue"), QStringLiteral("not connected"));
    QCOMPARE(text(dialog, "identityValue"), QStringLiteral("not signed in"));
}

void TestAboutDialog::roleNamesInGerman()
{
    QCOMPARE(RoleNames::displayName(QStringLiteral("reviewer")), QStringLiteral("reviewer"));
    QCOMPARE(RoleNames::displayName(QStringLiteral("lead")), QStringLiteral("lead reviewer"));
    QCOMPARE(RoleNames::displayName(QStringLiteral("auditor")), QStringLiteral("auditor")); // unknown: as sent
    QTranslator german;
    QVERIFY(german.load(QStringLiteral("countersign_de"), Translations::resourceDirectory()));
    QCoreApplication::installTranslator(&german);
    const QStringList names{RoleNames::displayName(QStringLiteral("agent")),
        RoleNames::displayName(QStringLiteral("reviewer")), RoleNames::displayName(QStringLiteral("lead")),
        RoleNames::displayName(QStringLiteral("admin"))};
    AboutDialog dialog;
    dialog.setServer(
        QUrl(QStringLiteral("http://127.0.0.1:8470")), UserIdentity{QStringLiteral("alice"), QStringLiteral("admin")});
    const QString identity = text(dialog, "identityValue");
    QCoreApplication::removeTranslator(&german);
    QCOMPARE(names,
        QStringList({QStringLiteral("Agent"), QStringLiteral("Prüfer"), QStringLiteral("leitender Prüfer"),
            QStringLiteral("Administrator")}));
    QCOMPARE(identity, QStringLiteral("alice (Administrator)"));
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
