#include "isolatedsettings.h"
#include "settings/appsettings.h"
#include "settings/settingsdialog.h"
#include "style/palettestyle.h"
#include "style/thememanager.h"

#include "diff/syntaxrepository.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyle>
#include <QTest>

#include <cmath>

using namespace Countersign;

// The settings dialog writes AppSettings (one changed() per apply, persisted), and the theme
// manager turns the theme setting into the application's style and palette.
class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void everyControlHasAnObjectName();
    void showsTheStoredValues();
    void syntaxThemesComeFromTheRepository();
    void applyEmitsChangedOnceAndPersists();
    void cancelWritesNothing();
    void restoreDefaults();
    void wordWrapChoicesPersistPerLanguage();
    void categories();
    void notifyFor();
    void notifyForFromOlderSettings();
    void themeSwitchChangesThePalette();
    void palettesAreReadable();

private:
    template<typename T>
    T *child(const char *name) const
    {
        auto *w = m_dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child named %s", name);
        return w;
    }
    void selectData(const char *combo, const QVariant &data);
    // Clicks the box itself (a check box's label may not reach its middle).
    void clickCheckBox(const char *name);

    AppSettings *m_settings = nullptr;
    SettingsDialog *m_dialog = nullptr;
    QPalette m_startPalette;
    QString m_startStyle;
};

void TestSettingsDialog::initTestCase()
{
    Test::isolateSettings(QStringLiteral("tst_settingsdialog"));
    m_startPalette = QApplication::palette();
    m_startStyle = QApplication::style()->name();
}

void TestSettingsDialog::cleanupTestCase()
{
    Test::removeIsolatedSettings();
}

void TestSettingsDialog::init()
{
    QSettings settings;
    settings.clear();
    settings.sync();
    m_settings = new AppSettings(this);
    m_dialog = new SettingsDialog(m_settings);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
}

void TestSettingsDialog::cleanup()
{
    delete m_dialog;
    delete m_settings;
}

void TestSettingsDialog::selectData(const char *combo, const QVariant &data)
{
    auto *box = child<QComboBox>(combo);
    const int index = box->findData(data);
    QVERIFY2(index >= 0, combo);
    box->setCurrentIndex(index);
}

void TestSettingsDialog::clickCheckBox(const char *name)
{
    auto *box = child<QCheckBox>(name);
    const bool before = box->isChecked();
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(box->height() / 2, box->height() / 2));
    QVERIFY2(box->isChecked() != before, name);
}

void TestSettingsDialog::everyControlHasAnObjectName()
{
    QVERIFY(child<QComboBox>("themeCombo"));
    QVERIFY(child<QComboBox>("syntaxThemeCombo"));
    QVERIFY(child<QCheckBox>("notifyNewItemsCheck"));
    QVERIFY(child<QCheckBox>("notifySlaBreachesCheck"));
    QVERIFY(child<QCheckBox>("notifyEscalationsCheck"));
    QVERIFY(child<QComboBox>("notifyForCombo"));
    QVERIFY(child<QListWidget>("categoryList"));
    QVERIFY(child<QLineEdit>("categoryEdit"));
    QVERIFY(child<QPushButton>("addCategoryButton"));
    QVERIFY(child<QFontComboBox>("diffFontCombo"));
    QVERIFY(child<QSpinBox>("diffFontSizeSpin"));
    QVERIFY(child<QSpinBox>("undoWindowSpin"));
    QVERIFY(child<QCheckBox>("confirmBatchCheck"));
    QVERIFY(child<QDialogButtonBox>("buttonBox"));
    QVERIFY(child<QPushButton>("applyButton"));
    QVERIFY(child<QPushButton>("okButton"));
    QVERIFY(child<QPushButton>("defaultsButton"));
    QCOMPARE(child<QFontComboBox>("diffFontCombo")->fontFilters(), QFontComboBox::MonospacedFonts);
    QCOMPARE(child<QSpinBox>("undoWindowSpin")->minimum(), 0);
    QCOMPARE(child<QSpinBox>("undoWindowSpin")->maximum(), 10);
}

