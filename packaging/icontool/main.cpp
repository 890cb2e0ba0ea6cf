// countersign-icontool: renders the app's SVG icon into the raster forms installers need, at
// build time, so only the SVG is kept in the tree:
//   --hicolor DIR   DIR/<n>x<n>/apps/NAME.png for the freedesktop hicolor theme
//   --iconset DIR   DIR/icon_<n>x<n>[@2x].png, the input of macOS iconutil (-> .icns)
//   --ico FILE      a Windows .ico holding PNG images of 16 to 256 pixels
// Not a test or a shipped program: a build tool of packaging/.
#include <QBuffer>
#include <QCommandLineParser>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextStream>

#include <optional>

namespace {

std::optional<QImage> render(QSvgRenderer &svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    // A fully transparent picture means the SVG did not render: fail the build, not the user.
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(line[x]) != 0)
                return image.convertToFormat(QImage::Format_ARGB32);
        }
    }
    return std::nullopt;
}

bool savePng(const QImage &image, const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    return image.save(path, "PNG");
}

QByteArray pngBytes(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// ICO with PNG entries (Windows Vista and later): a 6-byte header, a 16-byte directory entry
// per image, then the PNG files. Little-endian; a width or height of 0 means 256.
bool saveIco(const QList<QImage> &images, const QString &path)
{
    QList<QByteArray> pngs;
    for (const QImage &image : images)
        pngs.append(pngBytes(image));
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setByteOrder(QDataStream::LittleEndian);
    s << quint16(0) << quint16(1) << quint16(images.size());
    quint32 offset = 6 + 16 * quint32(images.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        const int size = images.at(i).width();
        s << quint8(size >= 256 ? 0 : size) << quint8(size >= 256 ? 0 : size) << quint8(0) << quint8(0) << quint16(1)
          << quint16(32) << quint32(pngs.at(i).size()) << offset;
        offset += quint32(pngs.at(i).size());
    }
    for (const QByteArray &png : std::as_const(pngs))
        out.append(png);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(out) == out.size() && file.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    // A build step needs no display.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Render an SVG icon for installers."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("svg"), QStringLiteral("the icon"));
    const QCommandLineOption name(
        QStringLiteral("name"), QStringLiteral("icon name in the hicolor theme"), QStringLiteral("NAME"));
    const QCommandLineOption hicolor(
        QStringLiteral("hicolor"), QStringLiteral("write a hicolor theme tree here"), QStringLiteral("DIR"));
    const QCommandLineOption iconset(
        QStringLiteral("iconset"), QStringLiteral("write a macOS .iconset here"), QStringLiteral("DIR"));
    const QCommandLineOption ico(QStringLiteral("ico"), QStringLiteral("write a Windows .ico"), QStringLiteral("FILE"));
    parser.addOptions({name, hicolor, iconset, ico});
    parser.process(app);

    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << "usage: countersign-icontool SVG [--name NAME --hicolor DIR] [--iconset DIR] [--ico FILE]\n";
        return 2;
    }
    QSvgRenderer svg(parser.positionalArguments().constFirst());
    if (!svg.isValid()) {
        err << "countersign-icontool: cannot read " << parser.positionalArguments().constFirst() << '\n';
        return 1;
    }
    auto image = [&](int size) {
        auto rendered = render(svg, size);
        if (!rendered)
            err << "countersign-icontool: the icon renders empty at " << size << " px\n";
        return rendered;
    };

    if (parser.isSet(hicolor)) {
        const QString iconName = parser.isSet(name) ? parser.value(name) : QStringLiteral("countersign");
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
            const auto rendered = image(size);
            const QString path
                = parser.value(hicolor) + QStringLiteral("/%1x%1/apps/").arg(size) + iconName + QStringLiteral(".png");
            if (!rendered || !savePng(*rendered, path))
                return 1;
        }
    }
    if (parser.isSet(iconset)) {
        for (int size : {16, 32, 128, 256, 512}) {
            const auto normal = image(size);
            const auto retina = image(2 * size);
            const QString base = parser.value(iconset) + QStringLiteral("/icon_%1x%1").arg(size);
            if (!normal || !retina || !savePng(*normal, base + QStringLiteral(".png"))
                || !savePng(*retina, base + QStringLiteral("@2x.png")))
                return 1;
        }
    }
    if (parser.isSet(ico)) {
        QList<QImage> images;
        for (int size : {16, 24, 32, 48, 64, 256}) {
            auto rendered = image(size);
            if (!rendered)
                return 1;
            images.append(*rendered);
        }
        if (!saveIco(images, parser.value(ico))) {
            err << "countersign-icontool: cannot write " << parser.value(ico) << '\n';
            return 1;
        }
    }
    return 0;
}
