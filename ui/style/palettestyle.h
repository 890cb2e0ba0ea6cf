#pragma once

#include <QProxyStyle>

namespace Countersign {

// Fusion for the Light and Dark themes, with one fix: Fusion outlines check boxes and radio
// buttons in the window colour darkened, which vanishes on a dark palette (a dark box on a dark
// view). This draws those outlines from the text colour instead, so they show on both.
class PaletteStyle : public QProxyStyle
{
    Q_OBJECT

public:
    PaletteStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
        const QWidget *widget = nullptr) const override;

    // The outline used for indicators: the text colour faded into the base colour.
    static QColor indicatorOutline(const QPalette &palette);
};

} // namespace Countersign