void TestSettingsDialog::showsTheStoredValues()
{
    AppSettings::Values v = m_settings->values();
    v.theme = AppSettings::Theme::Dark;
    v.undoWindowSeconds = 7;
    v.confirmBatchApprove = false;
    v.notifySlaBreaches = false;
    m_settings->setValues(v);
    delete m_dialog;
    m_dialog = new SettingsDialog(m_settings);

    QCOMPARE(child<QComboBox>("themeCombo")->currentData().value<AppSettings::Theme>(), AppSettings::Theme::Dark);
    QCOMPARE(child<QSpinBox>("undoWindowSpin")->value(), 7);
    QVERIFY(!child<QCheckBox>("confirmBatchCheck")->isChecked());
    QVERIFY(!child<QCheckBox>("notifySlaBreachesCheck")->isChecked());
    QVERIFY(child<QCheckBox>("notifyEscalationsCheck")->isChecked());
    QVERIFY(!child<QPushButton>("applyButton")->isEnabled()); // nothing edited yet
    QCOMPARE(m_dialog->shownValues().undoWindowSeconds, 7);
    // The default is 5 s, and 0 reads as "no undo" rather than "0 s".
    QCOMPARE(AppSettings::defaults().undoWindowSeconds, 5);
    child<QSpinBox>("undoWindowSpin")->setValue(0);
    QCOMPARE(child<QSpinBox>("undoWindowSpin")->text(), QStringLiteral("No undo"));
}

void TestSettingsDialog::syntaxThemesComeFromTheRepository()
{
    auto *combo = child<QComboBox>("syntaxThemeCombo");
    const auto themes = SyntaxRepository::repository().themes();
    QVERIFY(!themes.isEmpty());
    QCOMPARE(combo->count(), themes.size() + 1);
    QCOMPARE(combo->itemData(0).toString(), QString()); // automatic comes first and is the default
    QCOMPARE(combo->currentIndex(), 0);
    for (const auto &theme : themes)
        QVERIFY2(combo->findData(theme.name()) > 0, qPrintable(theme.name()));
}

void TestSettingsDialog::applyEmitsChangedOnceAndPersists()
{
    QSignalSpy changed(m_settings, &AppSettings::changed);
    auto *apply = child<QPushButton>("applyButton");
    QVERIFY(!apply->isEnabled());

    const QString syntaxTheme = SyntaxRepository::repository().themes().constLast().name();
    selectData("syntaxThemeCombo", syntaxTheme);
    child<QSpinBox>("undoWindowSpin")->setValue(9);
    child<QSpinBox>("diffFontSizeSpin")->setValue(15);
    clickCheckBox("notifyEscalationsCheck");
    clickCheckBox("confirmBatchCheck");
    QVERIFY(apply->isEnabled());
    QCOMPARE(changed.size(), 0); // nothing is written before Apply

    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!apply->isEnabled());
    QCOMPARE(m_settings->syntaxTheme(), syntaxTheme);
    QCOMPARE(m_settings->undoWindowSeconds(), 9);
    QCOMPARE(m_settings->diffFont().pointSize(), 15);
    QVERIFY(!m_settings->notifyEscalations());
    QVERIFY(!m_settings->confirmBatchApprove());

    // Persisted: a fresh instance (as after a restart) reads the same values.
    AppSettings reloaded;
    QCOMPARE(reloaded.values(), m_settings->values());
    QSettings raw;
    QCOMPARE(raw.value(QStringLiteral("review/undoWindowSeconds")).toInt(), 9);

    // OK applies what is left and closes.
    child<QSpinBox>("undoWindowSpin")->setValue(1);
    QTest::mouseClick(child<QPushButton>("okButton"), Qt::LeftButton);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(AppSettings().undoWindowSeconds(), 1);
}

void TestSettingsDialog::cancelWritesNothing()
{
    QSignalSpy changed(m_settings, &AppSettings::changed);
    child<QSpinBox>("undoWindowSpin")->setValue(2);
    selectData("themeCombo", QVariant::fromValue(AppSettings::Theme::Light));
    m_dialog->reject();
    QCOMPARE(changed.size(), 0);
    QCOMPARE(AppSettings().undoWindowSeconds(), 5);
    QCOMPARE(AppSettings().theme(), AppSettings::Theme::System);
}

void TestSettingsDialog::restoreDefaults()
{
    AppSettings::Values v = m_settings->values();
    v.undoWindowSeconds = 0;
    v.notifyNewItems = false;
    v.notificationCategories = {QStringLiteral("email")};
    m_settings->setValues(v);
    delete m_dialog;
    m_dialog = new SettingsDialog(m_settings);

    QTest::mouseClick(child<QPushButton>("defaultsButton"), Qt::LeftButton);
    QCOMPARE(child<QSpinBox>("undoWindowSpin")->value(), 5);
    QVERIFY(child<QCheckBox>("notifyNewItemsCheck")->isChecked());
    QVERIFY(child<QPushButton>("applyButton")->isEnabled());
    QCOMPARE(m_settings->undoWindowSeconds(), 0); // shown, not yet applied
    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    QCOMPARE(m_settings->values(), AppSettings::defaults());
}

