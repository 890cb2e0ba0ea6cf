#include "style/thememanager.h"

#include "settings/settingslogging.h"
#include "style/palettestyle.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace Countersign {

namespace {

struct PaletteColors {
    QColor window, windowText, base, alternateBase, button, buttonText, text, highlight, highlightedText, link,
        linkVisited, toolTipBase, toolTipText, placeholder, disabledText, brightText;
};

QPalette makePalette(const PaletteColors &c)
{
    // The button/window constructor derives light, midlight, mid, dark and shadow for Fusion.
    QPalette p(c.button, c.window);
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        p.setColor(group, QPalette::Window, c.window);
        p.setColor(group, QPalette::WindowText, c.windowText);
        p.setColor(group, QPalette::Base, c.base);
        p.setColor(group, QPalette::AlternateBase, c.alternateBase);
        p.setColor(group, QPalette::Button, c.button);
        p.setColor(group, QPalette::ButtonText, c.buttonText);
        p.setColor(group, QPalette::Text, c.text);
        p.setColor(group, QPalette::BrightText, c.brightText);
        p.setColor(group, QPalette::Highlight, c.highlight);
        p.setColor(group, QPalette::HighlightedText, c.highlightedText);
        p.setColor(group, QPalette::Link, c.link);
        p.setColor(group, QPalette::LinkVisited, c.linkVisited);
        p.setColor(group, QPalette::ToolTipBase, c.toolTipBase);
        p.setColor(group, QPalette::ToolTipText, c.toolTipText);
        p.setColor(group, QPalette::PlaceholderText, c.placeholder);
        p.setColor(group, QPalette::Accent, c.highlight);
    }
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, c.disabledText);
    QColor disabledHighlight = c.highlight;
    disabledHighlight.setAlphaF(0.5f);
    p.setColor(QPalette::Disabled, QPalette::Highlight, disabledHighlight);
    return p;
}

} // namespace

// Colours from KDE's BreezeLight and BreezeDark colour schemes.
QPalette ThemeManager::lightPalette()
{
    return makePalette({
        .window = QColor(0xef, 0xf0, 0xf1),
        .windowText = QColor(0x23, 0x26, 0x29),
        .base = QColor(0xff, 0xff, 0xff),
        .alternateBase = QColor(0xf7, 0xf7, 0xf7),
        .button = QColor(0xfc, 0xfc, 0xfc),
        .buttonText = QColor(0x23, 0x26, 0x29),
        .text = QColor(0x23, 0x26, 0x29),
        .highlight = QColor(0x3d, 0xae, 0xe9),
        .highlightedText = QColor(0xff, 0xff, 0xff),
        .link = QColor(0x29, 0x80, 0xb9),
        .linkVisited = QColor(0x9b, 0x59, 0xb6),
        .toolTipBase = QColor(0xf7, 0xf7, 0xf7),
        .toolTipText = QColor(0x23, 0x26, 0x29),
        .placeholder = QColor(0x70, 0x7d, 0x8a),
        .disabledText = QColor(0xa0, 0xa4, 0xa8),
        .brightText = QColor(0xff, 0xff, 0xff),
    });
}

QPalette ThemeManager::darkPalette()
{
    return makePalette({
        .window = QColor(0x20, 0x23, 0x26),
        .windowText = QColor(0xfc, 0xfc, 0xfc),
        .base = QColor(0x14, 0x16, 0x18),
        .alternateBase = QColor(0x1d, 0x1f, 0x22),
        .button = QColor(0x29, 0x2c, 0x30),
        .buttonText = QColor(0xfc, 0xfc, 0xfc),
        .text = QColor(0xfc, 0xfc, 0xfc),
        .highlight = QColor(0x3d, 0xae, 0xe9),
        .highlightedText = QColor(0xfc, 0xfc, 0xfc),
        .link = QColor(0x1d, 0x99, 0xf3),
        .linkVisited = QColor(0x9b, 0x59, 0xb6),
        .toolTipBase = QColor(0x29, 0x2c, 0x30),
        .toolTipText = QColor(0xfc, 0xfc, 0xfc),
        .placeholder = QColor(0xa1, 0xa9, 0xb1),
        .disabledText = QColor(0x6e, 0x72, 0x76),
        .brightText = QColor(0x23, 0x26, 0x29),
    });
}

bool ThemeManager::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

ThemeManager::ThemeManager(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_systemStyle(QApplication::style() ? QApplication::style()->name() : QString())
{
    connect(m_settings, &AppSettings::changed, this, [this] {
        apply(m_settings->theme());
    });
    apply(m_settings->theme());
}

ThemeManager::~ThemeManager() = default;

void ThemeManager::apply(AppSettings::Theme theme)
{
    if (theme == m_applied && !m_firstApply)
        return;
    const bool wasSystem = m_firstApply && theme == AppSettings::Theme::System;
    m_firstApply = false;
    m_applied = theme;
    if (wasSystem)
        return; // nothing to undo yet: the app already looks like the system

    switch (theme) {
    case AppSettings::Theme::Light:
    case AppSettings::Theme::Dark:
        // Fusion draws everything from the palette; native styles (Windows 11, macOS) ignore
        // much of a custom one.
        if (!qobject_cast<PaletteStyle *>(QApplication::style()))
            QApplication::setStyle(new PaletteStyle);
        QApplication::setPalette(theme == AppSettings::Theme::Dark ? darkPalette() : lightPalette());
        break;
    case AppSettings::Theme::System:
        if (!m_systemStyle.isEmpty() && qobject_cast<PaletteStyle *>(QApplication::style()))
            QApplication::setStyle(m_systemStyle);
        // An empty palette resolves every role against the platform theme again.
        QApplication::setPalette(QPalette());
        break;
    }
    qCDebug(lcSettings) << "Applied theme" << AppSettings::themeKey(theme);
    Q_EMIT themeApplied(theme);
}

} // namespace Countersign
