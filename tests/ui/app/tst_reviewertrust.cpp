// The reviewer's desk tried the way people use it: quitting in the middle, a server that goes
// away and comes back, clicking away mid-edit, only the keyboard, a laptop-sized window. Real
// widgets on the offscreen platform against a real server on loopback; no fixed sleeps.
#include "diff/diffeditor.h"
#include "diff/diffwidget.h"
#include "diff/editablediffview.h"
#include "diff/patchset.h"
#include "diff/unifieddiff.h"
#include "history/decisionhistory.h"
#include "history/historymodel.h"
#include "history/historywindow.h"
#include "i18n/translations.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/shortcutsdialog.h"
#include "queue/queuegroupmodel.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"
#include "restartableserver.h"
#include "review/patchview.h"
#include "review/reviewpane.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>

using namespace Countersign;
using namespace Countersign::Test;

class TestReviewerTrust : public QObject
{
    Q_OBJECT

private:
    RestartableServer m_server;
    QTemporaryDir m_dir;
    int m_windows = 0;

    QString newHistoryPath() { return m_dir.filePath(QStringLiteral("history-%1.db").arg(++m_windows)); }

    std::unique_ptr<MainWindow> openWindow(int undoSeconds, const QString &historyPath = {})
    {
        auto w = std::make_unique<MainWindow>(historyPath.isEmpty() ? newHistoryPath() : historyPath);
        w->session()->setUndoWindow(undoSeconds);
        w->show();
        w->activateWindow();
        if (!QTest::qWaitForWindowActive(w.get()))
            qWarning("window not active");
        w->connectToServer(m_server.url(), m_server.token(Role::Reviewer, QStringLiteral("rita")));
        if (!QTest::qWaitFor(
                [&] {
                    return w->session()->connectionState() == ReviewSession::ConnectionState::Online
                        && !w->queuePanel()->currentId().isEmpty();
                },
                15000))
            qWarning("window did not load the queue");
        return w;
    }

    // Quitting waits for the last decisions; the window closes when they are through.
    static void closeAndWait(MainWindow *w)
    {
        w->close();
        QTRY_VERIFY_WITH_TIMEOUT(!w->isVisible(), 15000);
    }

    static void key(MainWindow *w, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : w;
        QTest::keyClick(target, key, modifiers);
    }

    static QWidget *queueView(MainWindow *w) { return w->queuePanel()->view(); }

    QString openCurrentWithEnter(MainWindow *w)
    {
        const QString id = w->queuePanel()->currentId();
        queueView(w)->setFocus();
        QTest::keyClick(queueView(w), Qt::Key_Return);
        if (!QTest::qWaitFor(
                [&] {
                    return w->session()->holdsClaim(id);
                },
                10000))
            qWarning("no claim");
        return id;
    }

