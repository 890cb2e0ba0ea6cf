// newActionId: version 7 UUIDs whose text sorts by creation time, so the stores' id indexes
// grow at one edge; unique within one millisecond.
#include "domain/actionid.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

using namespace Countersign;

class TestActionId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isAVersion7Uuid()
    {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'795'000'000'123, QTimeZone::UTC);
        const QString id = newActionId(now);
        const QUuid uuid(id);
        QVERIFY2(!uuid.isNull(), qPrintable(id));
        QCOMPARE(id.size(), 36);
        QCOMPARE(id.at(14), u'7'); // the version nibble (Qt 6.8's QUuid::version() knows 1-5 only)
        QCOMPARE(uuid.variant(), QUuid::DCE);
        // The first 48 bits are the time in milliseconds.
        QCOMPARE(id.left(8) + id.mid(9, 4), QString::number(now.toMSecsSinceEpoch(), 16).rightJustified(12, u'0'));
    }
    void sortsByTimeAndStaysUnique()
    {
        QDateTime t = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, QTimeZone::UTC);
        QSet<QString> seen;
        QString previous;
        for (int ms = 0; ms < 200; ++ms) {
            t = t.addMSecs(ms % 3 == 0 ? 1 : 997);
            for (int i = 0; i < 50; ++i) { // many ids in one millisecond
                const QString id = newActionId(t);
                QVERIFY(!seen.contains(id));
                seen.insert(id);
                QVERIFY2(previous < id, qPrintable(previous + QLatin1String(" >= ") + id));
            }
            previous = *std::max_element(seen.cbegin(), seen.cend());
        }
        QCOMPARE(seen.size(), 200 * 50);
    }
};

QTEST_GUILESS_MAIN(TestActionId)
#include "tst_actionid.moc"
