// Issue 22: "not now" in the app. Real widgets offscreen against a real server on loopback:
// S opens the snooze menu, the item leaves my queue (and my claim), the Snoozed filter shows it
// with its time, someone else's snooze is a marker, a snooze ends by itself or on request.
#include "client/serverconnection.h"
#include "mainwindow/mainwindow.h"
#include "mainwindowsteps.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"
#include "queue/snoozedialog.h"
#include "restartableserver.h"
#include "server/role.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Countersign;
using namespace Countersign::Test;

class TestSnoozeFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RestartableServer m_server;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_ids;

    QueueModel *queue() const { return m_window->queuePanel()->model(); }
    QMenu *snoozeMenu() const { return m_window->findChild<QMenu *>(QStringLiteral("snoozeMenu")); }
    QCheckBox *snoozedFilter() const
    {
        return m_window->queuePanel()->findChild<QCheckBox *>(QStringLiteral("queueFilterSnoozed"));
    }

    void openItem(const QString &id) { Test::openItem(*m_window, id); }

    // The popup took the activation; window shortcuts (S, J, K) need the window active again.
    void closeMenu()
    {
        snoozeMenu()->hide();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    // S on the queue, then one of the menu's entries.
    void snoozeWithKey(const char *entry)
    {
        QWidget *view = m_window->queuePanel()->view();
        view->setFocus();
        QTRY_VERIFY(m_window->action(QStringLiteral("actionSnooze"))->isEnabled());
        QTest::keyClick(view, Qt::Key_S);
        QTRY_VERIFY(snoozeMenu()->isVisible());
        auto *choice = snoozeMenu()->findChild<QAction *>(QLatin1String(entry));
        QVERIFY(choice);
        choice->trigger();
        closeMenu();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start());
        for (int i = 0; i < 5; ++i)
            m_ids << m_server.submit(QStringLiteral("Reply to customer %1").arg(i));
        m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("history.db")));
        m_window->session()->setUndoWindow(0);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->connectToServer(m_server.url(), m_server.token(Role::Reviewer, QStringLiteral("rita")));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_window->session()->connectionState(), ReviewSession::ConnectionState::Online, 15000);
        QTRY_COMPARE(queue()->rowCount(), 5);
    }

    void init()
    {
        // Each test starts from the queue, whatever the one before left behind.
        snoozedFilter()->setChecked(false);
        m_window->queuePanel()->view()->setFocus();
    }

    void keySSetsTheItemAsideForAnHour()
    {
        const QString id = m_ids.at(0);
        openItem(id);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        snoozeWithKey("snoozeOneHour");
        QTRY_COMPARE_WITH_TIMEOUT(m_server.action(id).snoozedBy, QStringLiteral("rita"), 10000);
        const Action onServer = m_server.action(id);
        QVERIFY(onServer.claimedBy.isEmpty()); // the claim went with it
        QVERIFY(onServer.snoozedUntil >= before.addSecs(3600).addMSecs(-1000));
        QVERIFY(onServer.snoozedUntil <= QDateTime::currentDateTimeUtc().addSecs(3600));
        QTRY_COMPARE(queue()->rowOf(id), -1); // out of my queue
        QVERIFY(m_window->session()->currentId() != id); // the next item follows
        QVERIFY(!m_window->session()->holdsClaim(id));

        // The Snoozed filter shows it, with its time, and only it.
        snoozedFilter()->setChecked(true);
        QCOMPARE(queue()->rowCount(), 1);
        const int row = queue()->rowOf(id);
        QCOMPARE(row, 0);
        QCOMPARE(queue()->index(row, QueueModel::TitleColumn).data(QueueModel::SnoozedUntilRole).toDateTime(),
            onServer.snoozedUntil);
        const QString title = queue()->index(row, QueueModel::TitleColumn).data().toString();
        QVERIFY2(title.contains(QStringLiteral("snoozed until")), qPrintable(title));
        // Looking at it there does not take it up again (a claim would end the snooze).
        m_window->queuePanel()->selectId(id);
        QTRY_COMPARE(m_window->session()->currentId(), id);
        QTest::qWait(300); // nothing to wait for: a claim, were one sent, would have landed by now
        QCOMPARE(m_server.action(id).snoozedBy, QStringLiteral("rita"));
        QVERIFY(m_server.action(id).claimedBy.isEmpty());

        // S there offers to end it early; the item comes back to the queue.
        QWidget *view = m_window->queuePanel()->view();
        view->setFocus();
        QTRY_VERIFY(m_window->action(QStringLiteral("actionSnooze"))->isEnabled());
        QTest::keyClick(view, Qt::Key_S);
        QTRY_VERIFY(snoozeMenu()->isVisible());
        auto *end = snoozeMenu()->findChild<QAction *>(QStringLiteral("snoozeEnd"));
        QVERIFY(end->isVisible());
        end->trigger();
        closeMenu();
        QTRY_VERIFY_WITH_TIMEOUT(m_server.action(id).snoozedBy.isEmpty(), 10000);
        QTRY_COMPARE(queue()->rowCount(), 0);
        snoozedFilter()->setChecked(false);
        QVERIFY(queue()->rowOf(id) >= 0);
    }

    void sIsALetterWhileTyping()
    {
        auto *filter = m_window->queuePanel()->findChild<QLineEdit *>(QStringLiteral("queueFilterText"));
        QVERIFY(filter);
        filter->setFocus();
        QTRY_VERIFY(!m_window->action(QStringLiteral("actionSnooze"))->isEnabled());
        QTest::keyClick(filter, Qt::Key_S);
        QCOMPARE(filter->text(), QStringLiteral("s"));
        QVERIFY(!snoozeMenu()->isVisible());
        filter->clear();
        m_window->queuePanel()->view()->setFocus();
    }

    void someoneElsesSnoozeIsAMarker()
    {
        const QString id = m_ids.at(1);
        ServerConnection sam;
        sam.setServer(m_server.url(), m_server.token(Role::Reviewer, QStringLiteral("sam")));
        auto snoozed = sam.snooze(id, QDateTime::currentDateTimeUtc().addSecs(1800));
        QTRY_VERIFY_WITH_TIMEOUT(snoozed.isFinished(), 10000);
        QVERIFY(snoozed.result());
        // Still in my queue, marked.
        QTRY_COMPARE_WITH_TIMEOUT(queue()
                                      ->index(qMax(0, queue()->rowOf(id)), QueueModel::TitleColumn)
                                      .data(QueueModel::SnoozedByRole)
                                      .toString(),
            QStringLiteral("sam"), 10000);
        const QString title = queue()->index(queue()->rowOf(id), QueueModel::TitleColumn).data().toString();
        QVERIFY2(title.contains(QStringLiteral("snoozed by sam")), qPrintable(title));
        snoozedFilter()->setChecked(true);
        QCOMPARE(queue()->rowOf(id), -1); // not mine
        snoozedFilter()->setChecked(false);
    }

    void itComesBackByItself()
    {
        const QString id = m_ids.at(2);
        openItem(id);
        // A snooze of two seconds: nothing fires on the server, the queue's clock brings it back.
        m_window->session()->snooze(id, QDateTime::currentDateTimeUtc().addSecs(2));
        QTRY_COMPARE_WITH_TIMEOUT(queue()->rowOf(id), -1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(queue()->rowOf(id) >= 0, 10000);
        QCOMPARE(m_server.action(id).state, ActionState::Pending);
    }

    void customTimeStaysWithinTheBounds()
    {
        const QString id = m_ids.at(3);
        openItem(id);
        snoozeWithKey("snoozeCustom");
        SnoozeDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<SnoozeDialog *>()) && dialog->isVisible());
        auto *edit = dialog->findChild<QDateTimeEdit *>(QStringLiteral("snoozeUntilEdit"));
        const Action action = m_server.action(id);
        QVERIFY(edit->maximumDateTime() <= action.expiresAt.toLocalTime()); // never past its expiry
        QVERIFY(edit->minimumDateTime() > QDateTime::currentDateTime());
        const QDateTime wanted = QDateTime::currentDateTime().addSecs(2 * 3600);
        edit->setDateTime(wanted);
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(m_server.action(id).snoozedBy, QStringLiteral("rita"), 10000);
        QCOMPARE(m_server.action(id).snoozedUntil.toSecsSinceEpoch() / 60, wanted.toSecsSinceEpoch() / 60);
        QTRY_COMPARE(queue()->rowOf(id), -1);
    }

    void listedWithTheShortcuts()
    {
        QAction *snooze = m_window->action(QStringLiteral("actionSnooze"));
        QCOMPARE(snooze->shortcut(), QKeySequence(Qt::Key_S));
        m_window->queuePanel()->view()->setFocus();
        QTRY_VERIFY(m_window->action(QStringLiteral("actionShortcuts"))->isEnabled());
        m_window->action(QStringLiteral("actionShortcuts"))->trigger();
        auto *list = m_window->findChild<QTreeWidget *>(QStringLiteral("shortcutsList"));
        QVERIFY(list);
        const auto found = list->findItems(QStringLiteral("Snooze…"), Qt::MatchExactly, 0);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first()->text(1), QStringLiteral("S"));
        list->window()->close();
    }

    void cleanupTestCase() { Test::closeWindow(m_window); }
};

QTEST_MAIN(TestSnoozeFlow)
#include "tst_snoozeflow.moc"
