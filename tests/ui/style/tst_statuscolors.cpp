// StatusColors on the app's light and dark palettes: every meaning keeps its hue family and a
// readable contrast, and the queue's SLA tints follow the palette the panel hands the model.
#include "diff/diffcolors.h"
#include "queue/queuemodel.h"
#include "style/statuscolors.h"
#include "style/thememanager.h"

#include <QTest>

using namespace Countersign;

class TestStatusColors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textIsReadable_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << ThemeManager::lightPalette();
        QTest::newRow("dark") << ThemeManager::darkPalette();
    }
    void textIsReadable()
    {
        QFETCH(QPalette, palette);
        using K = StatusColors::Kind;
        for (K kind : {K::Positive, K::Warning, K::Negative}) {
            const QColor c = StatusColors::text(kind, palette);
            QVERIFY2(DiffColors::contrastRatio(c, palette.color(QPalette::Window)) >= StatusColors::MinimumTextContrast,
                qPrintable(c.name()));
            // Still the meaning's hue: the dominant channel is the hue's.
            const QColor hue = StatusColors::hue(kind);
            QCOMPARE(qAbs(c.hslHue() - hue.hslHue()) <= 20 || c.hslSaturationF() < 0.2, true);
        }
        // Green is not red on either theme.
        QVERIFY(StatusColors::text(K::Positive, palette).green() > StatusColors::text(K::Negative, palette).green());
    }

    void tintsKeepTheTextReadable_data() { textIsReadable_data(); }
    void tintsKeepTheTextReadable()
    {
        QFETCH(QPalette, palette);
        using K = StatusColors::Kind;
        for (K kind : {K::Warning, K::Negative}) {
            const QColor t = StatusColors::tint(kind, palette, 0.45);
            QVERIFY(t != palette.color(QPalette::Base));
            QVERIFY2(DiffColors::contrastRatio(palette.color(QPalette::Text), t) >= StatusColors::MinimumTextContrast,
                qPrintable(t.name()));
            QCOMPARE(ThemeManager::isDark(palette), t.lightnessF() < 0.5);
        }
    }

    void queueTintsFollowThePalette()
    {
        QueueModel model;
        Action a;
        a.id = QStringLiteral("a1");
        a.title = QStringLiteral("Refund");
        a.type = QStringLiteral("payment.refund");
        a.createdAt = QDateTime(QDate(2026, 12, 4), QTime(10, 0), QTimeZone::UTC);
        a.slaDueAt = a.createdAt.addSecs(600);
        model.upsert(a);
        model.setNow(a.createdAt.addSecs(1200)); // overdue
        const QModelIndex age = model.index(0, QueueModel::AgeColumn);
        model.setPalette(ThemeManager::lightPalette());
        const QColor light = age.data(Qt::BackgroundRole).value<QColor>();
        model.setPalette(ThemeManager::darkPalette());
        const QColor dark = age.data(Qt::BackgroundRole).value<QColor>();
        QVERIFY(light.isValid() && dark.isValid());
        QVERIFY(light.lightnessF() > 0.5);
        QVERIFY(dark.lightnessF() < 0.5);
        QVERIFY(dark.red() > dark.green()); // overdue reads red on dark too
    }
};

QTEST_MAIN(TestStatusColors)
#include "tst_statuscolors.moc"
