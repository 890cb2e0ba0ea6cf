#include "isolatedsettings.h"
#include "settings/appsettings.h"
#include "settings/profilestore.h"
#include "settings/tokenstore.h"
#include "testresult.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#ifdef COUNTERSIGN_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

using namespace Countersign;

// Profiles, tokens and preferences, persisted with QSettings in Qt's test location
// (~/.qttest/config), never the user's real configuration.
class TestProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void addRenameRemove();
    void rejectsBadInput();
    void persistsAcrossInstances();
    void skipsInvalidEntries();
    void lastUsed();
    void tokenNeverInSettingsFile();
    void renameMovesToken();
    void removeDeletesToken();
    void tokenWrittenDuringRenameWins();
    void sessionTokensAreForgottenOnRestart();
    void automaticModeWithoutKeychain();

    void appSettingsDefaults();
    void appSettingsSignalsOncePerChange();
    void appSettingsClampsAndPersists();

private:
    static QString configDirectory();
    static QStringList filesContaining(const QByteArray &needle);
};

QString TestProfileStore::configDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
}

// Every file in the test configuration tree that contains `needle`.
QStringList TestProfileStore::filesContaining(const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(configDirectory(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits.append(f.fileName());
    }
    return hits;
}

void TestProfileStore::initTestCase()
{
    Test::isolateSettings(QStringLiteral("tst_profilestore"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String(".qttest")), qPrintable(QSettings().fileName()));
}

void TestProfileStore::cleanupTestCase()
{
    Test::removeIsolatedSettings();
}

void TestProfileStore::init()
{
    QSettings settings;
    settings.clear();
    settings.sync();
}

void TestProfileStore::addRenameRemove()
{
    ProfileStore store;
    QSignalSpy changed(&store, &ProfileStore::profilesChanged);
    QVERIFY(store.isEmpty());

    QVERIFY(store.add({QStringLiteral("Production"), QUrl(QStringLiteral("https://countersign.example.com/"))}));
    QVERIFY(store.add({QStringLiteral(" Staging "), QUrl(QStringLiteral("http://127.0.0.1:8470"))}));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(store.profiles().size(), 2);
    // Names are trimmed, URLs normalised.
    QCOMPARE(store.profiles().at(1).name, QStringLiteral("Staging"));
    QCOMPARE(store.profile(QStringLiteral("production"))->url, QUrl(QStringLiteral("https://countersign.example.com")));

    QVERIFY(store.rename(QStringLiteral("Staging"), QStringLiteral("Test lab")));
    QVERIFY(!store.contains(QStringLiteral("Staging")));
    QCOMPARE(store.profile(QStringLiteral("Test lab"))->url, QUrl(QStringLiteral("http://127.0.0.1:8470")));
    // Changing only the case of a name is a rename, not a clash with itself.
    QVERIFY(store.rename(QStringLiteral("Test lab"), QStringLiteral("Test Lab")));
    QCOMPARE(store.profiles().at(1).name, QStringLiteral("Test Lab"));

    QVERIFY(store.setUrl(QStringLiteral("Test Lab"), QUrl(QStringLiteral("https://lab.example.com"))));
    QCOMPARE(store.profile(QStringLiteral("Test Lab"))->url, QUrl(QStringLiteral("https://lab.example.com")));

    QVERIFY(store.remove(QStringLiteral("Production")));
    QCOMPARE(store.profiles().size(), 1);
    QCOMPARE(store.profiles().constFirst().name, QStringLiteral("Test Lab"));
    QCOMPARE(store.unusedName(QStringLiteral("Test Lab")), QStringLiteral("Test Lab 2"));
    QCOMPARE(store.unusedName(QStringLiteral("Server")), QStringLiteral("Server"));
}

void TestProfileStore::rejectsBadInput()
{
    ProfileStore store;
    QVERIFY(store.add({QStringLiteral("Production"), QUrl(QStringLiteral("https://a.example.com"))}));
    QVERIFY(store.add({QStringLiteral("Other"), QUrl(QStringLiteral("https://b.example.com"))}));

    auto r = store.add({QStringLiteral("PRODUCTION"), QUrl(QStringLiteral("https://c.example.com"))});
    QVERIFY(!r);
    QCOMPARE(r.error().field, QStringLiteral("name"));
    CS_VERIFY_ERROR_MESSAGE(r, QLatin1String("already exists"));

    r = store.add({QStringLiteral("   "), QUrl(QStringLiteral("https://c.example.com"))});
    QVERIFY(!r);
    QCOMPARE(r.error().field, QStringLiteral("name"));

    r = store.add({QString(ProfileStore::MaxNameLength + 1, u'x'), QUrl(QStringLiteral("https://c.example.com"))});
    QVERIFY(!r);
    QCOMPARE(r.error().field, QStringLiteral("name"));

    r = store.add({QStringLiteral("Tab\there"), QUrl(QStringLiteral("https://c.example.com"))});
    QVERIFY(!r);

    r = store.add({QStringLiteral("FTP"), QUrl(QStringLiteral("ftp://c.example.com"))});
    QVERIFY(!r);
    QCOMPARE(r.error().field, QStringLiteral("url"));

    r = store.rename(QStringLiteral("Other"), QStringLiteral("production"));
    QVERIFY(!r);
    QCOMPARE(r.error().field, QStringLiteral("name"));
    r = store.rename(QStringLiteral("Missing"), QStringLiteral("New"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    QCOMPARE(store.remove(QStringLiteral("Missing")).error().code, ErrorCode::NotFound);
    QCOMPARE(store.profiles().size(), 2);
}

void TestProfileStore::persistsAcrossInstances()
{
    {
        ProfileStore store;
        QVERIFY(store.add({QStringLiteral("Zulu"), QUrl(QStringLiteral("https://z.example.com"))}));
        QVERIFY(store.add({QStringLiteral("Alpha"), QUrl(QStringLiteral("https://a.example.com:8443/cs"))}));
        QVERIFY(store.add({QStringLiteral("Mike “quoted” / slash"), QUrl(QStringLiteral("http://localhost:8470"))}));
        QVERIFY(store.remove(QStringLiteral("Zulu")));
    }
    ProfileStore reloaded;
    const QList<ConnectionProfile> expected{
        {QStringLiteral("Alpha"), QUrl(QStringLiteral("https://a.example.com:8443/cs"))},
        {QStringLiteral("Mike “quoted” / slash"), QUrl(QStringLiteral("http://localhost:8470"))},
    };
    QCOMPARE(reloaded.profiles(), expected);
}

void TestProfileStore::skipsInvalidEntries()
{
    {
        QSettings settings;
        settings.beginWriteArray(QStringLiteral("profiles"), 4);
        settings.setArrayIndex(0);
        settings.setValue(QStringLiteral("name"), QStringLiteral("Good"));
        settings.setValue(QStringLiteral("url"), QStringLiteral("https://good.example.com"));
        settings.setArrayIndex(1);
        settings.setValue(QStringLiteral("name"), QStringLiteral("Bad URL"));
        settings.setValue(QStringLiteral("url"), QStringLiteral("gopher://old.example.com"));
        settings.setArrayIndex(2);
        settings.setValue(QStringLiteral("name"), QString());
        settings.setValue(QStringLiteral("url"), QStringLiteral("https://noname.example.com"));
        settings.setArrayIndex(3);
        settings.setValue(QStringLiteral("name"), QStringLiteral("good"));
        settings.setValue(QStringLiteral("url"), QStringLiteral("https://duplicate.example.com"));
        settings.endArray();
    }
    for (int i = 0; i < 3; ++i)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Ignoring an invalid profile entry")));
    ProfileStore store;
    QCOMPARE(store.profiles().size(), 1);
    QCOMPARE(store.profiles().constFirst().name, QStringLiteral("Good"));
}

void TestProfileStore::lastUsed()
{
    ProfileStore store;
    QVERIFY(store.lastUsed().isEmpty());
    QVERIFY(store.add({QStringLiteral("One"), QUrl(QStringLiteral("https://1.example.com"))}));
    QVERIFY(store.add({QStringLiteral("Two"), QUrl(QStringLiteral("https://2.example.com"))}));
    QCOMPARE(store.lastUsed(), QStringLiteral("One")); // nothing chosen yet: the first
    store.setLastUsed(QStringLiteral("two"));
    QCOMPARE(store.lastUsed(), QStringLiteral("Two"));
    QVERIFY(store.rename(QStringLiteral("Two"), QStringLiteral("Deux")));
    QCOMPARE(ProfileStore().lastUsed(), QStringLiteral("Deux"));
    QVERIFY(store.remove(QStringLiteral("Deux")));
    QCOMPARE(ProfileStore().lastUsed(), QStringLiteral("One"));
}

void TestProfileStore::tokenNeverInSettingsFile()
{
    TokenStore tokens(TokenStore::Mode::SessionOnly);
    QCOMPARE(tokens.availability(), TokenStore::Availability::Unavailable);
    QVERIFY(!tokens.isPersistent());
    QVERIFY(!tokens.unavailableReason().isEmpty());

    ProfileStore store(&tokens);
    AppSettings settings;
    const QString token = QStringLiteral("cs_") + QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY(store.add({QStringLiteral("Production"), QUrl(QStringLiteral("https://countersign.example.com"))}));
    QVERIFY(Test::awaitFinished(tokens.write(QStringLiteral("Production"), token)));
    store.setLastUsed(QStringLiteral("Production"));
    settings.setUndoWindowSeconds(3);
    settings.sync();

    QCOMPARE(Test::awaitFinished(tokens.read(QStringLiteral("Production"))).value(), token);
    QFile file(store.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("countersign.example.com")); // the file is the right one
    QVERIFY(!contents.contains(token.toUtf8()));
    QVERIFY2(filesContaining(token.toUtf8()).isEmpty(), qPrintable(filesContaining(token.toUtf8()).join(u' ')));
}

void TestProfileStore::renameMovesToken()
{
    TokenStore tokens(TokenStore::Mode::SessionOnly);
    ProfileStore store(&tokens);
    QVERIFY(store.add({QStringLiteral("Old"), QUrl(QStringLiteral("https://x.example.com"))}));
    QVERIFY(Test::awaitFinished(tokens.write(QStringLiteral("Old"), QStringLiteral("t0ken"))));
    QVERIFY(store.rename(QStringLiteral("Old"), QStringLiteral("New")));
    QTRY_COMPARE(Test::awaitFinished(tokens.read(QStringLiteral("New"))).value(), QStringLiteral("t0ken"));
    QCOMPARE(Test::awaitFinished(tokens.read(QStringLiteral("Old"))).value(), QString());
}

void TestProfileStore::removeDeletesToken()
{
    TokenStore tokens(TokenStore::Mode::SessionOnly);
    ProfileStore store(&tokens);
    QVERIFY(store.add({QStringLiteral("Gone"), QUrl(QStringLiteral("https://x.example.com"))}));
    QVERIFY(Test::awaitFinished(tokens.write(QStringLiteral("Gone"), QStringLiteral("t0ken"))));
    QVERIFY(store.remove(QStringLiteral("Gone")));
    QCOMPARE(Test::awaitFinished(tokens.read(QStringLiteral("Gone"))).value(), QString());
}

void TestProfileStore::tokenWrittenDuringRenameWins()
{
    // The connect dialog renames a profile and saves the token typed with it at once: the move
    // of the old token, which finishes later, must not overwrite the new one.
    TokenStore tokens(TokenStore::Mode::SessionOnly);
    ProfileStore store(&tokens);
    QVERIFY(store.add({QStringLiteral("Old"), QUrl(QStringLiteral("https://x.example.com"))}));
    QVERIFY(Test::awaitFinished(tokens.write(QStringLiteral("Old"), QStringLiteral("old-token"))));
    QVERIFY(store.rename(QStringLiteral("Old"), QStringLiteral("New")));
    auto written = tokens.write(QStringLiteral("New"), QStringLiteral("new-token"));
    QVERIFY(Test::awaitFinished(written));
    QTRY_COMPARE(Test::awaitFinished(tokens.read(QStringLiteral("Old"))).value(), QString());
    QTest::qWait(50); // let any late continuation run
    QCOMPARE(Test::awaitFinished(tokens.read(QStringLiteral("New"))).value(), QStringLiteral("new-token"));
}

void TestProfileStore::sessionTokensAreForgottenOnRestart()
{
    {
        TokenStore tokens(TokenStore::Mode::SessionOnly);
        QVERIFY(Test::awaitFinished(tokens.write(QStringLiteral("P"), QStringLiteral("secret"))));
        QCOMPARE(Test::awaitFinished(tokens.read(QStringLiteral("P"))).value(), QStringLiteral("secret"));
    }
    // A new process (a new store) has nothing: the app must ask again.
    TokenStore tokens(TokenStore::Mode::SessionOnly);
    QCOMPARE(Test::awaitFinished(tokens.read(QStringLiteral("P"))).value(), QString());
    QCOMPARE(TokenStore::keyFor(QStringLiteral("P")), QStringLiteral("countersign/P"));
}

void TestProfileStore::automaticModeWithoutKeychain()
{
#ifdef COUNTERSIGN_HAVE_KEYCHAIN
    if (QKeychain::isAvailable())
        QSKIP("A keychain service runs here; this test must not write into a real keychain.");
#endif
    TokenStore tokens;
    QCOMPARE(Test::awaitFinished(tokens.probe()), TokenStore::Availability::Unavailable);
    QVERIFY(!tokens.unavailableReason().isEmpty());
    const QString token = QStringLiteral("auto-") + QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY(Test::awaitFinished(tokens.write(QStringLiteral("Auto"), token)));
    QCOMPARE(Test::awaitFinished(tokens.read(QStringLiteral("Auto"))).value(), token);
    QVERIFY(filesContaining(token.toUtf8()).isEmpty());
}

void TestProfileStore::appSettingsDefaults()
{
    AppSettings settings;
    const AppSettings::Values v = settings.values();
    QCOMPARE(v, AppSettings::defaults());
    QCOMPARE(v.theme, AppSettings::Theme::System);
    QVERIFY(v.syntaxTheme.isEmpty());
    QCOMPARE(v.undoWindowSeconds, 5);
    QVERIFY(v.confirmBatchApprove);
    QVERIFY(v.notifyNewItems && v.notifySlaBreaches && v.notifyEscalations);
    QVERIFY(v.notificationCategories.isEmpty());
    QVERIFY(!v.diffFont.family().isEmpty());
    QVERIFY(v.diffFont.pointSize() > 0);
}

void TestProfileStore::appSettingsSignalsOncePerChange()
{
    AppSettings settings;
    QSignalSpy changed(&settings, &AppSettings::changed);
    AppSettings::Values v = settings.values();
    settings.setValues(v);
    QCOMPARE(changed.size(), 0); // nothing differs, nothing to tell

    v.theme = AppSettings::Theme::Dark;
    v.undoWindowSeconds = 2;
    v.notificationCategories = {QStringLiteral("email"), QStringLiteral("refunds")};
    settings.setValues(v);
    QCOMPARE(changed.size(), 1); // several values, one signal

    settings.setTheme(AppSettings::Theme::Dark);
    QCOMPARE(changed.size(), 1);
    settings.setConfirmBatchApprove(false);
    QCOMPARE(changed.size(), 2);
    settings.resetToDefaults();
    QCOMPARE(changed.size(), 3);
    QCOMPARE(settings.values(), AppSettings::defaults());
}

void TestProfileStore::appSettingsClampsAndPersists()
{
    {
        AppSettings settings;
        settings.setUndoWindowSeconds(42);
        QCOMPARE(settings.undoWindowSeconds(), 10);
        settings.setUndoWindowSeconds(-3);
        QCOMPARE(settings.undoWindowSeconds(), 0);
        settings.setNotificationCategories(
            {QStringLiteral(" refunds "), QStringLiteral("email"), QStringLiteral(""), QStringLiteral("email")});
        QCOMPARE(settings.notificationCategories(), QStringList({QStringLiteral("email"), QStringLiteral("refunds")}));
        QFont font(QStringLiteral("DejaVu Sans Mono"));
        font.setPointSize(13);
        settings.setDiffFont(font);
        settings.setSyntaxTheme(QStringLiteral("Solarized Dark"));
        settings.setTheme(AppSettings::Theme::Light);
        settings.setNotifyEscalations(false);
    }
    AppSettings reloaded;
    QCOMPARE(reloaded.undoWindowSeconds(), 0);
    QCOMPARE(reloaded.notificationCategories(), QStringList({QStringLiteral("email"), QStringLiteral("refunds")}));
    QCOMPARE(reloaded.diffFont().family(), QStringLiteral("DejaVu Sans Mono"));
    QCOMPARE(reloaded.diffFont().pointSize(), 13);
    QCOMPARE(reloaded.syntaxTheme(), QStringLiteral("Solarized Dark"));
    QCOMPARE(reloaded.theme(), AppSettings::Theme::Light);
    QVERIFY(!reloaded.notifyEscalations());

    // A hand-edited file with nonsense falls back to defaults instead of failing.
    QSettings raw;
    raw.setValue(QStringLiteral("review/undoWindowSeconds"), QStringLiteral("soon"));
    raw.setValue(QStringLiteral("appearance/theme"), QStringLiteral("purple"));
    raw.sync();
    QCOMPARE(reloaded.undoWindowSeconds(), AppSettings::DefaultUndoWindowSeconds);
    QCOMPARE(reloaded.theme(), AppSettings::Theme::System);
}

QTEST_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
