#include "i18n/translations.h"
#include "settings/aboutdialog.h"
#include "settings/appsettings.h"
#include "settings/connectdialog.h"
#include "settings/profilestore.h"
#include "settings/settingsdialog.h"
#include "settings/tokenstore.h"
#include "tsfile.h"

#include "isolatedsettings.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Countersign;
using Countersign::Test::TsMessage;

// Fails, listing the messages, when the German translation is not complete and current:
// unfinished, empty, vanished or obsolete messages; placeholders (%1, %n) or accelerators (&)
// lost in translation; tr() strings in the sources that the .ts file lacks (someone added a
// string and did not run scripts/update-translations.sh and translate it); a .qm that does not
// match its .ts; dialog texts that stay English at run time.
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void germanMessagesAreFinished();
    void germanKeepsPlaceholdersAndAccelerators();
    void germanCoversEveryStringInTheSources();
    void lupdateUnderstandsEveryTrCall();
    void englishPluralsAreComplete();
    void embeddedQmMatchesTheTs();
    void installPicksTheLanguage();
    void dialogsComeOutInGerman();

private:
    static QString tsPath(const QString &language);
    static QList<TsMessage> read(const QString &path);
    // Runs lupdate over the current sources into a copy of `language`'s .ts and returns it.
    QList<TsMessage> lupdateCopy(const QString &language, const QStringList &extraOptions = {});
    static QString failureList(const QString &title, const QStringList &problems);

    QTemporaryDir m_scratch;
    QList<TsMessage> m_german;
    QString m_lupdateOutput; // of the last lupdateCopy()
};

QString TestTranslations::tsPath(const QString &language)
{
    return QStringLiteral(COUNTERSIGN_TS_DIR "/countersign_%1.ts").arg(language);
}

QList<TsMessage> TestTranslations::read(const QString &path)
{
    QString error;
    const QList<TsMessage> messages = Test::readTsFile(path, &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return messages;
}

QString TestTranslations::failureList(const QString &title, const QStringList &problems)
{
    return QStringLiteral("%1 (%2):\n  ").arg(title).arg(problems.size()) + problems.join(QStringLiteral("\n  "))
        + QStringLiteral("\nRun scripts/update-translations.sh, then translate in translations/*.ts.");
}

QList<TsMessage> TestTranslations::lupdateCopy(const QString &language, const QStringList &extraOptions)
{
    const QString copy = m_scratch.filePath(QStringLiteral("countersign_%1.ts").arg(language));
    QFile::remove(copy);
    if (!QFile::copy(tsPath(language), copy))
        return {};
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
        QStringLiteral("-project"), QStringLiteral(COUNTERSIGN_LUPDATE_PROJECT)};
    args += extraOptions;
    args += {QStringLiteral("-ts"), copy};
    lupdate.start(QStringLiteral(COUNTERSIGN_LUPDATE), args);
    const bool finished = lupdate.waitForFinished(45000);
    m_lupdateOutput = QString::fromLocal8Bit(lupdate.readAll());
    if (!finished || lupdate.exitStatus() != QProcess::NormalExit || lupdate.exitCode() != 0) {
        qWarning("lupdate failed: %s", qPrintable(m_lupdateOutput));
        return {};
    }
    return read(copy);
}

void TestTranslations::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    Test::isolateSettings(QStringLiteral("tst_translations"));
    m_german = read(tsPath(QStringLiteral("de")));
    QVERIFY2(m_german.size() > 50, "translations/countersign_de.ts is missing or nearly empty");
}

void TestTranslations::cleanupTestCase()
{
    Test::removeIsolatedSettings();
}

void TestTranslations::germanMessagesAreFinished()
{
    QStringList problems;
    for (const TsMessage &m : std::as_const(m_german)) {
        if (m.type == QLatin1String("unfinished"))
            problems.append(QStringLiteral("unfinished: ") + m.describe());
        else if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            problems.append(QStringLiteral("no longer in the sources: ") + m.describe());
        else if (m.translations.isEmpty()
            || std::any_of(m.translations.cbegin(), m.translations.cend(), [](const QString &t) {
                   return t.trimmed().isEmpty();
               }))
            problems.append(QStringLiteral("empty: ") + m.describe());
        else if (m.numerus && m.translations.size() != 2)
            problems.append(QStringLiteral("German needs 2 plural forms: ") + m.describe());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(failureList(QStringLiteral("Unfinished German messages"), problems)));
}

