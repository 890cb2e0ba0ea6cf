#include "style/svgiconengine.h"

#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPaintDevice>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

#include <cmath>

namespace Countersign {

namespace {

// Disabled icons keep their shape but fade, as Breeze does.
constexpr qreal DisabledOpacity = 0.45;

} // namespace

SvgIconEngine::SvgIconEngine(const QString &fileName)
    : m_fileName(fileName)
{
    QFile file(fileName);
    if (file.open(QIODevice::ReadOnly))
        m_svg = file.readAll();
}

QColor SvgIconEngine::colorFor(QIcon::Mode mode) const
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

QByteArray SvgIconEngine::svgFor(QIcon::Mode mode) const
{
    QByteArray svg = m_svg;
    svg.replace("currentColor", colorFor(mode).name(QColor::HexRgb).toLatin1());
    return svg;
}

QImage SvgIconEngine::render(const QSize &pixels, QIcon::Mode mode) const
{
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QSvgRenderer renderer(svgFor(mode));
    if (!renderer.isValid())
        return image;
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.setAspectRatioMode(Qt::KeepAspectRatio);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
    if (mode == QIcon::Disabled) {
        // Fade the finished image, not each shape: overlapping shapes would otherwise add up.
        painter.setCompositionMode(QPainter::CompositionMode_DestinationIn);
        painter.fillRect(image.rect(), QColor(0, 0, 0, qRound(255 * DisabledOpacity)));
    }
    return image;
}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    if (mode == QIcon::Disabled) {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, dpr));
        return;
    }
    QSvgRenderer renderer(svgFor(mode));
    if (!renderer.isValid())
        return;
    renderer.setAspectRatioMode(Qt::KeepAspectRatio);
    renderer.render(painter, QRectF(rect)); // straight vector drawing, sharp at any scale
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap SvgIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale)
{
    Q_UNUSED(state)
    const QSize pixels(int(std::ceil(size.width() * scale)), int(std::ceil(size.height() * scale)));
    if (pixels.isEmpty() || m_svg.isEmpty())
        return {};
    // The colour is part of the key, so a theme switch never shows stale pixmaps.
    const QString cacheKey = QStringLiteral("countersign-svg:%1:%2x%3:%4:%5")
                                 .arg(m_fileName)
                                 .arg(pixels.width())
                                 .arg(pixels.height())
                                 .arg(int(mode))
                                 .arg(colorFor(mode).rgba());
    QPixmap pixmap;
    if (!QPixmapCache::find(cacheKey, &pixmap)) {
        pixmap = QPixmap::fromImage(render(pixels, mode));
        QPixmapCache::insert(cacheKey, pixmap);
    }
    pixmap.setDevicePixelRatio(scale);
    return pixmap;
}

QSize SvgIconEngine::actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(mode)
    Q_UNUSED(state)
    return size; // vector: any size is exact
}

QList<QSize> SvgIconEngine::availableSizes(QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(mode)
    Q_UNUSED(state)
    return {QSize(16, 16), QSize(22, 22), QSize(32, 32), QSize(48, 48), QSize(64, 64), QSize(128, 128)};
}

QIconEngine *SvgIconEngine::clone() const
{
    return new SvgIconEngine(*this);
}

QString SvgIconEngine::key() const
{
    return QStringLiteral("CountersignSvgIconEngine");
}

QString SvgIconEngine::iconName()
{
    return QFileInfo(m_fileName).completeBaseName();
}

bool SvgIconEngine::isNull()
{
    return m_svg.isEmpty();
}

} // namespace Countersign
