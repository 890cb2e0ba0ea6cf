#include "appsettings.h"

#include "settingslogging.h"

#include <QFontDatabase>

#include <algorithm>

namespace Countersign {

namespace {

// Keys, grouped the way a user reading the file would expect.
constexpr QLatin1StringView ThemeKey{"appearance/theme"};
constexpr QLatin1StringView SyntaxThemeKey{"appearance/syntaxTheme"};
constexpr QLatin1StringView NotifyNewItemsKey{"notifications/newItems"};
constexpr QLatin1StringView NotifySlaBreachesKey{"notifications/slaBreaches"};
constexpr QLatin1StringView NotifyEscalationsKey{"notifications/escalations"};
constexpr QLatin1StringView NotificationCategoriesKey{"notifications/categories"};
constexpr QLatin1StringView NotifyForKey{"notifications/notifyFor"};
constexpr QLatin1StringView DiffFontFamilyKey{"diff/fontFamily"};
constexpr QLatin1StringView DiffFontSizeKey{"diff/fontPointSize"};
constexpr QLatin1StringView UndoWindowKey{"review/undoWindowSeconds"};
constexpr QLatin1StringView ConfirmBatchKey{"review/confirmBatchApprove"};
constexpr QLatin1StringView WordWrapKey{"diff/wordWrap"}; // a map: language -> bool

// Only family and size are user choices; building every font the same way keeps Values
// comparable (a QFont carries many other attributes).
QFont makeDiffFont(const QString &family, int pointSize)
{
    QFont font(family);
    font.setPointSize(std::clamp(pointSize, 6, 72));
    font.setStyleHint(QFont::TypeWriter);
    font.setFixedPitch(true);
    return font;
}

AppSettings::Theme themeFromKey(const QString &key)
{
    if (key == AppSettings::themeKey(AppSettings::Theme::Light))
        return AppSettings::Theme::Light;
    if (key == AppSettings::themeKey(AppSettings::Theme::Dark))
        return AppSettings::Theme::Dark;
    return AppSettings::Theme::System;
}

NotificationRules::Scope scopeFromKey(const QString &key)
{
    using Scope = NotificationRules::Scope;
    for (const Scope scope : {Scope::AllItems, Scope::EscalatedOnly, Scope::MyCategories}) {
        if (key == AppSettings::notifyForKey(scope))
            return scope;
    }
    return Scope::AllItems;
}

QStringList cleanCategories(QStringList categories)
{
    for (auto &c : categories)
        c = c.trimmed();
    categories.removeAll(QString());
    categories.sort(Qt::CaseInsensitive);
    categories.removeDuplicates();
    return categories;
}

} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
{ }

AppSettings::~AppSettings() = default;

QString AppSettings::themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

QString AppSettings::notifyForKey(NotificationRules::Scope scope)
{
    switch (scope) {
    case NotificationRules::Scope::EscalatedOnly:
        return QStringLiteral("escalated");
    case NotificationRules::Scope::MyCategories:
        return QStringLiteral("categories");
    case NotificationRules::Scope::AllItems:
        break;
    }
    return QStringLiteral("all");
}

AppSettings::Values AppSettings::defaults()
{
    Values v;
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    v.diffFont = makeDiffFont(fixed.family(), fixed.pointSize() > 0 ? fixed.pointSize() : 10);
    return v;
}

AppSettings::Values AppSettings::values() const
{
    Values v;
    v.theme = theme();
    v.syntaxTheme = syntaxTheme();
    v.notifyNewItems = notifyNewItems();
    v.notifySlaBreaches = notifySlaBreaches();
    v.notifyEscalations = notifyEscalations();
    v.notifyFor = notifyFor();
    v.notificationCategories = notificationCategories();
    v.diffFont = diffFont();
    v.undoWindowSeconds = undoWindowSeconds();
    v.confirmBatchApprove = confirmBatchApprove();
    return v;
}

bool AppSettings::write(const Values &v)
{
    const Values old = values();
    bool any = false;
    auto put = [&](QLatin1StringView key, const QVariant &value, bool differs) {
        if (!differs)
            return;
        m_settings.setValue(key, value);
        any = true;
    };
    put(ThemeKey, themeKey(v.theme), v.theme != old.theme);
    put(SyntaxThemeKey, v.syntaxTheme, v.syntaxTheme != old.syntaxTheme);
    put(NotifyNewItemsKey, v.notifyNewItems, v.notifyNewItems != old.notifyNewItems);
    put(NotifySlaBreachesKey, v.notifySlaBreaches, v.notifySlaBreaches != old.notifySlaBreaches);
    put(NotifyEscalationsKey, v.notifyEscalations, v.notifyEscalations != old.notifyEscalations);
    put(NotifyForKey, notifyForKey(v.notifyFor), v.notifyFor != old.notifyFor);
    const QStringList categories = cleanCategories(v.notificationCategories);
    put(NotificationCategoriesKey, categories, categories != old.notificationCategories);
    const QFont font = makeDiffFont(v.diffFont.family(), v.diffFont.pointSize());
    put(DiffFontFamilyKey, font.family(), font.family() != old.diffFont.family());
    put(DiffFontSizeKey, font.pointSize(), font.pointSize() != old.diffFont.pointSize());
    const int undo = std::clamp(v.undoWindowSeconds, MinUndoWindowSeconds, MaxUndoWindowSeconds);
    put(UndoWindowKey, undo, undo != old.undoWindowSeconds);
    put(ConfirmBatchKey, v.confirmBatchApprove, v.confirmBatchApprove != old.confirmBatchApprove);
    if (any) {
        // Settings from before "Notify for" derive it from the categories: once anything is
        // written, write it too, so a change of categories cannot change it behind the user's back.
        if (!m_settings.contains(NotifyForKey))
            m_settings.setValue(NotifyForKey, notifyForKey(v.notifyFor));
        m_settings.sync();
        if (m_settings.status() != QSettings::NoError)
            qCWarning(lcSettings) << "Could not save the settings to" << m_settings.fileName();
    }
    return any;
}

void AppSettings::setValues(const Values &values)
{
    if (write(values))
        Q_EMIT changed();
}

void AppSettings::resetToDefaults()
{
    setValues(defaults());
}

AppSettings::Theme AppSettings::theme() const
{
    return themeFromKey(m_settings.value(ThemeKey).toString());
}

QString AppSettings::syntaxTheme() const
{
    return m_settings.value(SyntaxThemeKey).toString();
}

bool AppSettings::notifyNewItems() const
{
    return m_settings.value(NotifyNewItemsKey, true).toBool();
}

bool AppSettings::notifySlaBreaches() const
{
    return m_settings.value(NotifySlaBreachesKey, true).toBool();
}

bool AppSettings::notifyEscalations() const
{
    return m_settings.value(NotifyEscalationsKey, true).toBool();
}

QStringList AppSettings::notificationCategories() const
{
    return cleanCategories(m_settings.value(NotificationCategoriesKey).toStringList());
}

NotificationRules::Scope AppSettings::notifyFor() const
{
    // Before "Notify for" existed, checked categories alone meant "my categories".
    if (!m_settings.contains(NotifyForKey))
        return notificationCategories().isEmpty() ? NotificationRules::Scope::AllItems
                                                  : NotificationRules::Scope::MyCategories;
    return scopeFromKey(m_settings.value(NotifyForKey).toString());
}

NotificationRules AppSettings::notificationRules() const
{
    NotificationRules rules;
    rules.newItems = notifyNewItems();
    rules.slaBreaches = notifySlaBreaches();
    rules.escalations = notifyEscalations();
    rules.scope = notifyFor();
    rules.categories = notificationCategories();
    return rules;
}

QFont AppSettings::diffFont() const
{
    const QFont fallback = defaults().diffFont;
    const QString family = m_settings.value(DiffFontFamilyKey, fallback.family()).toString();
    bool ok = false;
    const int size = m_settings.value(DiffFontSizeKey, fallback.pointSize()).toInt(&ok);
    return makeDiffFont(family.isEmpty() ? fallback.family() : family, ok ? size : fallback.pointSize());
}

int AppSettings::undoWindowSeconds() const
{
    bool ok = false;
    const int seconds = m_settings.value(UndoWindowKey, DefaultUndoWindowSeconds).toInt(&ok);
    return ok ? std::clamp(seconds, MinUndoWindowSeconds, MaxUndoWindowSeconds) : DefaultUndoWindowSeconds;
}

bool AppSettings::confirmBatchApprove() const
{
    return m_settings.value(ConfirmBatchKey, true).toBool();
}

// The single-value setters go through setValues() so that clamping, cleaning and the
// one-signal-per-change rule live in one place.
void AppSettings::setTheme(Theme theme)
{
    setOne(&Values::theme, theme);
}

void AppSettings::setSyntaxTheme(const QString &name)
{
    setOne(&Values::syntaxTheme, name);
}

void AppSettings::setNotifyNewItems(bool on)
{
    setOne(&Values::notifyNewItems, on);
}

void AppSettings::setNotifySlaBreaches(bool on)
{
    setOne(&Values::notifySlaBreaches, on);
}

void AppSettings::setNotifyEscalations(bool on)
{
    setOne(&Values::notifyEscalations, on);
}

void AppSettings::setNotificationCategories(const QStringList &categories)
{
    setOne(&Values::notificationCategories, categories);
}

void AppSettings::setNotifyFor(NotificationRules::Scope scope)
{
    setOne(&Values::notifyFor, scope);
}

void AppSettings::setDiffFont(const QFont &font)
{
    setOne(&Values::diffFont, font);
}

void AppSettings::setUndoWindowSeconds(int seconds)
{
    setOne(&Values::undoWindowSeconds, seconds);
}

void AppSettings::setConfirmBatchApprove(bool on)
{
    setOne(&Values::confirmBatchApprove, on);
}

QHash<QString, bool> AppSettings::wordWrapChoices() const
{
    QHash<QString, bool> choices;
    const QVariantMap stored = m_settings.value(WordWrapKey).toMap();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        choices.insert(it.key(), it.value().toBool());
    return choices;
}

void AppSettings::setWordWrapChoice(const QString &language, bool wrap)
{
    QVariantMap stored = m_settings.value(WordWrapKey).toMap();
    stored.insert(language, wrap);
    m_settings.setValue(WordWrapKey, stored);
    m_settings.sync();
}

QString AppSettings::fileName() const
{
    return m_settings.fileName();
}

void AppSettings::sync()
{
    m_settings.sync();
}

} // namespace Countersign