void TestTranslations::germanKeepsPlaceholdersAndAccelerators()
{
    static const QRegularExpression placeholder(QStringLiteral("%(\\d+|n)"));
    // An accelerator is "&" before a letter; "&&" is a literal ampersand.
    static const QRegularExpression accelerator(QStringLiteral("(?<!&)&(?=[^&\\s])"));
    auto placeholders = [](const QString &text) {
        QSet<QString> found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            found.insert(it.next().captured());
        return found;
    };
    QStringList problems;
    for (const TsMessage &m : std::as_const(m_german)) {
        QSet<QString> expected = placeholders(m.source);
        const bool hasAccelerator = m.source.contains(accelerator);
        for (const QString &t : m.translations) {
            QSet<QString> got = placeholders(t);
            // German singular forms may spell the number out ("ein Eintrag"), so %n is optional
            // in the first of two plural forms.
            if (m.numerus && &t == &m.translations.constFirst()) {
                got.insert(QStringLiteral("%n"));
                expected.insert(QStringLiteral("%n"));
            }
            if (got != expected)
                problems.append(QStringLiteral("placeholders differ in “%1”: ").arg(t) + m.describe());
            if (t.contains(accelerator) != hasAccelerator)
                problems.append(QStringLiteral("accelerator (&) %1 in “%2”: ")
                                    .arg(hasAccelerator ? QStringLiteral("missing") : QStringLiteral("added"), t)
                    + m.describe());
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(failureList(QStringLiteral("Broken German messages"), problems)));
}

void TestTranslations::germanCoversEveryStringInTheSources()
{
    const QList<TsMessage> updated = lupdateCopy(QStringLiteral("de"));
    QVERIFY2(!updated.isEmpty(), "lupdate did not produce a .ts file");
    QSet<QString> committed;
    for (const TsMessage &m : std::as_const(m_german))
        committed.insert(m.key());
    QStringList problems;
    for (const TsMessage &m : updated) {
        if (!committed.contains(m.key()))
            problems.append(QStringLiteral("new in the sources, not in the .ts: ") + m.describe());
        else if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            problems.append(QStringLiteral("no longer in the sources: ") + m.describe());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(failureList(QStringLiteral("The .ts file is out of date"), problems)));
}

void TestTranslations::lupdateUnderstandsEveryTrCall()
{
    // lupdate names the file and line of tr() calls it cannot give a context to ("Class
    // 'Countersign' lacks Q_OBJECT macro", "Cannot invoke tr() like this"): those strings land
    // in the .ts under a context the running code never asks for, so they stay English.
    QVERIFY(!lupdateCopy(QStringLiteral("de")).isEmpty());
    static const QRegularExpression sourceDiagnostic(
        QStringLiteral("^\\S+:\\d+: .*$"), QRegularExpression::MultilineOption);
    QStringList problems;
    for (auto it = sourceDiagnostic.globalMatch(m_lupdateOutput); it.hasNext();)
        problems.append(it.next().captured().trimmed());
    QVERIFY2(problems.isEmpty(),
        qPrintable(failureList(QStringLiteral("tr() calls lupdate cannot attribute"), problems)
            + QStringLiteral("\nUse tr() of a Q_OBJECT class, Q_DECLARE_TR_FUNCTIONS, or "
                             "QCoreApplication::translate(\"Context\", ...).")));
}

void TestTranslations::englishPluralsAreComplete()
{
    const QList<TsMessage> committed = read(tsPath(QStringLiteral("en")));
    QSet<QString> keys;
    QStringList problems;
    for (const TsMessage &m : committed) {
        keys.insert(m.key());
        if (!m.numerus)
            continue;
        if (m.type == QLatin1String("unfinished") || m.translations.size() != 2
            || std::any_of(m.translations.cbegin(), m.translations.cend(), [](const QString &t) {
                   return t.trimmed().isEmpty();
               }))
            problems.append(QStringLiteral("English plural forms missing: ") + m.describe());
        else if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            problems.append(QStringLiteral("no longer in the sources: ") + m.describe());
        else if (!m.translations.at(1).contains(QLatin1String("%n")))
            problems.append(QStringLiteral("the plural form lacks %n: ") + m.describe());
    }
    const QList<TsMessage> updated = lupdateCopy(QStringLiteral("en"), {QStringLiteral("-pluralonly")});
    for (const TsMessage &m : updated) {
        if (m.numerus && !keys.contains(m.key()))
            problems.append(QStringLiteral("new plural string, not in countersign_en.ts: ") + m.describe());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(failureList(QStringLiteral("English plurals"), problems)));
}

void TestTranslations::embeddedQmMatchesTheTs()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral("countersign_de"), Translations::resourceDirectory()));
    QStringList problems;
    for (const TsMessage &m : std::as_const(m_german)) {
        const QByteArray context = m.context.toUtf8(), source = m.source.toUtf8(), comment = m.comment.toUtf8();
        const char *disambiguation = m.comment.isEmpty() ? nullptr : comment.constData();
        if (m.numerus) {
            const QString one = german.translate(context.constData(), source.constData(), disambiguation, 1);
            const QString many = german.translate(context.constData(), source.constData(), disambiguation, 5);
            if (one != m.translations.value(0) || many != m.translations.value(1))
                problems.append(QStringLiteral("plural forms differ: ") + m.describe());
        } else if (german.translate(context.constData(), source.constData(), disambiguation)
            != m.translations.value(0)) {
            problems.append(QStringLiteral("differs: ") + m.describe());
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(failureList(QStringLiteral("The embedded .qm is stale"), problems)));

    QTranslator english;
    QVERIFY(english.load(QStringLiteral("countersign_en"), Translations::resourceDirectory()));
    QCOMPARE(Translations::available(), QStringList({QStringLiteral("de"), QStringLiteral("en")}));
}