void TestSettingsDialog::categories()
{
    m_dialog->setKnownCategories({QStringLiteral("refunds"), QStringLiteral("email")});
    auto *list = child<QListWidget>("categoryList");
    QVERIFY(!list->isEnabled()); // "Notify for: all items"
    selectData("notifyForCombo", QVariant::fromValue(NotificationRules::Scope::MyCategories));
    QVERIFY(list->isEnabled());
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("email"));
    list->item(1)->setCheckState(Qt::Checked);

    auto *edit = child<QLineEdit>("categoryEdit");
    QTest::keyClicks(edit, QStringLiteral("deploys"));
    QVERIFY(child<QPushButton>("addCategoryButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("addCategoryButton"), Qt::LeftButton);
    QCOMPARE(list->count(), 3);
    QVERIFY(edit->text().isEmpty());

    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    QCOMPARE(m_settings->notificationCategories(), QStringList({QStringLiteral("deploys"), QStringLiteral("refunds")}));

    QCOMPARE(m_settings->notifyFor(), NotificationRules::Scope::MyCategories);

    // The list only matters for "Notify for: items in my categories", and only while some
    // notification is on.
    selectData("notifyForCombo", QVariant::fromValue(NotificationRules::Scope::EscalatedOnly));
    QVERIFY(!list->isEnabled());
    QVERIFY(!edit->isEnabled());
    selectData("notifyForCombo", QVariant::fromValue(NotificationRules::Scope::MyCategories));
    QVERIFY(list->isEnabled());
    clickCheckBox("notifyNewItemsCheck");
    clickCheckBox("notifySlaBreachesCheck");
    clickCheckBox("notifyEscalationsCheck");
    QVERIFY(!list->isEnabled());
    QVERIFY(!child<QComboBox>("notifyForCombo")->isEnabled());
}

void TestSettingsDialog::notifyFor()
{
    auto *combo = child<QComboBox>("notifyForCombo");
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentData().value<NotificationRules::Scope>(), NotificationRules::Scope::AllItems);
    QSignalSpy changed(m_settings, &AppSettings::changed);
    selectData("notifyForCombo", QVariant::fromValue(NotificationRules::Scope::EscalatedOnly));
    QVERIFY(child<QPushButton>("applyButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_settings->notifyFor(), NotificationRules::Scope::EscalatedOnly);
    QCOMPARE(QSettings().value(QStringLiteral("notifications/notifyFor")).toString(), QStringLiteral("escalated"));
    const NotificationRules rules = AppSettings().notificationRules();
    QCOMPARE(rules.scope, NotificationRules::Scope::EscalatedOnly);
    QVERIFY(rules.newItems && rules.slaBreaches && rules.escalations);
    // A value from a newer version, or a typo in the file: all items.
    QSettings().setValue(QStringLiteral("notifications/notifyFor"), QStringLiteral("everything-twice"));
    QCOMPARE(AppSettings().notifyFor(), NotificationRules::Scope::AllItems);
}

void TestSettingsDialog::notifyForFromOlderSettings()
{
    // Before "Notify for", checked categories alone meant "only these categories".
    {
        QSettings raw;
        raw.setValue(QStringLiteral("notifications/categories"), QStringList{QStringLiteral("billing")});
    }
    delete m_dialog;
    m_dialog = new SettingsDialog(m_settings);
    QCOMPARE(m_settings->notifyFor(), NotificationRules::Scope::MyCategories);
    QCOMPARE(child<QComboBox>("notifyForCombo")->currentData().value<NotificationRules::Scope>(),
        NotificationRules::Scope::MyCategories);
    // Once written, the choice stays even when the categories change.
    m_settings->setNotificationCategories({});
    QCOMPARE(m_settings->notifyFor(), NotificationRules::Scope::MyCategories);
}

void TestSettingsDialog::themeSwitchChangesThePalette()
{
    ThemeManager themes(m_settings);
    QSignalSpy applied(&themes, &ThemeManager::themeApplied);

    selectData("themeCombo", QVariant::fromValue(AppSettings::Theme::Dark));
    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    QCOMPARE(applied.size(), 1);
    QCOMPARE(themes.appliedTheme(), AppSettings::Theme::Dark);
    QVERIFY(qobject_cast<PaletteStyle *>(QApplication::style())); // Fusion, with visible indicators
    const QColor darkWindow = QApplication::palette().color(QPalette::Window);
    QVERIFY2(darkWindow.lightness() < 60, qPrintable(darkWindow.name()));
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 200);
    QVERIFY(ThemeManager::isDark(QApplication::palette()));
    // Open widgets follow the application palette (Qt delivers the change as a posted event).
    QTRY_COMPARE(m_dialog->palette().color(QPalette::Window), darkWindow);

    selectData("themeCombo", QVariant::fromValue(AppSettings::Theme::Light));
    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    QCOMPARE(applied.size(), 2);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    QVERIFY(!ThemeManager::isDark(QApplication::palette()));

    // Changing another setting does not re-apply the theme.
    child<QSpinBox>("undoWindowSpin")->setValue(3);
    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    QCOMPARE(applied.size(), 2);

    selectData("themeCombo", QVariant::fromValue(AppSettings::Theme::System));
    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    QCOMPARE(applied.size(), 3);
    QCOMPARE(QApplication::style()->name(), m_startStyle);
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_startPalette.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Text), m_startPalette.color(QPalette::Text));

    // A new manager applies the stored theme at once (the app's start).
    m_settings->setTheme(AppSettings::Theme::Dark);
    ThemeManager atStart(m_settings);
    QVERIFY(ThemeManager::isDark(QApplication::palette()));
    m_settings->setTheme(AppSettings::Theme::System);
}

