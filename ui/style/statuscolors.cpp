#include "style/statuscolors.h"

#include "diff/diffcolors.h"

namespace Countersign {

QColor StatusColors::hue(Kind kind)
{
    switch (kind) {
    case Kind::Positive:
        return QColor(39, 174, 96);
    case Kind::Warning:
        return QColor(246, 116, 0);
    case Kind::Negative:
        return QColor(218, 68, 83);
    }
    return {};
}

QColor StatusColors::text(Kind kind, const QPalette &palette)
{
    const QColor background = palette.color(QPalette::Window);
    const QColor towards = palette.color(QPalette::WindowText);
    QColor colour = hue(kind);
    // Ten steps towards the text colour at most: the hue stays recognisable on both themes.
    for (int step = 1; step <= 10 && DiffColors::contrastRatio(colour, background) < MinimumTextContrast; ++step)
        colour = DiffColors::blend(hue(kind), towards, step * 0.07);
    return colour;
}

QColor StatusColors::tint(Kind kind, const QPalette &palette, qreal strength)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    qreal amount = qBound(0.0, strength, 1.0);
    QColor colour = DiffColors::blend(base, hue(kind), amount);
    while (amount > 0.1 && DiffColors::contrastRatio(text, colour) < MinimumTextContrast) {
        amount *= 0.85;
        colour = DiffColors::blend(base, hue(kind), amount);
    }
    return colour;
}

} // namespace Countersign
