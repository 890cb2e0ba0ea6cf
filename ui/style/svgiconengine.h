#pragma once

#include <QIconEngine>

namespace Countersign {

// Draws an SVG icon with QSvgRenderer at exactly the size and device pixel ratio asked, so icons
// stay sharp on high-DPI screens without the Qt SVG icon-engine plugin. The SVG's
// "currentColor" becomes the palette's text colour for the icon's mode (Breeze icons do the
// same through their ColorScheme-Text class), so monochrome glyphs follow light and dark themes
// while accent colours (a green check, a red cross) stay as drawn.
class SvgIconEngine : public QIconEngine
{
public:
    explicit SvgIconEngine(const QString &fileName);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    QString iconName() override;
    bool isNull() override;

private:
    QByteArray svgFor(QIcon::Mode mode) const;
    QImage render(const QSize &pixels, QIcon::Mode mode) const;
    QColor colorFor(QIcon::Mode mode) const;

    QString m_fileName;
    QByteArray m_svg;
};

} // namespace Countersign
