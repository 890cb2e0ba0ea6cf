#include "queue/queuefilter.h"
#include "queue/queuemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QFont>
#include <QItemSelectionModel>
#include <QSignalSpy>
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

    // My snoozes leave the queue until their time and come back when the clock passes it (no
    // event tells); the Snoozed filter shows only them; someone else's snooze is a marker.
    void snoozesHideAndReturn()
    {
        QueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(T0);
        QueueFilter filter;
        filter.me = QStringLiteral("rita");
        model.setFilter(filter);
        QList<Action> initial;
        for (int i = 0; i < 6; ++i)
            initial << pending(i);
        initial[1].snoozedBy = QStringLiteral("rita");
        initial[1].snoozedUntil = T0.addSecs(600);
        initial[2].snoozedBy = QStringLiteral("sam");
        initial[2].snoozedUntil = T0.addSecs(300);
        initial[3].snoozedBy = QStringLiteral("rita");
        initial[3].snoozedUntil = T0.addSecs(-1); // over already
        model.resetActions(initial);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowOf(initial[1].id), -1);
        const QModelIndex sams = model.index(model.rowOf(initial[2].id), QueueModel::TitleColumn);
        QCOMPARE(sams.data(QueueModel::SnoozedByRole).toString(), QStringLiteral("sam"));
        QVERIFY(sams.data().toString().contains(QStringLiteral("sam")));
        QVERIFY(model.index(model.rowOf(initial[3].id), QueueModel::TitleColumn)
                .data(QueueModel::SnoozedByRole)
                .toString()
                .isEmpty());

        // A live snooze arriving as an event takes my item out at once.
        Action later = initial[4];
        later.version = 2;
        later.snoozedBy = QStringLiteral("rita");
        later.snoozedUntil = T0.addSecs(900);
        model.upsert(later);
        QCOMPARE(model.rowCount(), 4);

        filter.snoozedOnly = true;
        model.setFilter(filter);
        QCOMPARE(model.visibleIds(), (QStringList{initial[1].id, later.id}));
        QCOMPARE(
            model.index(0, QueueModel::TitleColumn).data(QueueModel::SnoozedUntilRole).toDateTime(), T0.addSecs(600));
        filter.snoozedOnly = false;
        model.setFilter(filter);

        // Sam's ends: only its marker goes. Then mine return, each at its time.
        model.setNow(T0.addSecs(300));
        QVERIFY(model.index(model.rowOf(initial[2].id), QueueModel::TitleColumn)
                .data(QueueModel::SnoozedByRole)
                .toString()
                .isEmpty());
        QCOMPARE(model.rowCount(), 4);
        model.setNow(T0.addSecs(599));
        QCOMPARE(model.rowCount(), 4);
        model.setNow(T0.addSecs(600));
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(model.rowOf(initial[1].id) >= 0);
        model.setNow(T0.addSecs(900));
        QCOMPARE(model.rowCount(), 6);
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

    // A late, older event never brings back a decided action, and the memory of departures
    // stays bounded over a long day of decisions.
    void departuresAreRememberedBoundedly()
    {
        QueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 10000; ++i) {
            Action a = pending(i);
            a.version = 1;
            model.upsert(a);
            a.version = 2;
            a.state = ActionState::Approved;
            model.upsert(a);
        }
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.rememberedGone() <= 4096);
        QVERIFY(model.rememberedGone() >= 2048);
        // The latest departures are still remembered: their stale pending copy stays out.
        Action late = pending(9999);
        late.version = 1;
        model.upsert(late);
        QCOMPARE(model.rowCount(), 0);
        // A newer version of a long-forgotten one is a real change and shows.
        Action reopened = pending(0);
        reopened.version = 3;
        model.upsert(reopened);
        QCOMPARE(model.rowCount(), 1);
    }

    void oldestComesFromTheData()
    {
        QueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!model.oldestCreatedAt().isValid());
        QList<Action> initial;
        for (int i = 10; i < 40; ++i)
            initial << pending(i, i % 2 ? QStringLiteral("finance") : QStringLiteral("data"));
        model.resetActions(initial);
        QCOMPARE(model.oldestCreatedAt(), T0.addSecs(10));
        // Whatever the sort order and the filter: row 0 is not the oldest here.
        model.sort(QueueModel::AgeColumn, Qt::DescendingOrder);
        QCOMPARE(model.action(0).createdAt, T0.addSecs(39));
        QCOMPARE(model.oldestCreatedAt(), T0.addSecs(10));
        QueueFilter f;
        f.category = QStringLiteral("finance"); // odd ones: item 10 is filtered out
        model.setFilter(f);
        QCOMPARE(model.oldestCreatedAt(), T0.addSecs(10));
        // Live changes keep it current.
        model.upsert(pending(5, QStringLiteral("data")));
        QCOMPARE(model.oldestCreatedAt(), T0.addSecs(5));
        model.remove(pending(5).id);
        QCOMPARE(model.oldestCreatedAt(), T0.addSecs(10));
        Action decided = pending(10);
        decided.state = ActionState::Approved;
        decided.version = 2;
        model.upsert(decided);
        QCOMPARE(model.oldestCreatedAt(), T0.addSecs(11));
        Action older = pending(20); // an update that changes createdAt replaces the old value
        older.version = 2;
        older.createdAt = T0.addSecs(1);
        model.upsert(older);
        QCOMPARE(model.oldestCreatedAt(), T0.addSecs(1));
        older.version = 3;
        older.createdAt = T0.addSecs(100);
        model.upsert(older);
        QCOMPARE(model.oldestCreatedAt(), T0.addSecs(11));
        model.resetActions({});
        QVERIFY(!model.oldestCreatedAt().isValid());
    }

    void oldestStaysCheapAtScale()
    {
        QueueModel model;
        QList<Action> initial;
        initial.reserve(100000);
        for (int i = 0; i < 100000; ++i)
            initial << pending(100000 - i); // the oldest last
        model.resetActions(initial);
        model.sort(QueueModel::ConfidenceColumn, Qt::AscendingOrder);
        QElapsedTimer timer;
        timer.start();
        QDateTime oldest;
        for (int i = 0; i < 1000; ++i) {
            oldest = model.oldestCreatedAt();
            model.remove(pending(i + 1).id); // removes the oldest each time
        }
        QCOMPARE(oldest, T0.addSecs(1000));
        QCOMPARE(model.oldestCreatedAt(), T0.addSecs(1001));
        // A scan of 100k rows per call would take seconds here.
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void dueColumn()
    {
        QueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Action soon = pending(1);
        soon.slaDueAt = T0.addSecs(12 * 60 + 30);
        Action late = pending(2);
        late.slaDueAt = T0.addSecs(-3 * 60);
        Action none = pending(3);
        none.slaDueAt = {};
        model.resetActions({soon, late, none});
        model.setNow(T0);
        const auto due = [&model](const Action &a) {
            return model.index(model.rowOf(a.id), QueueModel::DueColumn).data().toString();
        };
        QCOMPARE(due(soon), QStringLiteral("in 12 min"));
        QCOMPARE(due(late), QStringLiteral("3 min overdue"));
        QCOMPARE(due(none), QString());
        QCOMPARE(model.headerData(QueueModel::DueColumn, Qt::Horizontal).toString(), QStringLiteral("Due"));
        model.sort(QueueModel::DueColumn, Qt::AscendingOrder);
        QCOMPARE(model.visibleIds(), QStringList({late.id, soon.id, none.id}));
        model.sort(QueueModel::DueColumn, Qt::DescendingOrder);
        QCOMPARE(model.visibleIds(), QStringList({none.id, soon.id, late.id}));
        // Time passes: the texts follow.
        model.setNow(T0.addSecs(13 * 60));
        QCOMPARE(due(soon), QStringLiteral("30 s overdue"));
        QVERIFY(model.index(model.rowOf(late.id), QueueModel::DueColumn).data(Qt::BackgroundRole).isValid());
    }

    void liveArrivalsAreMarkedNew()
    {
        QueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &QueueModel::newCountChanged);
        QList<Action> initial;
        for (int i = 10; i < 20; ++i)
            initial << pending(i);
        model.resetActions(initial);
        QCOMPARE(model.newCount(), 0); // the initial load is not "new"
        QVERIFY(!model.index(0, 0).data(QueueModel::IsNewRole).toBool());

        model.upsert(pending(1, QStringLiteral("data")));
        model.upsert(pending(2, QStringLiteral("finance")));
        QCOMPARE(model.newCount(), 2);
        QCOMPARE(counts.constLast().at(0).toInt(), 2);
        const int row = model.rowOf(pending(1).id);
        QVERIFY(model.index(row, 0).data(QueueModel::IsNewRole).toBool());
        QVERIFY(model.index(row, QueueModel::TitleColumn).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model.firstNewRow(), 0);

        // An update keeps the mark; the filter decides what counts.
        Action updated = pending(1, QStringLiteral("data"));
        updated.version = 2;
        updated.confidence = 0.5;
        model.upsert(updated);
        QVERIFY(model.findAction(updated.id));
        QCOMPARE(model.newCount(), 2);
        QueueFilter f;
        f.category = QStringLiteral("finance");
        model.setFilter(f);
        QCOMPARE(model.newCount(), 1);
        QCOMPARE(model.firstNewRow(), model.rowOf(pending(2).id));
        model.setFilter({});
        QCOMPARE(model.newCount(), 2);

        model.markSeen(pending(1).id);
        QCOMPARE(model.newCount(), 1);
        QVERIFY(!model.index(model.rowOf(pending(1).id), QueueModel::TitleColumn).data(Qt::FontRole).isValid());
        // A reload keeps marks not yet seen; removal drops them.
        model.resetActions(initial + QList<Action>{pending(1), pending(2)});
        QCOMPARE(model.newCount(), 1);
        model.upsert(pending(3));
        QCOMPARE(model.newCount(), 2);
        model.remove(pending(3).id);
        QCOMPARE(model.newCount(), 1);
        model.markAllSeen();
        QCOMPARE(model.newCount(), 0);
        QCOMPARE(model.firstNewRow(), -1);
        QCOMPARE(counts.constLast().at(0).toInt(), 0);
    }
};

QTEST_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