void TestTranslations::installPicksTheLanguage()
{
    {
        QCoreApplication *app = QCoreApplication::instance();
        const QList<QTranslator *> before = app->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
        QCOMPARE(Translations::install(*app, QLocale(QLocale::German, QLocale::Austria)), QStringLiteral("de"));
        for (QTranslator *t : app->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly)) {
            if (!before.contains(t)) {
                QCoreApplication::removeTranslator(t);
                delete t;
            }
        }
    }
    QCoreApplication *app = QCoreApplication::instance();
    // A language we do not ship falls back to English (for its plural forms).
    QCOMPARE(Translations::install(*app, QLocale(QLocale::Japanese, QLocale::Japan)), QStringLiteral("en"));
    for (QTranslator *t : app->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

void TestTranslations::dialogsComeOutInGerman()
{
    // English texts of these dialogs' contexts whose German differs: if a dialog still shows
    // one, its tr() context at run time does not match the .ts (or the .qm is not loaded).
    // (Qt's own texts, like a standard "Close" button, come from Qt's translations.)
    const QSet<QString> contexts{QStringLiteral("Countersign::AboutDialog"),
        QStringLiteral("Countersign::ConnectDialog"), QStringLiteral("Countersign::SettingsDialog"),
        QStringLiteral("Countersign::TokenStore"), QStringLiteral("Countersign::ProfileStore"),
        QStringLiteral("ConnectionMessages"), QStringLiteral("RoleNames"), QStringLiteral("ServerUrl")};
    QHash<QString, QString> english;
    for (const TsMessage &m : std::as_const(m_german)) {
        if (contexts.contains(m.context) && !m.numerus && m.translations.value(0) != m.source)
            english.insert(m.source, m.translations.value(0));
    }

    QTranslator german;
    QVERIFY(german.load(QStringLiteral("countersign_de"), Translations::resourceDirectory()));
    QCoreApplication::installTranslator(&german);

    TokenStore tokens(TokenStore::Mode::SessionOnly);
    ProfileStore profiles(&tokens);
    AppSettings settings;
    ConnectDialog connect(&profiles, &tokens);
    SettingsDialog configure(&settings);
    AboutDialog about;

    QStringList problems;
    int checked = 0;
    auto check = [&](const QString &where, const QString &text) {
        if (text.isEmpty())
            return;
        ++checked;
        if (english.contains(text))
            problems.append(QStringLiteral("%1 shows “%2” (German: “%3”)").arg(where, text, english.value(text)));
    };
    for (QWidget *dialog : std::initializer_list<QWidget *>{&connect, &configure, &about}) {
        const QString name = dialog->objectName();
        check(name + QStringLiteral(" title"), dialog->windowTitle());
        for (auto *w : dialog->findChildren<QLabel *>())
            check(name + u'/' + w->objectName(), w->text());
        for (auto *w : dialog->findChildren<QAbstractButton *>())
            check(name + u'/' + w->objectName(), w->text());
        for (auto *w : dialog->findChildren<QGroupBox *>())
            check(name + u'/' + w->objectName(), w->title());
        for (auto *w : dialog->findChildren<QLineEdit *>())
            check(name + u'/' + w->objectName(), w->placeholderText());
        for (auto *w : dialog->findChildren<QComboBox *>()) {
            for (int i = 0; i < w->count(); ++i)
                check(name + u'/' + w->objectName(), w->itemText(i));
        }
    }
    QCoreApplication::removeTranslator(&german);
    QVERIFY(checked > 30);
    QVERIFY2(problems.isEmpty(), qPrintable(failureList(QStringLiteral("English at run time"), problems)));
    QCOMPARE(connect.windowTitle(), english.value(QStringLiteral("Connect to a Server")));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
