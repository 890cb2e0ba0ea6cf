#include "style/palettestyle.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

namespace Countersign {

PaletteStyle::PaletteStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{
    setObjectName(QStringLiteral("countersign-fusion"));
}

QColor PaletteStyle::indicatorOutline(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    constexpr float TextShare = 0.45f;
    return QColor::fromRgbF(text.redF() * TextShare + base.redF() * (1 - TextShare),
        text.greenF() * TextShare + base.greenF() * (1 - TextShare),
        text.blueF() * TextShare + base.blueF() * (1 - TextShare));
}

void PaletteStyle::drawPrimitive(
    PrimitiveElement element, const QStyleOption *option, QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    if (element != PE_IndicatorCheckBox && element != PE_IndicatorRadioButton)
        return;
    // Focus shows in the highlight colour, which Fusion already draws visibly.
    if ((option->state & State_HasFocus) && (option->state & State_KeyboardFocusChange))
        return;
    QColor outline = indicatorOutline(option->palette);
    if (!(option->state & State_Enabled))
        outline.setAlphaF(0.5f);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(outline, 1));
    painter->setBrush(Qt::NoBrush);
    const QRectF rect = QRectF(option->rect).adjusted(0.5, 0.5, -1.5, -1.5);
    if (element == PE_IndicatorRadioButton)
        painter->drawEllipse(rect.adjusted(1, 1, 0, 0));
    else
        painter->drawRect(rect);
    painter->restore();
}

} // namespace Countersign
