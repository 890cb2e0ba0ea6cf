#include "client/serverconnection.h"
#include "diff/diffeditor.h"
#include "diff/diffwidget.h"
#include "domain/clock.h"
#include "history/decisionhistory.h"
#include "history/historywindow.h"
#include "mainwindow/mainwindow.h"
#include "mainwindowsteps.h"
#include "queue/batchdialog.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"
#include "restartableserver.h"
#include "review/reviewpane.h"
#include "server/role.h"
#include "server/serverconfig.h"

#include <QAction>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Countersign;
using namespace Countersign::Test;

class TestReviewFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RestartableServer m_server;
    std::unique_ptr<MainWindow> m_window;

    void startServer() { QVERIFY(m_server.start()); }
    void stopServer() { QVERIFY(m_server.stop()); }
    QString submit(const QString &, const QString &title, const QString &content)
    {
        return m_server.submit(title, content);
    }
    Action serverAction(const QString &id) { return m_server.action(id); }

    QueueModel *queue() const { return m_window->queuePanel()->model(); }

    void openItem(const QString &id) { Test::openItem(*m_window, id); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        startServer();
        for (int i = 0; i < 6; ++i)
            QVERIFY(!submit(QStringLiteral("email.send_external"), QStringLiteral("Reply to customer %1").arg(i),
                QStringLiteral("Dear customer %1,\n\nthank you.\n").arg(i))
                    .isEmpty());

        m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("history.db")));
        m_window->session()->setUndoWindow(0);
        m_window->show();
        m_window->connectToServer(m_server.url(), m_server.token(Role::Lead, QStringLiteral("alice")));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_window->session()->connectionState(), ReviewSession::ConnectionState::Online, 15000);
    }

    void loadsQueue()
    {
        QTRY_COMPARE(queue()->rowCount(), 6);
        QCOMPARE(m_window->session()->identity().name, QStringLiteral("alice"));
        // a new submission appears live
        const QString id
            = submit(QStringLiteral("email.send_external"), QStringLiteral("Live one"), QStringLiteral("hi\n"));
        QTRY_VERIFY_WITH_TIMEOUT(queue()->rowOf(id) >= 0, 10000);
    }

    void openClaimsAndApprove()
    {
        const QString id = queue()->action(0).id;
        openItem(id);
        QCOMPARE(serverAction(id).claimedBy, QStringLiteral("alice"));
        auto *title = m_window->findChild<QLabel *>(QStringLiteral("reviewTitle"));
        QVERIFY(title);
        QCOMPARE(title->text(), queue()->findAction(id)->title);

        m_window->action(QStringLiteral("actionApprove"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(serverAction(id).state, ActionState::Approved, 10000);
        QCOMPARE(serverAction(id).decidedBy, QStringLiteral("alice"));
        QTRY_COMPARE(queue()->rowOf(id), -1);
        // the next item follows
        QVERIFY(!m_window->session()->currentId().isEmpty());
        QVERIFY(m_window->session()->currentId() != id);
    }

    void modifyByTyping()
    {
        const QString id = queue()->action(0).id;
        openItem(id);
        m_window->action(QStringLiteral("actionModify"))->trigger();
        auto *editor = m_window->reviewPane()->diffWidget()->findChild<DiffEditor *>(QStringLiteral("diffEditor"));
        QVERIFY(editor);
        QTRY_VERIFY(editor->isVisible());
        editor->setFocus();
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, QStringLiteral("Kind regards, Alice"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(m_window->reviewPane()->hasEdits());
        m_window->action(QStringLiteral("actionApprove"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(serverAction(id).state, ActionState::Approved, 10000);
        const Action decided = serverAction(id);
        QVERIFY(decided.modified);
        QVERIFY(decided.finalPayload->content.endsWith(QStringLiteral("Kind regards, Alice\n")));
    }

    void rejectWithReason()
    {
        const QString id = queue()->action(0).id;
        openItem(id);
        auto *reason = m_window->findChild<QComboBox *>(QStringLiteral("rejectReason"));
        QVERIFY(reason);
        // without a reason nothing is sent
        m_window->action(QStringLiteral("actionReject"))->trigger();
        QTest::qWait(200); // nothing to wait for: a rejection, were one sent, would have landed by now
        QCOMPARE(serverAction(id).state, ActionState::Pending);
        reason->setCurrentText(QStringLiteral("Tone is too informal"));
        m_window->action(QStringLiteral("actionReject"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(serverAction(id).state, ActionState::Rejected, 10000);
        QCOMPARE(serverAction(id).reason, QStringLiteral("Tone is too informal"));
    }

    void undoWindowKeepsItemPending()
    {
        m_window->session()->setUndoWindow(3);
        const QString id = queue()->action(0).id;
        openItem(id);
        m_window->action(QStringLiteral("actionApprove"))->trigger();
        QVERIFY(m_window->session()->hasPendingDecision());
        QVERIFY(m_window->action(QStringLiteral("actionUndo"))->isEnabled());
        m_window->action(QStringLiteral("actionUndo"))->trigger();
        QVERIFY(!m_window->session()->hasPendingDecision());
        QTest::qWait(500); // nothing to wait for: the undone decision must not reach the server
        QCOMPARE(serverAction(id).state, ActionState::Pending);
        m_window->session()->setUndoWindow(0);
    }

    void batchApprove()
    {
        const QStringList ids = queue()->visibleIds();
        QVERIFY(ids.size() >= 2);
        m_window->action(QStringLiteral("actionBatch"))->trigger();
        BatchDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<BatchDialog *>()) != nullptr);
        QCOMPARE(dialog->idsInCategory().size(), ids.size());
        QVERIFY(dialog->summaryText().contains(QStringLiteral("email.send_external")));
        auto *approve = dialog->findChild<QPushButton *>(QStringLiteral("batchApprove"));
        QVERIFY(approve && approve->isEnabled());
        approve->click();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = m_window->findChild<QMessageBox *>(QStringLiteral("batchConfirmBox"))) != nullptr);
        confirm->button(QMessageBox::Yes)->click();
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(serverAction(id).state, ActionState::Approved, 10000);
        QTRY_COMPARE(queue()->rowCount(), 0);
    }

    void reconnectsAfterServerRestart()
    {
        stopServer();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->session()->connectionState() != ReviewSession::ConnectionState::Online, 15000);
        startServer();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_window->session()->connectionState(), ReviewSession::ConnectionState::Online, 30000);
        const QString id
            = submit(QStringLiteral("email.send_external"), QStringLiteral("After restart"), QStringLiteral("x\n"));
        QTRY_VERIFY_WITH_TIMEOUT(queue()->rowOf(id) >= 0, 15000);
    }

    void historyRecordsAndDetectsTampering()
    {
        DecisionHistory *history = m_window->history();
        const auto count = history->count({});
        QVERIFY(count);
        QVERIFY(*count >= 4); // approve, modify, reject, batch
        HistoryWindow window(history);
        QVERIFY(window.verifyChain());

        const QString path = history->path();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE history SET record = replace(record, 'Tone is too informal', "
                                          "'Looks fine') WHERE outcome = 'reject'")));
            QCOMPARE(q.numRowsAffected(), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        QVERIFY(!window.verifyChain());
        auto *result = window.findChild<QLabel *>(QStringLiteral("historyVerifyResult"));
        QVERIFY(result->text().contains(QStringLiteral("altered")));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        stopServer();
    }
};

QTEST_MAIN(TestReviewFlow)
#include "tst_reviewflow.moc"
