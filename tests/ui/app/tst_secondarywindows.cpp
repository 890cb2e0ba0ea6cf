#include "client/serverconnection.h"
#include "diff/diffwidget.h"
#include "history/decisionhistory.h"
#include "history/historymodel.h"
#include "history/historywindow.h"
#include "report/reportwindow.h"
#include "review/patchview.h"
#include "settings/exportlocation.h"

#include "isolatedsettings.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Countersign;

// The windows besides the main window (decision history, reports): Esc and Ctrl+W close them,
// and their export dialogs open in the user's Documents folder (or the folder used last), never
// in the working directory the app was started from.
class TestSecondaryWindows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void escapeClosesHistory();
    void ctrlWClosesHistory();
    void escapeInFindBarOnlyClosesIt();
    void escapeClosesReports();
    void ctrlWClosesReports();
    void exportStartsInHomeWithoutDocuments();
    void exportStartsInDocuments();
    void exportRemembersTheFolder();
    void historyShowsTheThreeViewsOfADecidedChange();
    void historyShowsADecidedPatchFileByFile();

private:
    // Shows the window, makes it the active one, and puts the focus on `focus` inside it.
    static bool activate(QWidget *window, QWidget *focus)
    {
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window))
            return false;
        focus->setFocus(Qt::OtherFocusReason);
        return true;
    }
    // Presses the button (or triggers the action) that opens a file dialog; returns the folder
    // the dialog opened in, and cancels it, or saves to `saveAs`.
    QString exportDialogFolder(const std::function<void()> &open, const QString &saveAs = {});

    std::unique_ptr<HistoryWindow> historyWindow();
    std::unique_ptr<ReportWindow> reportWindow();

    QTemporaryDir m_home;
    QString m_workingDirectory;
    DecisionHistory *m_history = nullptr;
    std::unique_ptr<DecisionHistory> m_historyOwner;
    ServerConnection m_connection; // not connected: the windows only need one to exist
};

void TestSecondaryWindows::initTestCase()
{
    Test::isolateSettings(QStringLiteral("tst_secondarywindows"));
    QVERIFY(m_home.isValid());
    // A home of our own, without a Documents folder (QStandardPaths reads these at each call).
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".config"))));
    // Started from somewhere else, as `scripts/countersign run` starts the app in the work tree.
    QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("worktree"))));
    m_workingDirectory = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_home.filePath(QStringLiteral("worktree"))));

    m_historyOwner = std::make_unique<DecisionHistory>(m_home.filePath(QStringLiteral("history.db")));
    QVERIFY(m_historyOwner->open());
    m_history = m_historyOwner.get();
}

void TestSecondaryWindows::cleanupTestCase()
{
    QDir::setCurrent(m_workingDirectory);
    Test::removeIsolatedSettings();
}

std::unique_ptr<HistoryWindow> TestSecondaryWindows::historyWindow()
{
    return std::make_unique<HistoryWindow>(m_history);
}

std::unique_ptr<ReportWindow> TestSecondaryWindows::reportWindow()
{
    return std::make_unique<ReportWindow>(&m_connection);
}

void TestSecondaryWindows::escapeClosesHistory()
{
    auto window = historyWindow();
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("historySearch"));
    QVERIFY(search);
    QVERIFY(activate(window.get(), search));
    QTest::keyClicks(search, QStringLiteral("reply"));
    QTest::keyClick(search, Qt::Key_Escape);
    QTRY_VERIFY(!window->isVisible());
}

