#include "queue/queuemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QItemSelectionModel>
#include <QTest>

using namespace Countersign;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::UTC);

Action pending(
    int i, const QString &category = QStringLiteral("finance"), const QString &type = QStringLiteral("refund.issue"))
{
    Action a;
    a.id = QStringLiteral("id-%1").arg(i, 6, 10, QLatin1Char('0'));
    a.type = type;
    a.category = category;
    a.title = QStringLiteral("Action number %1").arg(i);
    a.agent = i % 2 ? QStringLiteral("support-bot") : QStringLiteral("ops-bot");
    a.confidence = (i % 100) / 100.0;
    a.createdAt = T0.addSecs(i);
    a.slaDueAt = a.createdAt.addSecs(3600);
    a.state = ActionState::Pending;
    return a;
}

} // namespace

class TestQueueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveUpdatesKeepModelConsistent()
    {
        QueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QList<Action> initial;
        for (int i = 0; i < 50; ++i)
            initial << pending(i);
        model.resetActions(initial);
        QCOMPARE(model.rowCount(), 50);

        model.upsert(pending(100)); // new
        QCOMPARE(model.rowCount(), 51);
        Action changed = pending(10);
        changed.version = 2;
        changed.claimedBy = QStringLiteral("alice");
        changed.leaseExpiresAt = T0.addSecs(7200);
        model.setNow(T0.addSecs(60));
        model.upsert(changed);
        QCOMPARE(model.rowCount(), 51);
        QCOMPARE(model.data(model.index(model.rowOf(changed.id), QueueModel::ClaimedByColumn)).toString(),
            QStringLiteral("alice"));

        Action stale = pending(10); // version 1 arriving after version 2
        model.upsert(stale);
        QCOMPARE(model.findAction(changed.id)->claimedBy, QStringLiteral("alice"));

        Action decided = pending(20);
        decided.state = ActionState::Approved;
        decided.version = 2;
        model.upsert(decided);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.rowOf(decided.id), -1);
        // a late event from before the decision does not bring it back
        Action late = pending(20);
        late.version = 1;
        model.upsert(late);
        QCOMPARE(model.rowOf(decided.id), -1);
        QCOMPARE(model.rowCount(), 50);
        // the index stays right for rows after the removed one
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.rowOf(model.action(r).id), r);
    }

    void selectionSurvivesRemovals()
    {
        QueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto &proxy = model;
        model.sort(QueueModel::ConfidenceColumn, Qt::DescendingOrder);
        QList<Action> initial;
        for (int i = 0; i < 20; ++i)
            initial << pending(i);
        model.resetActions(initial);

        QItemSelectionModel selection(&proxy);
        const QModelIndex target = proxy.index(10, 0);
        const QString targetId = target.data(QueueModel::ActionIdRole).toString();
        selection.setCurrentIndex(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        model.remove(pending(3).id);
        model.upsert(pending(500));
        QCOMPARE(selection.currentIndex().data(QueueModel::ActionIdRole).toString(), targetId);
        // re-sorting and filtering keep the selection on the same action
        model.sort(QueueModel::AgeColumn, Qt::AscendingOrder);
        QCOMPARE(selection.currentIndex().data(QueueModel::ActionIdRole).toString(), targetId);
        QueueFilter f;
        f.text = QStringLiteral("number 9");
        model.setFilter(f);
        QCOMPARE(selection.currentIndex().data(QueueModel::ActionIdRole).toString(), targetId);
        f.text = QStringLiteral("number 2");
        model.setFilter(f);
        QVERIFY(!selection.currentIndex().isValid());
        QVERIFY(selection.selectedRows().isEmpty());
        // an update that moves the row in the sort order keeps it selected
        model.setFilter({});
        model.sort(QueueModel::ConfidenceColumn, Qt::AscendingOrder);
        const QModelIndex first = model.index(0, 0);
        const QString firstId = first.data(QueueModel::ActionIdRole).toString();
        selection.setCurrentIndex(first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        Action moved = *model.findAction(firstId);
        moved.version += 1;
        moved.confidence = 0.995;
        model.upsert(moved);
        QCOMPARE(selection.currentIndex().row(), model.rowCount() - 1);
        QCOMPARE(selection.currentIndex().data(QueueModel::ActionIdRole).toString(), firstId);
    }

    void filtersAndSorting()
    {
        QueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Action> initial;
        for (int i = 0; i < 30; ++i)
            initial << pending(i, i % 3 ? QStringLiteral("finance") : QStringLiteral("data"),
                i % 2 ? QStringLiteral("refund.issue") : QStringLiteral("db.query"));
        initial[4].claimedBy = QStringLiteral("me");
        initial[4].leaseExpiresAt = T0.addSecs(9999);
        initial[7].escalated = true;
        model.resetActions(initial);

        auto &proxy = model;
        QueueFilter f;
        f.category = QStringLiteral("data");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 10);
        f.type = QStringLiteral("db.query");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 5); // i % 6 == 0
        model.setFilter({});
        f = {};
        f.text = QStringLiteral("NUMBER 2");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 11); // 2, 20..29
        f = {};
        f.mineOnly = true;
        f.me = QStringLiteral("me");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 1);
        f = {};
        f.escalatedOnly = true;
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 1);
        model.setFilter({});
        QCOMPARE(model.totalCount(), 30);
        QCOMPARE(model.categories(), QStringList({QStringLiteral("data"), QStringLiteral("finance")}));

        // a live insert lands at its sorted place and respects the filter
        f = {};
        f.category = QStringLiteral("finance");
        model.setFilter(f);
        model.sort(QueueModel::AgeColumn, Qt::DescendingOrder);
        model.upsert(pending(1000, QStringLiteral("finance")));
        QCOMPARE(model.index(0, 0).data(QueueModel::ActionIdRole).toString(), pending(1000).id);
        model.upsert(pending(1001, QStringLiteral("data")));
        QCOMPARE(model.rowCount(), 21);
        QCOMPARE(model.totalCount(), 32);
        QVERIFY(model.findAction(pending(1001).id));
        QCOMPARE(model.rowOf(pending(1001).id), -1);
        model.remove(pending(1000).id);
        model.remove(pending(1001).id);
        model.setFilter({});

        proxy.sort(QueueModel::ConfidenceColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(QueueModel::ActionIdRole).toString(), pending(29).id);

        model.setGrouping(QueueModel::Grouping::Category);
        proxy.sort(QueueModel::AgeColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, QueueModel::CategoryColumn).data().toString(), QStringLiteral("data"));
        QCOMPARE(proxy.index(10, QueueModel::CategoryColumn).data().toString(), QStringLiteral("finance"));
        QCOMPARE(proxy.index(0, 0).data(QueueModel::ActionIdRole).toString(), pending(0).id);
        QCOMPARE(proxy.index(1, 0).data(QueueModel::ActionIdRole).toString(), pending(3).id);
        QCOMPARE(model.visibleIds().size(), 30);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.rowOf(model.action(r).id), r);
    }

    void slaColours()
    {
        Action a = pending(0);
        QCOMPARE(QueueModel::slaFraction(a, a.createdAt), 0.0);
        QCOMPARE(QueueModel::slaFraction(a, a.createdAt.addSecs(1800)), 0.5);
        QCOMPARE(QueueModel::slaFraction(a, a.createdAt.addSecs(7200)), 2.0);
        QueueModel model;
        model.resetActions({a});
        model.setNow(a.createdAt.addSecs(60));
        QVERIFY(!model.index(0, QueueModel::AgeColumn).data(Qt::BackgroundRole).isValid());
        model.setNow(a.createdAt.addSecs(4000));
        QVERIFY(model.index(0, QueueModel::AgeColumn).data(Qt::BackgroundRole).value<QColor>().isValid());
        QCOMPARE(model.index(0, QueueModel::AgeColumn).data().toString(), QStringLiteral("1 h 6 min"));
    }
};

QTEST_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
