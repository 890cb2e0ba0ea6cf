#pragma once

#include "settings/appsettings.h"

#include <QObject>
#include <QPalette>

namespace Countersign {

// Applies the theme chosen in AppSettings to the whole application, now and whenever the
// setting changes: Light and Dark use the Fusion style (PaletteStyle) with Breeze-like palettes,
// so they look the same on every platform; System restores the style and palette the app
// started with.
class ThemeManager : public QObject
{
    Q_OBJECT

public:
    // Remembers the current style and palette as "the system's", then applies the setting.
    explicit ThemeManager(AppSettings *settings, QObject *parent = nullptr);
    ~ThemeManager() override;

    AppSettings::Theme appliedTheme() const { return m_applied; }
    void apply(AppSettings::Theme theme);

    // Breeze Light and Breeze Dark, as QPalettes (active, inactive and disabled groups).
    static QPalette lightPalette();
    static QPalette darkPalette();
    // Whether a palette is dark (its window colour is darker than its text).
    static bool isDark(const QPalette &palette);

Q_SIGNALS:
    void themeApplied(Countersign::AppSettings::Theme theme);

private:
    AppSettings *m_settings;
    AppSettings::Theme m_applied = AppSettings::Theme::System;
    QString m_systemStyle;
    bool m_firstApply = true;
};

} // namespace Countersign
