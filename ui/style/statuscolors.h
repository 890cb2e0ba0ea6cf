#pragma once

#include <QColor>
#include <QPalette>

namespace Countersign {

// Colours that carry a meaning (online, overdue, nearly due), derived from the widget's palette
// so they read on light and dark themes alike: a fixed hue (Breeze's positive, negative and
// neutral-warning) moved towards the palette's text colour until it keeps a readable contrast
// against the background it is drawn on.
class StatusColors
{
public:
    enum class Kind { Positive, Warning, Negative };

    // Text in this kind on the palette's window background (labels, the status bar).
    static QColor text(Kind kind, const QPalette &palette);
    // A background tint of this kind on the palette's base colour (cells, bars), weak or strong,
    // under which the palette's text stays readable.
    static QColor tint(Kind kind, const QPalette &palette, qreal strength = 0.3);

    static QColor hue(Kind kind);
    // WCAG 2 contrast ratio a text colour keeps here (4.5 is the AA level for body text).
    static constexpr qreal MinimumTextContrast = 4.5;
};

} // namespace Countersign
