#pragma once

#include <QColor>

namespace KSyntaxHighlighting {
class Theme;
}

namespace Countersign {

// The colours of a diff view, derived from a syntax theme so that every theme (light or dark)
// gets readable added/removed backgrounds: the theme's background blended with a green or red
// hue, more strongly on dark backgrounds where a faint tint would vanish.
struct DiffColors {
    QColor background;
    QColor text;
    QColor gutterBackground;
    QColor lineNumber;
    QColor addedBackground;
    QColor removedBackground;
    QColor addedGutter; // line numbers column of an added line
    QColor removedGutter;
    QColor addedEmphasis; // the changed words of a changed line
    QColor removedEmphasis;
    QColor filler; // the empty side of an added or removed row
    QColor foldBackground;
    QColor foldText;
    QColor separator;
    QColor selection;
    QColor currentRow;
    QColor searchMatch;
    bool dark = false;

    // Contrast the text keeps on a changed line and on a changed word (WCAG ratios; 4.5 is the
    // AA level for body text), or less when the theme's own contrast is lower.
    static constexpr qreal MinimumLineContrast = 4.5;
    static constexpr qreal MinimumWordContrast = 3.0;

    static DiffColors fromTheme(const KSyntaxHighlighting::Theme &theme);
    // WCAG 2 contrast ratio, 1 to 21.
    static qreal contrastRatio(const QColor &a, const QColor &b);
    // a blended towards b by amount (0 = a, 1 = b), opaque.
    static QColor blend(const QColor &a, const QColor &b, qreal amount);
};

} // namespace Countersign
