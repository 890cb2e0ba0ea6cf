#pragma once

#include "client/notificationrules.h"

#include <QFont>
#include <QHash>
#include <QObject>
#include <QSettings>
#include <QStringList>

namespace Countersign {

// The reviewer app's preferences, typed, stored with QSettings (never a token: those live in
// TokenStore). Every write that changes a value emits changed() once, so the main window and
// ThemeManager re-read what they need. Create one instance and share it: changed() only fires on
// the instance that was written.
class AppSettings : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    static constexpr int MinUndoWindowSeconds = 0;
    static constexpr int MaxUndoWindowSeconds = 10;
    static constexpr int DefaultUndoWindowSeconds = 5;

    // A complete set of values, for dialogs that edit everything and apply at once.
    struct Values {
        Theme theme = Theme::System;
        QString syntaxTheme; // empty: pick a light or dark theme from the palette
        bool notifyNewItems = true;
        bool notifySlaBreaches = true;
        bool notifyEscalations = true;
        // "Notify for": all items, escalated ones only, or those in notificationCategories.
        NotificationRules::Scope notifyFor = NotificationRules::Scope::AllItems;
        QStringList notificationCategories; // empty: every category
        QFont diffFont;
        int undoWindowSeconds = DefaultUndoWindowSeconds;
        bool confirmBatchApprove = true;

        bool operator==(const Values &other) const = default;
    };

    explicit AppSettings(QObject *parent = nullptr);
    ~AppSettings() override;

    static Values defaults();

    Values values() const;
    // Writes every value that differs; emits changed() once if any did.
    void setValues(const Values &values);
    void resetToDefaults();

    Theme theme() const;
    void setTheme(Theme theme);
    QString syntaxTheme() const;
    void setSyntaxTheme(const QString &name);
    bool notifyNewItems() const;
    void setNotifyNewItems(bool on);
    bool notifySlaBreaches() const;
    void setNotifySlaBreaches(bool on);
    bool notifyEscalations() const;
    void setNotifyEscalations(bool on);
    QStringList notificationCategories() const;
    void setNotificationCategories(const QStringList &categories);
    NotificationRules::Scope notifyFor() const;
    void setNotifyFor(NotificationRules::Scope scope);
    // The notification settings together, as the main window's NotificationBatcher takes them.
    NotificationRules notificationRules() const;
    QFont diffFont() const;
    void setDiffFont(const QFont &font);
    int undoWindowSeconds() const;
    void setUndoWindowSeconds(int seconds); // clamped to 0..10
    bool confirmBatchApprove() const;
    void setConfirmBatchApprove(bool on);

    // Word wrap of the diff per language ("" for none), as the reviewer last toggled it; a
    // language missing here follows WrapPolicy. A view state like a window's size: no changed().
    QHash<QString, bool> wordWrapChoices() const;
    void setWordWrapChoice(const QString &language, bool wrap);

    // Where the values are kept (for diagnostics and tests).
    QString fileName() const;
    void sync();

    static QString themeKey(Theme theme);
    static QString notifyForKey(NotificationRules::Scope scope);

Q_SIGNALS:
    void changed();

private:
    // Writes the values that differ; returns whether anything did.
    bool write(const Values &values);

    template<typename T>
    void setOne(T Values::*field, T value)
    {
        Values v = values();
        v.*field = std::move(value);
        setValues(v);
    }

    QSettings m_settings;
};

} // namespace Countersign
