#include "diff/diffwidget.h"
#include "diff/editablediffview.h"

#include "testdata.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

using namespace Countersign;
using namespace Qt::StringLiterals;

namespace {

// A pixel differs when one of its channels moves by more than this (anti-aliasing and
// rounding differences between machines stay below it) ...
constexpr int ChannelTolerance = 24;
// ... and an image differs when more than this share of its pixels do.
constexpr double MaxDifferingFraction = 0.001;

QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2a, 0x2e, 0x32);
    const QColor base(0x1b, 0x1e, 0x20);
    const QColor text(0xfc, 0xfc, 0xfc);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, text);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    p.setColor(QPalette::Light, QColor(0x40, 0x46, 0x4c));
    p.setColor(QPalette::Midlight, QColor(0x36, 0x3b, 0x40));
    p.setColor(QPalette::Mid, QColor(0x20, 0x23, 0x26));
    p.setColor(QPalette::Dark, QColor(0x19, 0x1b, 0x1d));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x11, 0x12));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6e, 0x71, 0x75));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6e, 0x71, 0x75));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6e, 0x71, 0x75));
    return p;
}

double differingFraction(const QImage &actual, const QImage &expected, QImage *diff = nullptr)
{
    if (actual.size() != expected.size())
        return 1.0;
    const QImage a = actual.convertToFormat(QImage::Format_RGB32);
    const QImage b = expected.convertToFormat(QImage::Format_RGB32);
    if (diff) {
        *diff = QImage(a.size(), QImage::Format_RGB32);
        diff->fill(Qt::white);
    }
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *lineA = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *lineB = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int delta = qMax(qAbs(qRed(lineA[x]) - qRed(lineB[x])),
                qMax(qAbs(qGreen(lineA[x]) - qGreen(lineB[x])), qAbs(qBlue(lineA[x]) - qBlue(lineB[x]))));
            if (delta > ChannelTolerance) {
                ++differing;
                if (diff)
                    diff->setPixel(x, y, qRgb(255, 0, 0));
            }
        }
    }
    return double(differing) / double(qint64(a.width()) * a.height());
}

} // namespace