void TestSettingsDialog::palettesAreReadable()
{
    // WCAG asks for 4.5:1 between text and its background; check the pairs that carry text.
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    auto contrast = [&](const QColor &a, const QColor &b) {
        const double la = luminance(a), lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    };
    for (const QPalette &p : {ThemeManager::lightPalette(), ThemeManager::darkPalette()}) {
        QVERIFY(contrast(p.color(QPalette::WindowText), p.color(QPalette::Window)) >= 4.5);
        QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 4.5);
        QVERIFY(contrast(p.color(QPalette::ButtonText), p.color(QPalette::Button)) >= 4.5);
        QVERIFY(contrast(p.color(QPalette::ToolTipText), p.color(QPalette::ToolTipBase)) >= 4.5);
        // Disabled text is dimmer than enabled text, but still distinguishable from the window.
        QVERIFY(contrast(p.color(QPalette::Disabled, QPalette::WindowText), p.color(QPalette::Window)) >= 1.8);
        QVERIFY(contrast(p.color(QPalette::Disabled, QPalette::WindowText), p.color(QPalette::Window))
            < contrast(p.color(QPalette::WindowText), p.color(QPalette::Window)));
    }
    QVERIFY(!ThemeManager::isDark(ThemeManager::lightPalette()));
    QVERIFY(ThemeManager::isDark(ThemeManager::darkPalette()));
    // Check box and radio outlines stand out from the view and the window (Fusion's own
    // outline does not on the dark palette).
    for (const QPalette &p : {ThemeManager::lightPalette(), ThemeManager::darkPalette()}) {
        const QColor outline = PaletteStyle::indicatorOutline(p);
        QVERIFY(contrast(outline, p.color(QPalette::Base)) >= 2.5);
        QVERIFY(contrast(outline, p.color(QPalette::Window)) >= 2.0);
    }
}

void TestSettingsDialog::wordWrapChoicesPersistPerLanguage()
{
    QVERIFY(m_settings->wordWrapChoices().isEmpty());
    QSignalSpy changed(m_settings, &AppSettings::changed);
    m_settings->setWordWrapChoice(QStringLiteral("python"), true);
    m_settings->setWordWrapChoice(QStringLiteral("email"), false);
    m_settings->setWordWrapChoice(QString(), false);
    QCOMPARE(changed.count(), 0); // a view state: nothing to re-apply
    AppSettings other;
    const QHash<QString, bool> choices = other.wordWrapChoices();
    QCOMPARE(choices.size(), 3);
    QCOMPARE(choices.value(QStringLiteral("python")), true);
    QCOMPARE(choices.value(QStringLiteral("email"), true), false);
    QVERIFY(choices.contains(QString()));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