void TestSecondaryWindows::ctrlWClosesHistory()
{
    auto window = historyWindow();
    auto *view = window->findChild<QWidget *>(QStringLiteral("historyView"));
    QVERIFY(view);
    QVERIFY(activate(window.get(), view));
    QTest::keyClick(view, Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY(!window->isVisible());
}

void TestSecondaryWindows::escapeInFindBarOnlyClosesIt()
{
    // Esc belongs to the innermost thing that wants it: the diff's find bar first.
    auto window = historyWindow();
    auto *diff = window->findChild<DiffWidget *>(QStringLiteral("historyDiff"));
    QVERIFY(diff);
    QVERIFY(activate(window.get(), diff));
    diff->showFindBar();
    auto *field = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY2(field, "the find bar's field has no focus");
    QTRY_VERIFY(field->isVisible());
    QTest::keyClick(field, Qt::Key_Escape);
    QTRY_VERIFY(!field->isVisible());
    QVERIFY(window->isVisible());
    QTest::keyClick(window->findChild<QWidget *>(QStringLiteral("historyView")), Qt::Key_Escape);
    QTRY_VERIFY(!window->isVisible());
}

void TestSecondaryWindows::escapeClosesReports()
{
    auto window = reportWindow();
    auto *table = window->findChild<QTableView *>(QStringLiteral("reportTable"));
    QVERIFY(table);
    QVERIFY(activate(window.get(), table));
    QTest::keyClick(table, Qt::Key_Escape);
    QTRY_VERIFY(!window->isVisible());
}

void TestSecondaryWindows::ctrlWClosesReports()
{
    auto window = reportWindow();
    auto *range = window->findChild<QWidget *>(QStringLiteral("reportRange"));
    QVERIFY(range);
    QVERIFY(activate(window.get(), range));
    QTest::keyClick(range, Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY(!window->isVisible());
}

QString TestSecondaryWindows::exportDialogFolder(const std::function<void()> &open, const QString &saveAs)
{
    QString folder = QStringLiteral("<no file dialog>");
    // The dialog is modal: look for it from a timer while it runs its own event loop.
    QTimer watcher;
    watcher.setInterval(20);
    connect(&watcher, &QTimer::timeout, this, [&folder, &watcher, &saveAs] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        folder = QDir::cleanPath(dialog->directory().absolutePath());
        watcher.stop();
        if (saveAs.isEmpty()) {
            dialog->reject();
            return;
        }
        dialog->selectFile(saveAs);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog's own accept() is protected
    });
    watcher.start();
    open();
    [&] {
        QTRY_VERIFY(!watcher.isActive());
    }();
    return folder;
}

void TestSecondaryWindows::exportStartsInHomeWithoutDocuments()
{
    QVERIFY(!QDir(m_home.filePath(QStringLiteral("Documents"))).exists());
    QCOMPARE(ExportLocation::defaultFolder(), QDir::cleanPath(m_home.path()));
    auto history = historyWindow();
    history->show();
    auto *button = history->findChild<QPushButton *>(QStringLiteral("historyExport"));
    QVERIFY(button);
    QCOMPARE(exportDialogFolder([button] {
        button->click();
    }),
        QDir::cleanPath(m_home.path()));
}

void TestSecondaryWindows::exportStartsInDocuments()
{
    const QString documents = QDir::cleanPath(m_home.filePath(QStringLiteral("Documents")));
    QVERIFY(QDir().mkpath(documents));
    auto history = historyWindow();
    history->show();
    auto *button = history->findChild<QPushButton *>(QStringLiteral("historyExport"));
    QCOMPARE(exportDialogFolder([button] {
        button->click();
    }),
        documents);

    auto reports = reportWindow();
    reports->show();
    auto *action = reports->findChild<QAction *>(QStringLiteral("actionExportReportCsv"));
    QVERIFY(action);
    QCOMPARE(exportDialogFolder([action] {
        action->trigger();
    }),
        documents);
}

void TestSecondaryWindows::exportRemembersTheFolder()
{
    const QString elsewhere = QDir::cleanPath(m_home.filePath(QStringLiteral("exports")));
    QVERIFY(QDir().mkpath(elsewhere));
    // Saving the history there...
    auto history = historyWindow();
    history->show();
    auto *button = history->findChild<QPushButton *>(QStringLiteral("historyExport"));
    const QString saved = elsewhere + QStringLiteral("/countersign-history.csv");
    exportDialogFolder(
        [button] {
            button->click();
        },
        saved);
    QTRY_VERIFY(QFile::exists(saved));
    // ... makes it the folder the next export starts in, in any window.
    auto reports = reportWindow();
    reports->show();
    auto *action = reports->findChild<QAction *>(QStringLiteral("actionExportReportCsv"));
    QCOMPARE(exportDialogFolder([action] {
        action->trigger();
    }),
        elsewhere);
    // A folder that is gone: back to Documents.
    QVERIFY(QDir(elsewhere).removeRecursively());
    QCOMPARE(ExportLocation::defaultFolder(), QDir::cleanPath(m_home.filePath(QStringLiteral("Documents"))));
}

void TestSecondaryWindows::historyShowsTheThreeViewsOfADecidedChange()
{
    HistoryEntry plain;
    plain.time = QDateTime::currentDateTimeUtc();
    plain.actionId = QStringLiteral("act-plain");
    plain.actionType = QStringLiteral("email.send_external");
    plain.category = QStringLiteral("communications");
    plain.title = QStringLiteral("Plain reply");
    plain.outcome = QStringLiteral("approve");
    plain.reviewer = QStringLiteral("rita");
    plain.aiDraft = QStringLiteral("Hello\n");
    plain.finalPayload = QStringLiteral("Hello\n");
    QVERIFY(m_history->record(plain));
    HistoryEntry change = plain;
    change.actionId = QStringLiteral("act-change");
    change.title = QStringLiteral("Fix the greeting");
    change.outcome = QStringLiteral("modify");
    change.original = QStringLiteral("Hello wrld\n");
    change.aiDraft = QStringLiteral("Hello world\n");
    change.finalPayload = QStringLiteral("Hello world\nBye\n");
    change.time = plain.time.addSecs(1);
    QVERIFY(m_history->record(change));

    auto window = historyWindow();
    auto *views = window->findChild<QTabBar *>(QStringLiteral("historyViews"));
    QVERIFY(views);
    QVERIFY(activate(window.get(), window->findChild<QWidget *>(QStringLiteral("historyView"))));
    DiffWidget *diff = window->diffWidget();
    // The newest decision, a change, opens on what was proposed.
    QTRY_VERIFY(views->isVisible());
    QCOMPARE(window->view(), HistoryWindow::View::Proposed);
    QCOMPARE(diff->leftText(), QStringLiteral("Hello wrld\n"));
    QCOMPARE(diff->editedText(), QStringLiteral("Hello world\n"));
    views->setCurrentIndex(1);
    QCOMPARE(window->view(), HistoryWindow::View::Edits);
    QCOMPARE(diff->leftText(), QStringLiteral("Hello world\n"));
    QCOMPARE(diff->editedText(), QStringLiteral("Hello world\nBye\n"));
    window->setView(HistoryWindow::View::Result);
    QCOMPARE(views->currentIndex(), 2);
    QCOMPARE(diff->leftText(), QStringLiteral("Hello wrld\n"));
    QCOMPARE(diff->editedText(), QStringLiteral("Hello world\nBye\n"));

    // A decision without an original shows the edits only.
    auto *list = window->findChild<QTreeView *>(QStringLiteral("historyView"));
    list->setCurrentIndex(list->model()->index(1, 0));
    QTRY_VERIFY(!views->isVisible());
    QCOMPARE(window->view(), HistoryWindow::View::Edits);
    window->setView(HistoryWindow::View::Result);
    QCOMPARE(window->view(), HistoryWindow::View::Edits);
    QCOMPARE(diff->leftText(), QStringLiteral("Hello\n"));
}

void TestSecondaryWindows::historyShowsADecidedPatchFileByFile()
{
    const QString agentPatch = QStringLiteral("diff --git a/notes.txt b/notes.txt\n"
                                              "--- a/notes.txt\n"
                                              "+++ b/notes.txt\n"
                                              "@@ -1,2 +1,2 @@\n"
                                              " one\n"
                                              "-two\n"
                                              "+zwei\n"
                                              "diff --git a/tool.py b/tool.py\n"
                                              "new file mode 100644\n"
                                              "--- /dev/null\n"
                                              "+++ b/tool.py\n"
                                              "@@ -0,0 +1,2 @@\n"
                                              "+import sys\n"
                                              "+print(sys.argv)\n");
    QString reviewerPatch = agentPatch;
    reviewerPatch.replace(QStringLiteral("+zwei\n"), QStringLiteral("+deux\n"));

    HistoryEntry modified;
    modified.time = QDateTime::currentDateTimeUtc().addSecs(60);
    modified.actionId = QStringLiteral("act-patch-modified");
    modified.actionType = QStringLiteral("code.merge_patch");
    modified.category = QStringLiteral("code");
    modified.title = QStringLiteral("Translate the notes");
    modified.language = QStringLiteral("diff");
    modified.outcome = QStringLiteral("modify");
    modified.reviewer = QStringLiteral("rita");
    modified.aiDraft = agentPatch;
    modified.finalPayload = reviewerPatch;
    QVERIFY(m_history->record(modified));
    HistoryEntry approved = modified;
    approved.actionId = QStringLiteral("act-patch-approved");
    approved.outcome = QStringLiteral("approve");
    approved.finalPayload = agentPatch;
    approved.time = modified.time.addSecs(1);
    QVERIFY(m_history->record(approved));
    HistoryEntry broken = modified;
    broken.actionId = QStringLiteral("act-patch-broken");
    broken.outcome = QStringLiteral("approve");
    broken.aiDraft = QStringLiteral("this is no patch\n");
    broken.finalPayload = broken.aiDraft;
    broken.time = modified.time.addSecs(2);
    QVERIFY(m_history->record(broken));

    auto window = historyWindow();
    auto *views = window->findChild<QTabBar *>(QStringLiteral("historyViews"));
    auto *list = window->findChild<QTreeView *>(QStringLiteral("historyView"));
    QVERIFY(views && list);
    QVERIFY(activate(window.get(), list));
    const auto select = [&](const QString &actionId) {
        for (int row = 0; row < window->model()->rowCount(); ++row) {
            if (window->model()->entry(row).actionId == actionId) {
                list->setCurrentIndex(window->model()->index(row, 0));
                return true;
            }
        }
        return false;
    };
    PatchView *patch = window->patchView();
    DiffWidget *diff = window->diffWidget();

    // A patch the reviewer changed: the agent's patch file by file, then the patch approved.
    QVERIFY(select(modified.actionId));
    QVERIFY(window->isShowingPatch());
    QTRY_VERIFY(patch->isVisible());
    QVERIFY(!diff->isVisible());
    QVERIFY(views->isVisible());
    QCOMPARE(window->view(), HistoryWindow::View::Proposed);
    QVERIFY(views->tabText(0).contains(QStringLiteral("Agent's patch")));
    QCOMPARE(patch->patch().text(), agentPatch);
    QCOMPARE(patch->fileCount(), 2);
    QVERIFY(!patch->isEditing());
    QCOMPARE(patch->diffWidget()->diff().rightLine(1), QStringLiteral("zwei"));
    QVERIFY(patch->goToNextFile());
    QCOMPARE(patch->diffWidget()->definition().name(), QStringLiteral("Python"));

    views->setCurrentIndex(2);
    QCOMPARE(window->view(), HistoryWindow::View::Result);
    QVERIFY(patch->isVisible());
    QCOMPARE(patch->patch().text(), reviewerPatch);
    QCOMPARE(patch->diffWidget()->diff().rightLine(1), QStringLiteral("deux"));

    // Your edits: per file, the agent's new side against the one approved.
    views->setCurrentIndex(1);
    QCOMPARE(window->view(), HistoryWindow::View::Edits);
    QVERIFY(patch->isVisible());
    QVERIFY(!diff->isVisible());
    patch->setCurrentFile(0);
    QCOMPARE(patch->diffWidget()->leftText(), QStringLiteral("one\nzwei\n"));
    QCOMPARE(patch->diffWidget()->editedText(), QStringLiteral("one\ndeux\n"));
    QVERIFY(!patch->diffWidget()->isEditable());
    // Back to the agent's patch.
    views->setCurrentIndex(0);
    QVERIFY(patch->diffWidget()->diff().isPartial());
    QCOMPARE(patch->diffWidget()->diff().rightLine(1), QStringLiteral("zwei"));

    // A patch approved as proposed: the patch alone, no views to choose from.
    QVERIFY(select(approved.actionId));
    QTRY_VERIFY(patch->isVisible());
    QVERIFY(!views->isVisible());
    QCOMPARE(window->view(), HistoryWindow::View::Proposed);
    QCOMPARE(patch->patch().text(), agentPatch);
    window->setView(HistoryWindow::View::Result);
    QCOMPARE(window->view(), HistoryWindow::View::Proposed);

    // A "diff" that does not parse stays text.
    QVERIFY(select(broken.actionId));
    QVERIFY(!window->isShowingPatch());
    QTRY_VERIFY(diff->isVisible());
    QVERIFY(!patch->isVisible());
    QCOMPARE(diff->editedText(), broken.aiDraft);
}

QTEST_MAIN(TestSecondaryWindows)
#include "tst_secondarywindows.moc"