    void clickRow(MainWindow *w, const QString &id)
    {
        QTreeView *view = w->queuePanel()->view();
        const QModelIndex index = w->queuePanel()->groupModel()->indexOfId(id, QueueModel::TitleColumn);
        QVERIFY(index.isValid());
        view->scrollTo(index);
        const QRect rect = view->visualRect(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(w->session()->currentId(), id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start());
    }

    void startsOnTheQueueAndClaimsNothingUntilAsked()
    {
        const QString first = m_server.submit(QStringLiteral("First of the day"));
        const QString second = m_server.submit(QStringLiteral("Second of the day"));
        auto w = openWindow(0);
        QCOMPARE(QApplication::focusWidget(), queueView(w.get()));
        const QString shown = w->queuePanel()->currentId();
        QVERIFY(!shown.isEmpty());
        QVERIFY(m_server.action(shown).claimedBy.isEmpty());
        QVERIFY(!w->findChild<QTabBar *>(QStringLiteral("reviewViews"))->isVisible()); // no original: one view
        QVERIFY(w->action(QStringLiteral("actionNext"))->isEnabled());
        // J is a key of the queue, not a letter for the filter.
        key(w.get(), Qt::Key_J);
        QTRY_VERIFY(w->queuePanel()->currentId() != shown);
        const QString next = w->queuePanel()->currentId();
        QTRY_VERIFY_WITH_TIMEOUT(w->session()->holdsClaim(next), 10000);
        QCOMPARE(w->queuePanel()->findChild<QLineEdit *>(QStringLiteral("queueFilterText"))->text(), QString());
        Q_UNUSED(first)
        Q_UNUSED(second)
        closeAndWait(w.get());
        QTRY_VERIFY(m_server.action(next).claimedBy.isEmpty()); // quitting released it
    }

    void afterARejectTheKeysGoBackToTheQueue()
    {
        m_server.submit(QStringLiteral("Reject me"));
        m_server.submit(QStringLiteral("Then me"));
        auto w = openWindow(0);
        const QString id = openCurrentWithEnter(w.get());
        key(w.get(), Qt::Key_Backspace, Qt::ControlModifier);
        auto *reason = w->findChild<QComboBox *>(QStringLiteral("rejectReason"));
        QTRY_VERIFY(reason->lineEdit()->hasFocus());
        QTest::keyClicks(reason->lineEdit(), QStringLiteral("Wrong tone"));
        QTest::keyClick(reason->lineEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.action(id).state, ActionState::Rejected, 10000);
        QCOMPARE(m_server.action(id).reason, QStringLiteral("Wrong tone"));
        QTRY_COMPARE(QApplication::focusWidget(), queueView(w.get()));
        const QString now = w->queuePanel()->currentId();
        key(w.get(), Qt::Key_J);
        QTRY_VERIFY(w->queuePanel()->currentId() != now || w->queuePanel()->model()->rowCount() == 1);
        QVERIFY(!reason->currentText().contains(QStringLiteral("j")));
        closeAndWait(w.get());
    }

    void theUndoBannerSaysWhatItWillSend()
    {
        m_server.submit(QStringLiteral("Banner text"));
        auto w = openWindow(30);
        const QString id = openCurrentWithEnter(w.get());
        const QString title = w->queuePanel()->model()->findAction(id)->title;
        key(w.get(), Qt::Key_Return, Qt::ControlModifier);
        auto *label = w->findChild<QLabel *>(QStringLiteral("undoLabel"));
        QTRY_VERIFY(label->isVisible());
        QVERIFY2(label->text().contains(title), qPrintable(label->text()));
        QVERIFY2(label->text().contains(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
            qPrintable(label->text()));
        key(w.get(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(!w->session()->hasPendingDecision());
        closeAndWait(w.get());
        QCOMPARE(m_server.action(id).state, ActionState::Pending);
    }

    void quittingInTheUndoWindowSendsTheDecision()
    {
        m_server.submit(QStringLiteral("Quit right after"));
        const QString path = newHistoryPath();
        auto w = openWindow(30, path);
        const QString id = openCurrentWithEnter(w.get());
        key(w.get(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(w->session()->hasPendingDecision());
        key(w.get(), Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!w->isVisible(), 15000);
        QCOMPARE(m_server.action(id).state, ActionState::Approved);
        w.reset();
        DecisionHistory history(path);
        QVERIFY(history.open());
        const auto entries = history.entries({});
        QCOMPARE(entries->size(), 1);
        QVERIFY(entries->first().serverAccepted);
    }

    void anOutageIsShownAtOnceAndDecisionsWaitForTheServer()
    {
        m_server.submit(QStringLiteral("Decided during the outage"));
        auto w = openWindow(0);
        const QString id = openCurrentWithEnter(w.get());
        auto *banner = w->findChild<QWidget *>(QStringLiteral("offlineBanner"));
        QVERIFY(banner && !banner->isVisible());

        QElapsedTimer outage;
        outage.start();
        QVERIFY(m_server.stop());
        const qint64 stopped = outage.elapsed();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 5000);
        qInfo("outage to banner: %lld ms (server shutdown took %lld ms)", outage.elapsed(), stopped);
        QVERIFY(w->findChild<QLabel *>(QStringLiteral("connectionLabel"))->text().contains(QStringLiteral("Offline")));
        auto *approve = w->findChild<QPushButton *>(QStringLiteral("approveButton"));
        QVERIFY2(approve->text().contains(QStringLiteral("sent when back")), qPrintable(approve->text()));
        QVERIFY(approve->isEnabled());

        queueView(w.get())->setFocus();
        key(w.get(), Qt::Key_Return, Qt::ControlModifier);
        auto *outbox = w->findChild<QLabel *>(QStringLiteral("outboxLabel"));
        QTRY_VERIFY(outbox->isVisible());
        QVERIFY2(outbox->text().contains(QStringLiteral("1")), qPrintable(outbox->text()));
        if (const QString dir = qEnvironmentVariable("COUNTERSIGN_SCREENSHOT_DIR"); !dir.isEmpty()) {
            w->resize(1366, 768);
            QTRY_COMPARE(w->width(), 1366);
            QVERIFY(w->grab().save(dir + QStringLiteral("/offline.png")));
        }
        QVERIFY(banner->isVisible());

        QVERIFY(m_server.start());
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.action(id).state, ActionState::Approved, 10000);
        QTRY_VERIFY(!outbox->isVisible());
        // Nothing that failed during the outage comes back as a dialog.
        for (QMessageBox *box : w->findChildren<QMessageBox *>())
            QVERIFY2(!box->isVisible(), qPrintable(box->text()));
        closeAndWait(w.get());
    }

    void aRefusedDecisionNeverReadsAsApproved()
    {
        const QString id = m_server.submit(QStringLiteral("Withdrawn meanwhile"));
        auto w = openWindow(30);
        w->queuePanel()->selectId(id); // shown, not claimed
        QTRY_COMPARE(w->session()->currentId(), id);
        w->action(QStringLiteral("actionApprove"))->trigger();
        // Meanwhile the agent gives up on it: the approval arrives too late.
        QVERIFY(m_server.withdraw(id));
        w->session()->sendPendingNow();
        auto *refused = w->findChild<QWidget *>(QStringLiteral("refusedBanner"));
        QTRY_VERIFY(refused->isVisible());

        HistoryWindow history(w->history());
        auto *model = history.findChild<QTreeView *>(QStringLiteral("historyView"))->model();
        QCOMPARE(model->index(0, HistoryModel::OutcomeColumn).data().toString(), QStringLiteral("Approval refused"));
        QVERIFY(!model->index(0, HistoryModel::OutcomeColumn).data(Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(history.verifyChain());
        // Time and outcome read whole in their columns.
        auto *view = history.findChild<QTreeView *>(QStringLiteral("historyView"));
        for (int column : {int(HistoryModel::TimeColumn), int(HistoryModel::OutcomeColumn)}) {
            const QString text = model->index(0, column).data().toString();
            QVERIFY2(
                view->header()->sectionSize(column) > view->fontMetrics().horizontalAdvance(text), qPrintable(text));
        }
        closeAndWait(w.get());
    }

    void editsAreKeptWhenClickingAwayAndAcrossARestart()
    {
        const QString a = m_server.submit(QStringLiteral("Edit me"), QStringLiteral("Hello,\nworld\n"));
        const QString b = m_server.submit(QStringLiteral("Look at me meanwhile"));
        const QString path = newHistoryPath();
        auto w = openWindow(0, path);
        clickRow(w.get(), a);
        key(w.get(), Qt::Key_E, Qt::ControlModifier);
        auto *editor = w->reviewPane()->diffWidget()->findChild<DiffEditor *>(QStringLiteral("diffEditor"));
        QTRY_VERIFY(editor->isVisible());
        QTRY_VERIFY(editor->hasFocus());
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, QStringLiteral("Kind regards"));
        QTRY_VERIFY(w->reviewPane()->hasEdits());

        clickRow(w.get(), b);
        clickRow(w.get(), a);
        QTRY_VERIFY(w->reviewPane()->isEditing());
        QVERIFY(w->reviewPane()->editedText().endsWith(QStringLiteral("Kind regards")));
        QVERIFY(w->findChild<QLabel *>(QStringLiteral("reviewNotice"))->isVisible());

        // Ctrl+E again asks instead of throwing the edit away.
        key(w.get(), Qt::Key_E, Qt::ControlModifier);
        QMessageBox *ask = nullptr;
        QTRY_VERIFY((ask = w->findChild<QMessageBox *>(QStringLiteral("discardEditsBox"))) && ask->isVisible());
        ask->findChild<QPushButton *>(QStringLiteral("keepEditingButton"))->click();
        QTRY_VERIFY(!ask || !ask->isVisible());
        QVERIFY(w->reviewPane()->isEditing());
        QVERIFY(w->reviewPane()->editedText().endsWith(QStringLiteral("Kind regards")));

        closeAndWait(w.get());
        w.reset();
        auto again = openWindow(0, path);
        clickRow(again.get(), a);
        QTRY_VERIFY(again->reviewPane()->isEditing());
        QVERIFY(again->reviewPane()->editedText().endsWith(QStringLiteral("Kind regards")));
        key(again.get(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.action(a).state, ActionState::Approved, 10000);
        QVERIFY(m_server.action(a).modified);
        closeAndWait(again.get());
    }

    void editingWorksInTheUnifiedViewToo()
    {
        m_server.submit(QStringLiteral("Unified"));
        auto w = openWindow(0);
        openCurrentWithEnter(w.get());
        DiffWidget *diff = w->reviewPane()->diffWidget();
        diff->setMode(DiffWidget::Mode::Unified);
        key(w.get(), Qt::Key_E, Qt::ControlModifier);
        auto *editor = diff->findChild<DiffEditor *>(QStringLiteral("diffEditor"));
        QTRY_VERIFY(editor->isVisible());
        QVERIFY(editor->hasFocus());
        QVERIFY(diff->currentPresenter() == static_cast<DiffPresenter *>(diff->editableView()));
        closeAndWait(w.get());
    }

    void aChangeShowsWhatTheAgentProposesAndWhatApprovingDoes()
    {
        const QString id = m_server.submitChange(
            QStringLiteral("Fix the greeting"), QStringLiteral("Hello wrld\n"), QStringLiteral("Hello world\n"));
        auto w = openWindow(0);
        w->queuePanel()->selectId(id);
        QTRY_COMPARE(w->session()->currentId(), id);
        ReviewPane *pane = w->reviewPane();
        DiffWidget *diff = pane->diffWidget();
        QVERIFY(w->findChild<QTabBar *>(QStringLiteral("reviewViews"))->isVisible());
        QCOMPARE(pane->view(), ReviewPane::View::Proposed); // a change opens on the change
        QCOMPARE(diff->leftText(), QStringLiteral("Hello wrld\n"));
        QCOMPARE(diff->editedText(), QStringLiteral("Hello world\n"));

        queueView(w.get())->setFocus();
        key(w.get(), Qt::Key_2);
        QTRY_COMPARE(pane->view(), ReviewPane::View::Edits);
        QCOMPARE(diff->leftText(), QStringLiteral("Hello world\n"));
        key(w.get(), Qt::Key_E, Qt::ControlModifier);
        auto *editor = diff->findChild<DiffEditor *>(QStringLiteral("diffEditor"));
        QTRY_VERIFY(editor->hasFocus());
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, QStringLiteral("Bye"));
        QTRY_VERIFY(pane->hasEdits());

        // Digits type into the editor; from the queue they switch views, and the edit stays.
        queueView(w.get())->setFocus();
        key(w.get(), Qt::Key_3);
        QTRY_COMPARE(pane->view(), ReviewPane::View::Result);
        QCOMPARE(diff->leftText(), QStringLiteral("Hello wrld\n"));
        QCOMPARE(diff->editedText(), QStringLiteral("Hello world\nBye"));
        QVERIFY(pane->hasEdits());
        key(w.get(), Qt::Key_2);
        QTRY_VERIFY(editor->isVisible());
        QCOMPARE(diff->editedText(), QStringLiteral("Hello world\nBye"));

        key(w.get(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.action(id).state, ActionState::Approved, 10000);
        const Action decided = m_server.action(id);
        QCOMPARE(decided.finalPayload->content, QStringLiteral("Hello world\nBye"));
        QCOMPARE(decided.payload.original.value_or(QString()), QStringLiteral("Hello wrld\n"));
        closeAndWait(w.get());
    }

    // A coding agent's patch: the files are listed, Modify edits a file's new side, and what the
    // server receives is the whole patch written again, which applies to the old files.
    void aPatchIsReviewedFileByFileAndModifySendsAPatchThatApplies()
    {
        const QString oldA = QStringLiteral("def charge(order):\n    gateway.charge(order)\n    return True\n");
        const QString oldB = QStringLiteral("retries: 3\n");
        const QString patch = QStringLiteral("diff --git a/billing/charge.py b/billing/charge.py\n"
                                             "index 1111111..2222222 100644\n"
                                             "--- a/billing/charge.py\n+++ b/billing/charge.py\n"
                                             "@@ -1,3 +1,3 @@\n def charge(order):\n-    gateway.charge(order)\n+    "
                                             "gateway.charge(order, key=order.id)\n"
                                             "     return True\n"
                                             "diff --git a/config/retries.yaml b/config/retries.yaml\n"
                                             "index 3333333..4444444 100644\n"
                                             "--- a/config/retries.yaml\n+++ b/config/retries.yaml\n"
                                             "@@ -1 +1 @@\n-retries: 3\n+retries: 5\n");
        const QString id = m_server.submitPatch(QStringLiteral("Idempotent charges"), patch);
        QVERIFY(!id.isEmpty());
        auto w = openWindow(0);
        w->queuePanel()->selectId(id);
        QTRY_COMPARE(w->session()->currentId(), id);
        ReviewPane *pane = w->reviewPane();
        QVERIFY(pane->isShowingPatch());
        PatchView *view = pane->patchView();
        QTRY_VERIFY(view->isVisible());
        QCOMPARE(view->fileList()->model()->rowCount(), 2);
        QCOMPARE(view->diffWidget()->definition().name(), QStringLiteral("Python"));

        key(w.get(), Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(view->isEditing());
        view->setCurrentFile(1);
        QCOMPARE(view->diffWidget()->definition().name(), QStringLiteral("YAML"));
        auto *editor = view->diffWidget()->findChild<DiffEditor *>(QStringLiteral("diffEditor"));
        QTRY_VERIFY(editor->isVisible());
        editor->setFocus();
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, QStringLiteral("timeout_s: 30"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(pane->hasEdits());
        QTRY_VERIFY(pane->editProblem().isEmpty());

        key(w.get(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.action(id).state, ActionState::Approved, 10000);
        const Action decided = m_server.action(id);
        QVERIFY(decided.modified);
        const auto sent = PatchSet::parse(decided.finalPayload->content);
        QVERIFY2(sent, qPrintable(decided.finalPayload->content));
        QCOMPARE(sent->files().size(), 2);
        // The file not edited is sent as it was; the edited one applies to the old text.
        QVERIFY(decided.finalPayload->content.startsWith(sent->files().at(0).sectionText));
        QCOMPARE(UnifiedDiff::apply(sent->files().at(0).diff, oldA).value_or(QString()),
            QStringLiteral("def charge(order):\n    gateway.charge(order, key=order.id)\n    return True\n"));
        QCOMPARE(UnifiedDiff::apply(sent->files().at(1).diff, oldB).value_or(QString()),
            QStringLiteral("retries: 5\ntimeout_s: 30\n"));
        closeAndWait(w.get());
    }

    void questionMarkListsEveryShortcut()
    {
        m_server.submit(QStringLiteral("Shortcuts"));
        auto w = openWindow(0);
        queueView(w.get())->setFocus();
        QTest::keyClick(queueView(w.get()), '?');
        ShortcutsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w->findChild<ShortcutsDialog *>()) && dialog->isVisible());
        QStringList rows;
        for (int i = 0; i < dialog->list()->topLevelItemCount(); ++i)
            rows << dialog->list()->topLevelItem(i)->text(0) + u'=' + dialog->list()->topLevelItem(i)->text(1);
        const QString all = rows.join(u'\n');
        for (const QString &expected : {QStringLiteral("Approve="), QStringLiteral("Next Item=J"),
                 QStringLiteral("Undo Decision="), QStringLiteral("Filter Queue="),
                 QStringLiteral("Next File=Alt+PgDown"), QStringLiteral("Previous File=Alt+PgUp")})
            QVERIFY2(all.contains(expected), qPrintable(all));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());
        closeAndWait(w.get());
    }

    void fitsHalfALaptopScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("de") << QStringLiteral("de");
    }

    void fitsHalfALaptopScreen()
    {
        QFETCH(QString, language);
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        Translations::install(*qApp, QLocale(language));
        const QString longTitle = QStringLiteral("A title long enough to need eliding when the window is as narrow "
                                                 "as a laptop's half screen, so the header must not push it wider");
        const QString id = m_server.submit(longTitle);
        auto w = openWindow(0);
        w->queuePanel()->selectId(id);
        QTRY_COMPARE(w->session()->currentId(), id);
        w->session()->setUndoWindow(0);
        const int minimum = w->minimumSizeHint().width();
        qInfo("minimum width (%s): %d px", qPrintable(language), minimum);
        QVERIFY2(minimum <= MainWindow::MaximumMinimumWidth, qPrintable(QString::number(minimum)));
        w->resize(960, 700);
        QTRY_COMPARE(w->width(), 960);
        // The decision buttons stay whole inside the window.
        for (const char *name : {"approveButton", "modifyButton", "rejectButton"}) {
            auto *button = w->findChild<QPushButton *>(QLatin1String(name));
            const QRect inWindow(button->mapTo(w.get(), QPoint(0, 0)), button->size());
            QVERIFY2(w->rect().contains(inWindow), name);
            QVERIFY2(button->width() >= button->minimumSizeHint().width(), name);
        }
        // The long title is cut with an ellipsis and whole in its tooltip.
        auto *title = w->findChild<QLabel *>(QStringLiteral("reviewTitle"));
        QTRY_VERIFY(title->text().endsWith(QChar(0x2026)));
        QCOMPARE(title->toolTip(), longTitle);
        QVERIFY(title->fontMetrics().horizontalAdvance(title->text()) <= title->width());
        closeAndWait(w.get());
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_MAIN(TestReviewerTrust)
#include "tst_reviewertrust.moc"
