#include "style/icons.h"
#include "style/thememanager.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

// The bundled SVG icons: present, sharp at every size and device pixel ratio, and drawn in the
// palette's text colour where the SVG says currentColor.
class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyIconIsBundled_data();
    void everyIconIsBundled();
    void highDpiPixmapsHaveDevicePixels();
    void glyphsFollowThePalette();
    void disabledIconsFade();
    void themeIconPreferred();

private:
    static int opaquePixels(const QImage &image);
    static double meanLightness(const QImage &image);
};

int TestIcons::opaquePixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
    }
    return n;
}

// Mean lightness of the clearly opaque pixels.
double TestIcons::meanLightness(const QImage &image)
{
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > 200) {
                sum += c.lightness();
                ++n;
            }
        }
    }
    return n ? sum / n : -1;
}

void TestIcons::everyIconIsBundled_data()
{
    QTest::addColumn<int>("icon");
    for (const Icons::Icon icon : Icons::all())
        QTest::newRow(qPrintable(Icons::fileName(icon))) << int(icon);
}

void TestIcons::everyIconIsBundled()
{
    QFETCH(int, icon);
    const auto which = Icons::Icon(icon);
    QVERIFY2(QFile::exists(Icons::resourcePath(which)), qPrintable(Icons::resourcePath(which)));
    const QIcon bundled = Icons::bundled(which);
    QVERIFY(!bundled.isNull());
    QVERIFY(!Icons::icon(which).isNull());
    for (const int size : {16, 22, 32, 64}) {
        const QImage image = bundled.pixmap(QSize(size, size), 1.0).toImage();
        QCOMPARE(image.size(), QSize(size, size));
        // Something is drawn, and it is not a filled square.
        const int opaque = opaquePixels(image);
        QVERIFY2(opaque > size * size / 20, qPrintable(QStringLiteral("%1 px at %2").arg(opaque).arg(size)));
        QVERIFY2(opaque < size * size * 95 / 100, qPrintable(QStringLiteral("%1 px at %2").arg(opaque).arg(size)));
    }
}

void TestIcons::highDpiPixmapsHaveDevicePixels()
{
    const QIcon icon = Icons::bundled(Icons::Approve);
    for (const qreal dpr : {1.0, 1.5, 2.0, 3.0}) {
        const QPixmap pixmap = icon.pixmap(QSize(22, 22), dpr);
        QCOMPARE(pixmap.devicePixelRatio(), dpr);
        QCOMPARE(pixmap.size(), QSize(qCeil(22 * dpr), qCeil(22 * dpr)));
    }
    // Rendered, not scaled up: a 3x pixmap has clean edges, so far more distinct alpha values
    // along the circle than a blown-up 1x pixmap would have blocks.
    const QImage big = icon.pixmap(QSize(22, 22), 3.0).toImage();
    QCOMPARE(big.width(), 66);
    QVERIFY(opaquePixels(big) > 9 * opaquePixels(icon.pixmap(QSize(22, 22), 1.0).toImage()) * 8 / 10);
}

void TestIcons::glyphsFollowThePalette()
{
    const QPalette original = QApplication::palette();
    QApplication::setPalette(ThemeManager::lightPalette());
    const double onLight = meanLightness(Icons::bundled(Icons::Next).pixmap(QSize(48, 48), 1.0).toImage());
    QApplication::setPalette(ThemeManager::darkPalette());
    const double onDark = meanLightness(Icons::bundled(Icons::Next).pixmap(QSize(48, 48), 1.0).toImage());
    QApplication::setPalette(original);
    QVERIFY2(onLight >= 0 && onLight < 80, qPrintable(QString::number(onLight)));
    QVERIFY2(onDark > 180, qPrintable(QString::number(onDark)));

    // Accent colours stay: the approve icon is green in both.
    QApplication::setPalette(ThemeManager::darkPalette());
    const QImage approve = Icons::bundled(Icons::Approve).pixmap(QSize(48, 48), 1.0).toImage();
    QApplication::setPalette(original);
    const QColor edge = approve.pixelColor(24, 4);
    QVERIFY2(edge.green() > edge.red() + 60, qPrintable(edge.name()));
}

void TestIcons::disabledIconsFade()
{
    const QIcon icon = Icons::bundled(Icons::Reject);
    const QImage normal = icon.pixmap(QSize(32, 32), 1.0, QIcon::Normal).toImage();
    const QImage disabled = icon.pixmap(QSize(32, 32), 1.0, QIcon::Disabled).toImage();
    QCOMPARE(qAlpha(normal.pixel(16, 16)), 255);
    QVERIFY(qAlpha(disabled.pixel(16, 16)) < 160);
}

void TestIcons::themeIconPreferred()
{
    // Without an icon theme, ours is used.
    QIcon::setThemeName(QString());
    QIcon::setFallbackThemeName(QString());
    QCOMPARE(Icons::icon(Icons::History).name(), QStringLiteral("history"));

    // With a desktop theme that has "view-history", the theme's icon wins.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("testtheme/16x16/actions")));
    QFile index(dir.filePath(QStringLiteral("testtheme/index.theme")));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("[Icon Theme]\nName=Test\nDirectories=16x16/actions\n\n"
                "[16x16/actions]\nSize=16\nContext=Actions\nType=Fixed\n");
    index.close();
    QImage red(16, 16, QImage::Format_ARGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(dir.filePath(QStringLiteral("testtheme/16x16/actions/view-history.png"))));
    QIcon::setThemeSearchPaths({dir.path()});
    QIcon::setThemeName(QStringLiteral("testtheme"));

    const QIcon themed = Icons::icon(Icons::History);
    QCOMPARE(themed.name(), QStringLiteral("view-history"));
    QCOMPARE(themed.pixmap(QSize(16, 16), 1.0).toImage().pixelColor(8, 8), QColor(Qt::red));
    // Icons the theme lacks still come from us.
    QCOMPARE(Icons::icon(Icons::Batch).name(), QStringLiteral("batch"));
    QIcon::setThemeName(QString());
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
