#include "i18n/translations.h"
#include "queue/queuecolumns.h"
#include "queue/queuegroupmodel.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"

#include "isolatedsettings.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

using namespace Countersign;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::UTC);

Action pending(int i, const QString &category = QStringLiteral("finance"))
{
    Action a;
    a.id = QStringLiteral("id-%1").arg(i, 6, 10, QLatin1Char('0'));
    a.type = i % 2 ? QStringLiteral("refund.issue") : QStringLiteral("email.send_external");
    a.category = category;
    a.title = QStringLiteral("Refund order %1 for a customer who asked twice").arg(i);
    a.agent = QStringLiteral("support-bot");
    a.confidence = (i % 100) / 100.0;
    a.createdAt = T0.addSecs(i);
    a.slaDueAt = a.createdAt.addSecs(3600);
    a.state = ActionState::Pending;
    return a;
}

QList<Action> actions(int from, int to)
{
    static const QString categories[]
        = {QStringLiteral("communications"), QStringLiteral("finance"), QStringLiteral("operations")};
    QList<Action> list;
    for (int i = from; i < to; ++i)
        list << pending(i, categories[i % 3]);
    return list;
}

void useLanguage(const QString &language)
{
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    Translations::install(*qApp, QLocale(language));
}

int visibleSectionsWidth(const QHeaderView *header)
{
    int sum = 0;
    for (int c = 0; c < header->count(); ++c)
        sum += header->isSectionHidden(c) ? 0 : header->sectionSize(c);
    return sum;
}

QString idAt(const QTreeView *view, const QPoint &point)
{
    return view->indexAt(point).data(QueueModel::ActionIdRole).toString();
}

} // namespace

class TestQueuePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Test::isolateSettings(QStringLiteral("tst_queuepanel")); }
    void cleanupTestCase() { Test::removeIsolatedSettings(); }
    void init()
    {
        QSettings().clear(); // each test starts without saved columns
        useLanguage(QStringLiteral("en"));
    }

    void titleTakesTheRestAndStaysResizable()
    {
        QueueModel model;
        model.resetActions(actions(0, 50));
        QueuePanel panel(&model);
        panel.resize(380, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QHeaderView *header = panel.view()->header();
        const int minimum = panel.columns()->minimumTitleWidth();
        QVERIFY(minimum >= panel.fontMetrics().averageCharWidth() * 15);
        QVERIFY2(header->sectionSize(QueueModel::TitleColumn) >= minimum,
            qPrintable(QString::number(header->sectionSize(QueueModel::TitleColumn))));

        // Filtering and clearing the filter do not starve it.
        auto *text = panel.findChild<QLineEdit *>(QStringLiteral("queueFilterText"));
        text->setText(QStringLiteral("order 1"));
        text->clear();
        QVERIFY(header->sectionSize(QueueModel::TitleColumn) >= minimum);

        // Wide: the title takes what the other columns leave.
        panel.resize(1400, 500);
        QTRY_COMPARE(visibleSectionsWidth(header), panel.view()->viewport()->width());
        QVERIFY(header->sectionSize(QueueModel::TitleColumn) > minimum);
        // Another column grows: the title gives way.
        const int title = header->sectionSize(QueueModel::TitleColumn);
        header->resizeSection(QueueModel::AgentColumn, header->sectionSize(QueueModel::AgentColumn) + 40);
        QCOMPARE(header->sectionSize(QueueModel::TitleColumn), title - 40);

        // The reviewer can still widen it by hand, but not below the minimum.
        QCOMPARE(header->sectionResizeMode(QueueModel::TitleColumn), QHeaderView::Interactive);
        header->resizeSection(QueueModel::TitleColumn, 1500);
        QCOMPARE(header->sectionSize(QueueModel::TitleColumn), 1500);
        header->resizeSection(QueueModel::TitleColumn, 10);
        QVERIFY(header->sectionSize(QueueModel::TitleColumn) >= minimum);
    }

    void columnsCanBeShownHiddenAndAreRemembered()
    {
        QByteArray state;
        {
            QueueModel model;
            model.resetActions(actions(0, 20));
            QueuePanel panel(&model);
            QHeaderView *header = panel.view()->header();
            QCOMPARE(header->contextMenuPolicy(), Qt::CustomContextMenu);
            // Mostly empty columns start hidden; Due is there.
            QVERIFY(header->isSectionHidden(QueueModel::ClaimedByColumn));
            QVERIFY(header->isSectionHidden(QueueModel::EscalatedColumn));
            QVERIFY(!header->isSectionHidden(QueueModel::DueColumn));
            QCOMPARE(model.headerData(QueueModel::DueColumn, Qt::Horizontal).toString(), QStringLiteral("Due"));

            QMenu *menu = panel.columns()->menu();
            auto *claimed = menu->findChild<QAction *>(
                QStringLiteral("queueColumnAction%1").arg(int(QueueModel::ClaimedByColumn)));
            auto *due
                = menu->findChild<QAction *>(QStringLiteral("queueColumnAction%1").arg(int(QueueModel::DueColumn)));
            auto *title
                = menu->findChild<QAction *>(QStringLiteral("queueColumnAction%1").arg(int(QueueModel::TitleColumn)));
            QVERIFY(claimed && due && title);
            QCOMPARE(claimed->text(), QStringLiteral("Claimed by"));
            QVERIFY(!claimed->isChecked());
            QVERIFY(!title->isEnabled()); // the title cannot be hidden
            claimed->trigger();
            QVERIFY(!header->isSectionHidden(QueueModel::ClaimedByColumn));
            QVERIFY(header->sectionSize(QueueModel::ClaimedByColumn)
                >= header->sectionSizeHint(QueueModel::ClaimedByColumn));
            due->trigger();
            QVERIFY(header->isSectionHidden(QueueModel::DueColumn));
            header->moveSection(header->visualIndex(QueueModel::AgentColumn), 1);
            header->resizeSection(QueueModel::ConfidenceColumn, 123);
            panel.view()->sortByColumn(QueueModel::ConfidenceColumn, Qt::DescendingOrder);
            state = header->saveState();
        } // saved when the panel goes
        QVERIFY(QSettings().contains(QStringLiteral("queue/columns")));

        QueueModel model;
        model.resetActions(actions(0, 20));
        QueuePanel panel(&model);
        QHeaderView *header = panel.view()->header();
        QVERIFY(!header->isSectionHidden(QueueModel::ClaimedByColumn));
        QVERIFY(header->isSectionHidden(QueueModel::DueColumn));
        QCOMPARE(header->visualIndex(QueueModel::AgentColumn), 1);
        QCOMPARE(header->sectionSize(QueueModel::ConfidenceColumn), 123);
        QCOMPARE(header->sortIndicatorSection(), int(QueueModel::ConfidenceColumn));
        QCOMPARE(model.action(0).confidence, 0.19); // the model follows the restored sort

        // "Reset Columns" brings the defaults back.
        panel.columns()->menu()->findChild<QAction *>(QStringLiteral("queueColumnsReset"))->trigger();
        QVERIFY(header->isSectionHidden(QueueModel::ClaimedByColumn));
        QVERIFY(!header->isSectionHidden(QueueModel::DueColumn));
        QCOMPARE(header->visualIndex(QueueModel::AgeColumn), 0);

        // A state saved for other columns is ignored, not applied to the wrong ones.
        QSettings().setValue(QStringLiteral("queue/columnsVersion"), 1);
        QueuePanel other(&model);
        QVERIFY(other.view()->header()->isSectionHidden(QueueModel::ClaimedByColumn));
    }

    void germanHeadersAreNotCut()
    {
        useLanguage(QStringLiteral("de"));
        QueueModel model;
        QCOMPARE(
            model.headerData(QueueModel::ClaimedByColumn, Qt::Horizontal).toString(), QStringLiteral("Übernommen von"));
        QueuePanel panel(&model);
        QHeaderView *header = panel.view()->header();
        for (int c = 0; c < QueueModel::ColumnCount; ++c) {
            panel.columns()->setColumnVisible(c, true);
            QVERIFY2(header->sectionSize(c) >= header->sectionSizeHint(c),
                qPrintable(QStringLiteral("%1: %2 < %3")
                        .arg(model.headerData(c, Qt::Horizontal).toString())
                        .arg(header->sectionSize(c))
                        .arg(header->sectionSizeHint(c))));
        }
    }

    void liveInsertsDoNotMoveRowsUnderThePointer()
    {
        QueueModel model;
        model.resetActions(actions(1000, 1200));
        QueuePanel panel(&model);
        panel.resize(600, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTreeView *view = panel.view();
        QScrollBar *bar = view->verticalScrollBar();
        bar->setValue(bar->maximum() / 2);
        const int rowHeight = view->visualRect(view->indexAt(QPoint(1, 1))).height();
        QVERIFY(rowHeight > 0);

        // Click + shift-click, as the reviewer did.
        const QPoint first(view->columnViewportPosition(QueueModel::TitleColumn) + 5, rowHeight * 3 + rowHeight / 2);
        const QPoint last = first + QPoint(0, rowHeight * 5);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, first);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, last);
        const QStringList selected = panel.selectedIds();
        QCOMPARE(selected.size(), 6);
        const QString current = panel.currentId();
        const QPoint probe(first.x(), view->viewport()->height() / 2);
        const QString under = idAt(view, probe);
        QVERIFY(!under.isEmpty());
        const QString underFirst = idAt(view, first);

        // Older items arrive: sorted by age they go above everything on screen.
        for (int i = 0; i < 5; ++i)
            model.upsert(pending(i, QStringLiteral("finance")));
        QCOMPARE(model.index(0, 0).data(QueueModel::ActionIdRole).toString(), pending(0).id);
        QTRY_COMPARE(idAt(view, probe), under);
        QCOMPARE(idAt(view, first), underFirst);
        QCOMPARE(panel.selectedIds(), selected);
        QCOMPARE(panel.currentId(), current);

        // So does a removal above.
        model.remove(pending(1000).id);
        QTRY_COMPARE(idAt(view, probe), under);
        QCOMPARE(panel.selectedIds(), selected);

        // The new rows are marked, and the chip says how many.
        QVERIFY(model.index(model.rowOf(pending(3).id), 0).data(QueueModel::IsNewRole).toBool());
        auto *chip = panel.findChild<QToolButton *>(QStringLiteral("queueNewChip"));
        QVERIFY(chip);
        QVERIFY(chip->isVisible());
        QCOMPARE(chip->text(), QStringLiteral("5 new"));
        // Selecting one marks it seen.
        panel.selectId(pending(3).id);
        QCOMPARE(chip->text(), QStringLiteral("4 new"));
        bar->setValue(bar->maximum());
        QVERIFY(!view->viewport()->rect().intersects(view->visualRect(panel.groupModel()->indexOfId(pending(0).id))));
        chip->click();
        QVERIFY(!chip->isVisible());
        QCOMPARE(model.newCount(), 0);
        QVERIFY(view->viewport()->rect().intersects(view->visualRect(panel.groupModel()->indexOfId(pending(0).id))));
        QVERIFY(!model.index(0, QueueModel::TitleColumn).data(Qt::FontRole).isValid());
    }

    void clearSelectionKeepsTheCurrentItem()
    {
        QueueModel model;
        model.resetActions(actions(0, 10));
        QueuePanel panel(&model);
        QSignalSpy changed(&panel, &QueuePanel::selectionChanged);
        panel.selectId(pending(2).id);
        panel.view()->selectAll();
        QCOMPARE(panel.selectedIds().size(), 10);
        panel.clearSelection();
        QCOMPARE(panel.selectedIds(), QStringList{pending(2).id});
        QCOMPARE(panel.currentId(), pending(2).id);
        QVERIFY(changed.count() >= 3);
        panel.selectId(QStringLiteral("gone"));
        panel.clearSelection();
        QVERIFY(panel.selectedIds().isEmpty());
    }

    void groupsShowHeaderRows()
    {
        QueueModel model;
        model.resetActions(actions(0, 12)); // communications 0 3 6 9, finance 1 4 7 10, operations 2 5 8 11
        QueuePanel panel(&model);
        panel.resize(600, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTreeView *view = panel.view();
        QueueGroupModel *groups = panel.groupModel();
        panel.findChild<QAction *>(QStringLiteral("queueGroupCategory"))->trigger();
        QCOMPARE(model.grouping(), QueueModel::Grouping::Category);
        QCOMPARE(groups->rowCount(), 3);
        QCOMPARE(groups->index(1, 0).data().toString(), QStringLiteral("finance (4)"));
        QVERIFY(view->isFirstColumnSpanned(1, {}));
        QVERIFY(view->isExpanded(groups->index(1, 0)));
        QCOMPARE(model.visibleIds().size(), 12);

        // J/K step over the header rows.
        panel.selectId(pending(9).id);
        QVERIFY(panel.step(1));
        QCOMPARE(panel.currentId(), pending(1).id);
        QVERIFY(panel.step(-1));
        QCOMPARE(panel.currentId(), pending(9).id);
        QCOMPARE(panel.neighbourOf(pending(9).id), pending(1).id);

        // A header row: no current id, and Enter or its menu asks to review the group.
        view->setFocus();
        view->setCurrentIndex(groups->index(1, 0));
        QCOMPARE(panel.currentId(), QString());
        QSignalSpy review(&panel, &QueuePanel::reviewGroupRequested);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(review.count(), 1);
        const QStringList finance{pending(1).id, pending(4).id, pending(7).id, pending(10).id};
        QCOMPARE(review.at(0).at(0).toStringList(), finance);
        panel.findChild<QAction *>(QStringLiteral("queueReviewGroup"))->trigger();
        QCOMPARE(review.count(), 2);
        QCOMPARE(review.at(1).at(0).toStringList(), finance);
        QVERIFY(panel.step(1)); // from a header into its group
        QCOMPARE(panel.currentId(), pending(1).id);

        view->selectAll();
        QCOMPARE(panel.selectedIds().size(), 12); // actions only

        // A collapsed group is skipped and stays collapsed through filtering.
        view->collapse(groups->index(1, 0));
        panel.selectId(pending(9).id);
        QVERIFY(panel.step(1));
        QCOMPARE(panel.currentId(), pending(2).id);
        auto *text = panel.findChild<QLineEdit *>(QStringLiteral("queueFilterText"));
        text->setText(QStringLiteral("order 1"));
        text->clear();
        QCOMPARE(groups->rowCount(), 3);
        QVERIFY(!view->isExpanded(groups->index(1, 0)));
        QVERIFY(view->isExpanded(groups->index(2, 0)));

        // A live item of a new category gets its own, expanded header row.
        model.upsert(pending(100, QStringLiteral("audit")));
        QCOMPARE(groups->index(0, 0).data(QueueModel::GroupRole).toString(), QStringLiteral("audit"));
        QVERIFY(view->isExpanded(groups->index(0, 0)));
        QVERIFY(view->isFirstColumnSpanned(0, {}));

        panel.setGrouping(QueueModel::Grouping::None);
        QCOMPARE(groups->rowCount(), 13);
        QVERIFY(panel.findChild<QAction *>(QStringLiteral("queueGroupNone"))->isChecked());
    }

    void filterKeys()
    {
        QueueModel model;
        model.resetActions(actions(0, 30));
        QueuePanel panel(&model);
        panel.show();
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        auto *text = panel.findChild<QLineEdit *>(QStringLiteral("queueFilterText"));
        panel.focusFilter();
        QTRY_VERIFY(text->hasFocus());
        QTest::keyClicks(text, QStringLiteral("order 1"));
        QVERIFY(model.rowCount() < 30);
        QTest::keyClick(text, Qt::Key_Escape);
        QCOMPARE(text->text(), QString());
        QCOMPARE(model.rowCount(), 30);
        QVERIFY(panel.view()->hasFocus());

        panel.focusFilter();
        QTest::keyClick(text, Qt::Key_Down);
        QVERIFY(panel.view()->hasFocus());
        QCOMPARE(panel.currentId(), model.action(0).id);
    }

    void fitsANarrowWindow_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("de") << QStringLiteral("de");
    }

    void fitsANarrowWindow()
    {
        QFETCH(QString, language);
        useLanguage(language);
        QueueModel model;
        model.resetActions(actions(0, 40));
        model.setNow(T0.addSecs(50 * 60));
        QueuePanel panel(&model);
        QVERIFY2(panel.minimumSizeHint().width() <= 380, qPrintable(QString::number(panel.minimumSizeHint().width())));
        panel.resize(380, 420);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.upsert(pending(500, QStringLiteral("operations"))); // shows the chip
        model.upsert(pending(501, QStringLiteral("operations")));
        panel.setMe(QStringLiteral("me"));
        QTRY_VERIFY(panel.findChild<QToolButton *>(QStringLiteral("queueNewChip"))->isVisible());

        // Nothing in the filter bar gets less than its minimum, or its full text for buttons.
        const QStringList names{QStringLiteral("queueFilterText"), QStringLiteral("queueNewChip"),
            QStringLiteral("queueGrouping"), QStringLiteral("queueFilterCategory"), QStringLiteral("queueFilterType"),
            QStringLiteral("queueFilterMine"), QStringLiteral("queueFilterEscalated")};
        QList<QRect> taken;
        for (const QString &name : names) {
            auto *w = panel.findChild<QWidget *>(name);
            QVERIFY2(w && w->isVisible(), qPrintable(name));
            const QRect r = w->geometry();
            QVERIFY2(panel.rect().contains(r), qPrintable(name));
            QVERIFY2(r.width() >= w->minimumSizeHint().width(), qPrintable(name));
            if (qobject_cast<QAbstractButton *>(w))
                QVERIFY2(r.width() >= w->sizeHint().width(), qPrintable(name));
            if (auto *box = qobject_cast<QComboBox *>(w)) { // "All categories" is readable
                QStyleOptionComboBox option;
                option.initFrom(box);
                const QRect field
                    = box->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, box);
                QVERIFY2(field.width() >= box->fontMetrics().horizontalAdvance(box->currentText()),
                    qPrintable(QStringLiteral("%1: %2 < %3")
                            .arg(box->currentText())
                            .arg(field.width())
                            .arg(box->fontMetrics().horizontalAdvance(box->currentText()))));
            }
            for (const QRect &other : std::as_const(taken))
                QVERIFY2(!other.intersects(r), qPrintable(name));
            taken << r;
        }
        QHeaderView *header = panel.view()->header();
        QVERIFY(header->sectionSize(QueueModel::TitleColumn) >= panel.columns()->minimumTitleWidth());
        // The title is on screen without scrolling sideways.
        QVERIFY(header->sectionViewportPosition(QueueModel::TitleColumn) + panel.columns()->minimumTitleWidth()
            <= panel.view()->viewport()->width());

        const QString shots = qEnvironmentVariable("QUEUE_PANEL_SCREENSHOTS");
        if (!shots.isEmpty()) {
            QVERIFY(panel.grab().save(QDir(shots).filePath(QStringLiteral("queuepanel-%1.png").arg(language))));
            panel.setGrouping(QueueModel::Grouping::Category);
            panel.view()->collapse(panel.groupModel()->groupIndex(0));
            QVERIFY(panel.grab().save(QDir(shots).filePath(QStringLiteral("queuepanel-%1-grouped.png").arg(language))));
        }
    }
};

QTEST_MAIN(TestQueuePanel)
#include "tst_queuepanel.moc"
