// WindowMemory: what the app remembers between runs, under its keys, bounded where it grows.
#include "isolatedsettings.h"
#include "settings/windowmemory.h"

#include <QTest>

using namespace Countersign;

class TestWindowMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Test::isolateSettings(QStringLiteral("tst_windowmemory")); }
    void cleanupTestCase() { Test::removeIsolatedSettings(); }

    void layoutRoundTrips()
    {
        WindowMemory memory;
        QVERIFY(!memory.hasGeometry());
        memory.setLayout("geometry", "state", "splitter");
        const WindowMemory again; // another instance reads the same store
        QVERIFY(again.hasGeometry());
        QCOMPARE(again.geometry(), QByteArray("geometry"));
        QCOMPARE(again.state(), QByteArray("state"));
        QCOMPARE(again.splitter(), QByteArray("splitter"));
        // A window without a splitter keeps the last one.
        memory.setLayout("g2", "s2", QByteArray());
        QCOMPARE(WindowMemory().splitter(), QByteArray("splitter"));
    }

    void queueColumnsOnlyForTheirVersion()
    {
        WindowMemory memory;
        memory.setQueueColumns("columns", 1009);
        QCOMPARE(memory.queueColumns(1009), QByteArray("columns"));
        QVERIFY(memory.queueColumns(1010).isEmpty()); // the columns changed since
    }

    void recentReasonsAreLatestFirstAndBounded()
    {
        WindowMemory memory;
        for (int i = 0; i < 15; ++i)
            memory.rememberReason(QStringLiteral("reason %1").arg(i));
        QStringList reasons = memory.rememberReason(QStringLiteral("reason 7"));
        QCOMPARE(reasons.size(), WindowMemory::MaxRecentReasons);
        QCOMPARE(reasons.first(), QStringLiteral("reason 7"));
        QCOMPARE(reasons.count(QStringLiteral("reason 7")), 1);
        QCOMPARE(reasons.at(1), QStringLiteral("reason 14"));
        QCOMPARE(WindowMemory().recentReasons(), reasons);
    }
};

QTEST_GUILESS_MAIN(TestWindowMemory)
#include "tst_windowmemory.moc"
