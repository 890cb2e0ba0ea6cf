#include "confidencemeter.h"

#include "style/statuscolors.h"

#include <QPainter>
#include <QStyleOption>

namespace Countersign {

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
        float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

ConfidenceMeter::ConfidenceMeter(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateAccessibleText();
}

void ConfidenceMeter::setConfidence(double confidence)
{
    m_confidence = std::clamp(confidence, 0.0, 1.0);
    updateAccessibleText();
    update();
}

void ConfidenceMeter::setThreshold(std::optional<double> threshold)
{
    m_threshold = threshold;
    updateAccessibleText();
    update();
}

void ConfidenceMeter::updateAccessibleText()
{
    QString text = tr("Confidence %1%").arg(qRound(m_confidence * 100));
    if (m_threshold)
        text += u' ' + tr("(policy threshold %1%)").arg(qRound(*m_threshold * 100));
    setAccessibleName(text);
    setToolTip(text);
}

QSize ConfidenceMeter::sizeHint() const
{
    return {220, fontMetrics().height() + 10};
}

QSize ConfidenceMeter::minimumSizeHint() const
{
    return {80, fontMetrics().height() + 10};
}

void ConfidenceMeter::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QRectF bar = QRectF(rect()).adjusted(1, 3, -1, -3);
    const qreal radius = 3;

    p.setPen(QPen(mix(pal.color(QPalette::Window), pal.color(QPalette::WindowText), 0.3), 1));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRoundedRect(bar, radius, radius);

    // Below the threshold the fill turns amber: the reason this item is in review.
    const bool low = m_threshold && m_confidence < *m_threshold;
    const QColor fill = low ? StatusColors::tint(StatusColors::Kind::Warning, pal, 0.75)
                            : mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.75);
    QRectF filled = bar.adjusted(1, 1, -1, -1);
    filled.setWidth(filled.width() * m_confidence);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawRoundedRect(filled, radius - 1, radius - 1);

    if (m_threshold) {
        const qreal x = bar.left() + bar.width() * std::clamp(*m_threshold, 0.0, 1.0);
        p.setPen(QPen(pal.color(QPalette::WindowText), 2));
        p.drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom() + 2));
    }

    p.setPen(pal.color(QPalette::Text));
    p.drawText(bar, Qt::AlignCenter, QStringLiteral("%1%").arg(qRound(m_confidence * 100)));
}

} // namespace Countersign