// Known diffs rendered at a fixed size, font and theme, compared with the references in
// tests/data/ui/. A missing reference (or COUNTERSIGN_UPDATE_REFERENCES=1) is written and the
// test fails, asking for the image to be looked at and committed.
class TestDiffScreenshots : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DiffWidget> render(bool dark, DiffWidget::Mode mode, bool editable = false)
    {
        auto widget = std::make_unique<DiffWidget>();
        widget->setPalette(dark ? darkPalette() : lightPalette());
        widget->setThemeName(dark ? u"Breeze Dark"_s : u"Breeze Light"_s);
        widget->setViewFont(QFont(u"DejaVu Sans Mono"_s, 9));
        widget->setLanguage(u"python"_s);
        widget->setFileNames(u"agent draft: report.py"_s, u"report.py"_s);
        QSignalSpy updated(widget.get(), &DiffWidget::diffUpdated);
        widget->setTexts(QString::fromUtf8(Test::readData(u"ui/diff/report-before.py"_s)),
            QString::fromUtf8(Test::readData(u"ui/diff/report-after.py"_s)));
        if (!updated.wait(10000))
            return {};
        widget->setMode(mode);
        widget->setEditable(editable);
        widget->resize(980, 640);
        widget->show();
        if (!QTest::qWaitForWindowExposed(widget.get()))
            return {};
        return widget;
    }

    void compareWithReference(const QImage &actual, const QString &name)
    {
        const QString path = QDir::cleanPath(Test::dataPath(u"ui/"_s + name + u".png"_s));
        if (qEnvironmentVariableIntValue("COUNTERSIGN_UPDATE_REFERENCES") == 1 || !QFile::exists(path)) {
            QVERIFY2(actual.save(path), qPrintable(path));
            QFAIL(qPrintable(
                u"Reference image written to %1: look at it, commit it and run the test again."_s.arg(path)));
        }
        const QImage expected(path);
        QVERIFY2(!expected.isNull(), qPrintable(path));
        QImage diff;
        const double fraction = differingFraction(actual, expected, &diff);
        if (fraction > MaxDifferingFraction) {
            // Next to the test binary (the build tree), where it outlives the test run.
            const QString dir = QDir::current().filePath(u"screenshot-failures"_s);
            QDir().mkpath(dir);
            const QString actualPath = dir + u"/"_s + name + u"-actual.png"_s;
            const QString diffPath = dir + u"/"_s + name + u"-diff.png"_s;
            actual.save(actualPath);
            diff.save(diffPath);
            QFAIL(qPrintable(u"%1: %2% of the pixels differ from the reference (%3x%4 vs %5x%6); see %7 and %8. "
                             "If the change is intended, rerun with COUNTERSIGN_UPDATE_REFERENCES=1."_s.arg(name)
                                 .arg(fraction * 100.0, 0, 'f', 2)
                                 .arg(actual.width())
                                 .arg(actual.height())
                                 .arg(expected.width())
                                 .arg(expected.height())
                                 .arg(actualPath, diffPath)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Everything that decides pixels is fixed: style, fonts (DejaVu, present in the build
        // root; no font is bundled), palette and syntax theme.
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setFont(QFont(u"DejaVu Sans"_s, 9));
        QApplication::setEffectEnabled(Qt::UI_AnimateCombo, false);
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<DiffWidget::Mode>("mode");
        QTest::addColumn<bool>("editable");
        QTest::newRow("light side-by-side")
            << u"diff-light-side-by-side"_s << false << DiffWidget::Mode::SideBySide << false;
        QTest::newRow("light unified") << u"diff-light-unified"_s << false << DiffWidget::Mode::Unified << false;
        QTest::newRow("dark side-by-side")
            << u"diff-dark-side-by-side"_s << true << DiffWidget::Mode::SideBySide << false;
        QTest::newRow("dark unified") << u"diff-dark-unified"_s << true << DiffWidget::Mode::Unified << false;
        QTest::newRow("light editable") << u"diff-light-editable"_s << false << DiffWidget::Mode::SideBySide << true;
    }

    void screenshots()
    {
        QFETCH(QString, name);
        QFETCH(bool, dark);
        QFETCH(DiffWidget::Mode, mode);
        QFETCH(bool, editable);
        const std::unique_ptr<DiffWidget> widget = render(dark, mode, editable);
        QVERIFY(widget);
        compareWithReference(widget->grab().toImage(), name);
    }

    // The comparison can fail: the light rendering is not the dark reference, and one changed
    // line of text is caught.
    void comparisonDetectsChanges()
    {
        const QImage darkReference(Test::dataPath(u"ui/diff-dark-side-by-side.png"_s));
        const QImage lightReference(Test::dataPath(u"ui/diff-light-side-by-side.png"_s));
        if (darkReference.isNull() || lightReference.isNull())
            QSKIP("references not written yet");
        std::unique_ptr<DiffWidget> widget = render(false, DiffWidget::Mode::SideBySide);
        QVERIFY(widget);
        const QImage light = widget->grab().toImage();
        QVERIFY(differingFraction(light, lightReference) <= MaxDifferingFraction);
        QVERIFY(differingFraction(light, darkReference) > 0.5);

        QSignalSpy updated(widget.get(), &DiffWidget::diffUpdated);
        widget->setTexts(QString::fromUtf8(Test::readData(u"ui/diff/report-before.py"_s)),
            QString::fromUtf8(Test::readData(u"ui/diff/report-after.py"_s))
                .replace(u"finance team"_s, u"finance crew"_s));
        QVERIFY(updated.wait(10000));
        QVERIFY(differingFraction(widget->grab().toImage(), lightReference) > MaxDifferingFraction);
    }
};

QTEST_MAIN(TestDiffScreenshots)
#include "tst_diffscreenshots.moc"
