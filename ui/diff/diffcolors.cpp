#include "diffcolors.h"

#include <KSyntaxHighlighting/Theme>

#include <cmath>

namespace Countersign {

using KSyntaxHighlighting::Theme;

namespace {

QColor editorColor(const Theme &theme, Theme::EditorColorRole role, const QColor &fallback)
{
    const QRgb rgb = theme.isValid() ? theme.editorColor(role) : 0;
    return rgb ? QColor::fromRgb(rgb) : fallback;
}

// WCAG 2 relative luminance.
qreal luminance(const QColor &color)
{
    const auto channel = [](qreal v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

// A blend of background towards hue, at most by amount, that keeps text at minContrast; a
// faint tint is always kept, the contrast then is what the theme itself offers.
QColor readableBlend(const QColor &background, const QColor &hue, qreal amount, const QColor &text, qreal minContrast)
{
    constexpr qreal floor = 0.06;
    QColor result = DiffColors::blend(background, hue, amount);
    while (amount > floor && DiffColors::contrastRatio(text, result) < minContrast) {
        amount = qMax(floor, amount * 0.85);
        result = DiffColors::blend(background, hue, amount);
    }
    return result;
}

} // namespace

qreal DiffColors::contrastRatio(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor DiffColors::blend(const QColor &a, const QColor &b, qreal amount)
{
    const qreal t = qBound(0.0, amount, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
        float(a.greenF() + (b.greenF() - a.greenF()) * t), float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

DiffColors DiffColors::fromTheme(const Theme &theme)
{
    DiffColors c;
    c.background = editorColor(theme, Theme::BackgroundColor, QColor(0xff, 0xff, 0xff));
    const QRgb normalText = theme.isValid() ? theme.textColor(Theme::Normal) : 0;
    c.dark = c.background.lightnessF() < 0.5;
    c.text = normalText ? QColor::fromRgb(normalText) : (c.dark ? QColor(0xee, 0xee, 0xee) : QColor(0x1f, 0x1c, 0x1b));
    c.gutterBackground = editorColor(theme, Theme::IconBorder, blend(c.background, c.text, 0.04));
    c.lineNumber = editorColor(theme, Theme::LineNumbers, blend(c.background, c.text, 0.5));
    c.selection = editorColor(theme, Theme::TextSelection, blend(c.background, QColor(0x3d, 0xae, 0xe9), 0.35));
    c.currentRow = editorColor(theme, Theme::CurrentLine, blend(c.background, c.text, 0.06));
    c.separator = editorColor(theme, Theme::Separator, blend(c.background, c.text, 0.2));
    c.searchMatch = editorColor(theme, Theme::SearchHighlight, QColor(0xff, 0xd7, 0x00));

    // The hues are fixed (green adds, red removes: the convention every diff tool follows); how
    // far the background moves towards them depends on its lightness, so the tint reads the same
    // on paper-white and on near-black themes. Where that would cost the text its contrast
    // (low-contrast themes), the tint backs off until the text stays readable.
    const qreal lightness = c.background.lightnessF();
    const QColor green = QColor::fromHslF(130.0f / 360.0f, 0.60f, c.dark ? 0.36f : 0.40f);
    const QColor red = QColor::fromHslF(355.0f / 360.0f, 0.65f, c.dark ? 0.44f : 0.48f);
    const qreal line = c.dark ? 0.22 + 0.10 * (0.5 - lightness) : 0.13 + 0.05 * (1.0 - lightness);
    const qreal word = line * 2.2;
    const qreal base = contrastRatio(c.text, c.background);
    const qreal lineContrast = qMin(MinimumLineContrast, base * 0.85);
    const qreal wordContrast = qMin(MinimumWordContrast, base * 0.7);
    c.addedBackground = readableBlend(c.background, green, line, c.text, lineContrast);
    c.removedBackground = readableBlend(c.background, red, line, c.text, lineContrast);
    c.addedEmphasis = readableBlend(c.background, green, word, c.text, wordContrast);
    c.removedEmphasis = readableBlend(c.background, red, word, c.text, wordContrast);
    c.addedGutter = blend(c.gutterBackground, green, line * 1.5);
    c.removedGutter = blend(c.gutterBackground, red, line * 1.5);

    c.filler = blend(c.background, c.text, c.dark ? 0.05 : 0.035);
    c.foldBackground = blend(c.background, QColor(0x3d, 0xae, 0xe9), c.dark ? 0.16 : 0.10);
    c.foldText = blend(c.lineNumber, c.text, 0.35);
    return c;
}

} // namespace Countersign
