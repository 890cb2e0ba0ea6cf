#include "queue/queuegroupmodel.h"
#include "queue/queuemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QTest>

using namespace Countersign;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::UTC);

Action pending(int i, const QString &category)
{
    Action a;
    a.id = QStringLiteral("id-%1").arg(i, 6, 10, QLatin1Char('0'));
    a.type = i % 2 ? QStringLiteral("refund.issue") : QStringLiteral("db.query");
    a.category = category;
    a.title = QStringLiteral("Action number %1").arg(i);
    a.agent = QStringLiteral("bot");
    a.confidence = (i % 100) / 100.0;
    a.createdAt = T0.addSecs(i);
    a.slaDueAt = a.createdAt.addSecs(3600);
    a.state = ActionState::Pending;
    return a;
}

QString categoryOf(int i)
{
    static const QString names[] = {QStringLiteral("data"), QStringLiteral("finance"), QStringLiteral("ops")};
    return names[i % 3];
}

// The grouped model must say exactly what a fresh computation from QueueModel's rows says.
void verifyGroups(const QueueGroupModel &groups)
{
    const QueueModel &queue = *groups.queue();
    if (!groups.isGrouped()) {
        QCOMPARE(groups.rowCount(), queue.rowCount());
        for (int r = 0; r < queue.rowCount(); ++r) {
            QCOMPARE(groups.index(r, 0).data(QueueModel::ActionIdRole).toString(), queue.action(r).id);
            QCOMPARE(groups.sourceRow(groups.index(r, 0)), r);
        }
        return;
    }
    QStringList names;
    QList<int> counts;
    for (int r = 0; r < queue.rowCount(); ++r) {
        const QString name = queue.groupOf(queue.action(r));
        if (names.isEmpty() || names.constLast() != name) {
            names << name;
            counts << 0;
        }
        ++counts.last();
    }
    QCOMPARE(groups.rowCount(), names.size());
    int row = 0;
    for (int g = 0; g < names.size(); ++g) {
        const QModelIndex header = groups.index(g, 0);
        QVERIFY(groups.isGroup(header));
        QCOMPARE(header.data(QueueModel::GroupRole).toString(), names.at(g));
        QCOMPARE(header.data(QueueModel::GroupCountRole).toInt(), counts.at(g));
        QCOMPARE(header.data().toString(), QStringLiteral("%1 (%L2)").arg(names.at(g)).arg(counts.at(g)));
        QVERIFY(header.data(QueueModel::ActionIdRole).toString().isEmpty());
        QCOMPARE(groups.rowCount(header), counts.at(g));
        for (int c = 0; c < counts.at(g); ++c, ++row) {
            const QModelIndex child = groups.index(c, QueueModel::TitleColumn, header);
            QCOMPARE(child.parent(), header);
            QCOMPARE(child.data(QueueModel::ActionIdRole).toString(), queue.action(row).id);
            QCOMPARE(child.data().toString(), queue.action(row).title);
            QCOMPARE(groups.sourceRow(child), row);
            QCOMPARE(groups.indexOfSourceRow(row, QueueModel::TitleColumn), child);
            QCOMPARE(groups.groupOfSourceRow(row), g);
        }
    }
}

} // namespace

class TestQueueGroupModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flatModePassesRowsThrough()
    {
        QueueModel queue;
        QueueGroupModel groups(&queue);
        QAbstractItemModelTester tester(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Action> initial;
        for (int i = 0; i < 30; ++i)
            initial << pending(i, categoryOf(i));
        queue.resetActions(initial);
        QVERIFY(!groups.isGrouped());
        verifyGroups(groups);

        QItemSelectionModel selection(&groups);
        const QString targetId = queue.action(12).id;
        selection.setCurrentIndex(groups.index(12, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        queue.upsert(pending(100, QStringLiteral("data")));
        queue.remove(pending(3, categoryOf(3)).id);
        Action moved = pending(20, categoryOf(20));
        moved.version = 2;
        moved.createdAt = T0.addSecs(-100); // moves to the top
        queue.upsert(moved);
        queue.sort(QueueModel::ConfidenceColumn, Qt::DescendingOrder);
        verifyGroups(groups);
        QCOMPARE(selection.currentIndex().data(QueueModel::ActionIdRole).toString(), targetId);
        QCOMPARE(groups.rowCount(), 30);
    }

    void groupedModeFollowsLiveUpdates()
    {
        QueueModel queue;
        QueueGroupModel groups(&queue);
        QAbstractItemModelTester tester(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Action> initial;
        for (int i = 0; i < 30; ++i)
            initial << pending(i, categoryOf(i));
        queue.resetActions(initial);
        queue.setGrouping(QueueModel::Grouping::Category);
        QVERIFY(groups.isGrouped());
        QCOMPARE(groups.rowCount(), 3);
        verifyGroups(groups);

        // A persistent index on an action follows it through every kind of change.
        const QString targetId = pending(13, categoryOf(13)).id; // finance
        QPersistentModelIndex target = groups.indexOfId(targetId, QueueModel::TitleColumn);
        QPersistentModelIndex financeHeader = groups.index(1, 0);
        const auto check = [&] {
            verifyGroups(groups);
            QCOMPARE(target.data(QueueModel::ActionIdRole).toString(), targetId);
        };

        queue.upsert(pending(100, QStringLiteral("finance"))); // into an existing group
        check();
        QCOMPARE(financeHeader.data(QueueModel::GroupCountRole).toInt(), 11);
        queue.upsert(pending(101, QStringLiteral("audit"))); // a new group before the others
        check();
        QCOMPARE(groups.rowCount(), 4);
        QCOMPARE(financeHeader.row(), 2);
        queue.upsert(pending(102, QStringLiteral("zeta"))); // a new group at the end
        check();
        queue.remove(pending(101, {}).id); // the last of its group: the header goes too
        check();
        QCOMPARE(groups.rowCount(), 4);
        queue.remove(pending(4, {}).id); // from the middle of a group
        check();

        Action within = pending(16, QStringLiteral("finance")); // moves inside its group
        within.version = 2;
        within.createdAt = T0.addSecs(-50);
        queue.upsert(within);
        check();
        Action across = pending(0, QStringLiteral("ops")); // data -> ops: a move between groups
        across.version = 2;
        queue.upsert(across);
        check();
        Action lone = pending(102, QStringLiteral("finance")); // zeta's only item leaves: header removed
        lone.version = 2;
        queue.upsert(lone);
        check();
        QCOMPARE(groups.rowCount(), 3);
        Action split = pending(27, QStringLiteral("data")); // the last data row becomes "data2" in place
        split.version = 2;
        split.category = QStringLiteral("data2");
        split.createdAt = T0.addSecs(10000); // still sorted last within "data"...
        queue.upsert(split);
        check();

        // Sorting, filtering and a reload keep the grouping consistent.
        queue.sort(QueueModel::ConfidenceColumn, Qt::DescendingOrder);
        check();
        QueueFilter f;
        f.text = QStringLiteral("number 1");
        queue.setFilter(f);
        check();
        QVERIFY(target.isValid());
        queue.setFilter({});
        check();
        queue.setGrouping(QueueModel::Grouping::Type);
        check();
        QCOMPARE(groups.rowCount(), 2);
        queue.setNow(T0.addSecs(600));
        check();
        queue.setGrouping(QueueModel::Grouping::None);
        check();
        QVERIFY(!financeHeader.isValid());
        queue.setGrouping(QueueModel::Grouping::Category);
        queue.resetActions(initial);
        verifyGroups(groups);
    }

    void idsInGroupAreTheVisibleOnes()
    {
        QueueModel queue;
        QueueGroupModel groups(&queue);
        QList<Action> initial;
        for (int i = 0; i < 12; ++i)
            initial << pending(i, categoryOf(i));
        queue.resetActions(initial);
        queue.setGrouping(QueueModel::Grouping::Category);
        QueueFilter f;
        f.type = QStringLiteral("db.query"); // even numbers
        queue.setFilter(f);
        QCOMPARE(
            groups.idsInGroup(0), QStringList({pending(0, {}).id, pending(6, {}).id})); // data: 0, 3, 6, 9 -> even ones
        QVERIFY(groups.idsInGroup(7).isEmpty());
        QCOMPARE(groups.flags(groups.index(0, 0)) & Qt::ItemIsSelectable, Qt::NoItemFlags);
    }

    void liveUpdatesStayCheapWhenGrouped()
    {
        // 20k rows in 5 groups: 500 live inserts and removals must not rebuild anything.
        QueueModel queue;
        QueueGroupModel groups(&queue);
        QList<Action> initial;
        for (int i = 0; i < 20000; ++i)
            initial << pending(i, QStringLiteral("c%1").arg(i % 5));
        queue.resetActions(initial);
        queue.setGrouping(QueueModel::Grouping::Category);
        int layouts = 0;
        connect(&groups, &QAbstractItemModel::layoutChanged, this, [&layouts] {
            ++layouts;
        });
        for (int i = 0; i < 500; ++i) {
            queue.upsert(pending(100000 + i, QStringLiteral("c%1").arg(i % 5)));
            queue.remove(pending(i * 7, {}).id);
        }
        QCOMPARE(layouts, 0);
        verifyGroups(groups);
    }
};

QTEST_MAIN(TestQueueGroupModel)
#include "tst_queuegroupmodel.moc"
