#include "diff/diffcolors.h"
#include "diff/syntaxrepository.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QTest>

#include <cmath>

using namespace Countersign;
using namespace Qt::StringLiterals;

namespace {

// WCAG relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

double distance(const QColor &a, const QColor &b)
{
    return std::abs(a.redF() - b.redF()) + std::abs(a.greenF() - b.greenF()) + std::abs(a.blueF() - b.blueF());
}

} // namespace

class TestDiffColors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTheme_data()
    {
        QTest::addColumn<QString>("theme");
        const QStringList names = SyntaxRepository::themeNames();
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << name;
    }

    void everyTheme()
    {
        QFETCH(QString, theme);
        const DiffColors c = DiffColors::fromTheme(SyntaxRepository::theme(theme));

        // Added leans green and removed leans red, relative to the background they come from.
        const auto greenShift = [&c](const QColor &x) {
            return (x.greenF() - c.background.greenF()) - (x.redF() - c.background.redF());
        };
        QVERIFY2(greenShift(c.addedBackground) > 0.02, qPrintable(c.addedBackground.name()));
        QVERIFY2(greenShift(c.removedBackground) < -0.02, qPrintable(c.removedBackground.name()));
        // The changed words stand out from their line.
        QVERIFY(distance(c.addedEmphasis, c.background) > distance(c.addedBackground, c.background) + 0.05);
        QVERIFY(distance(c.removedEmphasis, c.background) > distance(c.removedBackground, c.background) + 0.05);
        // The tint never costs the text its readability: AA contrast on changed lines, 3:1 on
        // changed words, or close to what the theme itself offers when that is lower.
        const double base = contrast(c.text, c.background);
        QCOMPARE(DiffColors::contrastRatio(c.text, c.background), base);
        const double line = qMin(4.5, base * 0.85) * 0.95; // the floor of the tint may cost a little
        const double word = qMin(3.0, base * 0.7) * 0.95;
        QVERIFY2(contrast(c.text, c.addedBackground) >= line, qPrintable(QString::number(base)));
        QVERIFY2(contrast(c.text, c.removedBackground) >= line, qPrintable(QString::number(base)));
        QVERIFY2(contrast(c.text, c.addedEmphasis) >= word, qPrintable(QString::number(base)));
        QVERIFY2(contrast(c.text, c.removedEmphasis) >= word, qPrintable(QString::number(base)));
        QCOMPARE(c.dark, c.background.lightnessF() < 0.5);
    }

    void lightAndDarkDiffer()
    {
        const DiffColors light = DiffColors::fromTheme(SyntaxRepository::theme(u"Breeze Light"_s));
        const DiffColors dark = DiffColors::fromTheme(SyntaxRepository::theme(u"Breeze Dark"_s));
        QVERIFY(!light.dark);
        QVERIFY(dark.dark);
        QVERIFY(light.addedBackground.lightnessF() > 0.8);
        QVERIFY(dark.addedBackground.lightnessF() < 0.35);
        QVERIFY(light.removedBackground.lightnessF() > 0.8);
        QVERIFY(dark.removedBackground.lightnessF() < 0.35);
    }

    void invalidThemeStillGivesColours()
    {
        const DiffColors c = DiffColors::fromTheme(KSyntaxHighlighting::Theme());
        QVERIFY(c.background.isValid());
        QVERIFY(c.addedBackground.isValid());
        QVERIFY(c.addedBackground != c.background);
    }

    void blend()
    {
        QCOMPARE(DiffColors::blend(Qt::black, Qt::white, 0.0), QColor(Qt::black));
        QCOMPARE(DiffColors::blend(Qt::black, Qt::white, 1.0), QColor(Qt::white));
        QCOMPARE(DiffColors::blend(Qt::black, Qt::white, 2.0), QColor(Qt::white));
        QCOMPARE(DiffColors::blend(QColor(0, 0, 0), QColor(200, 100, 50), 0.5).rgb(), QColor(100, 50, 25).rgb());
    }
};

QTEST_MAIN(TestDiffColors)
#include "tst_diffcolors.moc"
