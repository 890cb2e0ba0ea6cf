#include "mainwindow.h"

// The main window's flows beyond the layout: editing and its drafts, the secondary windows
// and dialogs, and quitting without losing a decision.

#include "diff/diffwidget.h"
#include "history/historywindow.h"
#include "queue/batchdialog.h"
#include "queue/queuepanel.h"
#include "report/reportwindow.h"
#include "review/patchview.h"
#include "review/reviewpane.h"
#include "settings/windowmemory.h"
#include "shortcutsdialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>

namespace Countersign {

namespace {
// How long quitting waits for the last decisions to reach the server before asking.
constexpr int QuitFlushTimeoutMs = 10000;
} // namespace

void MainWindow::onCurrentChanged(const QString &id)
{
    keepDraftOfShownItem();
    m_session->open(id, !m_quietSelection);
}

void MainWindow::keepDraftOfShownItem()
{
    // Leaving an item mid-edit keeps the edit; coming back restores it.
    const auto shown = m_review->action();
    if (shown && m_review->isEditing() && m_review->hasEdits() && !m_session->isDecidedLocally(shown->id))
        m_session->saveDraft(shown->id, m_review->editedText());
}

void MainWindow::toggleEditing()
{
    if (!m_review->isEditing()) {
        m_review->startEditing();
        m_review->focusEditor();
        return;
    }
    if (!m_review->hasEdits()) {
        m_review->cancelEditing();
        return;
    }
    // Never throw an edit away without asking.
    auto *box
        = new QMessageBox(QMessageBox::Question, tr("Modify"), tr("Keep your edits?"), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("discardEditsBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("You changed the proposal. You can keep editing, approve it with your edits, or "
                               "discard them and return to the agent's draft."));
    QPushButton *keep = box->addButton(tr("&Keep Editing"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepEditingButton"));
    QPushButton *approve = box->addButton(tr("&Approve With Edits"), QMessageBox::AcceptRole);
    approve->setObjectName(QStringLiteral("approveWithEditsButton"));
    QPushButton *discard = box->addButton(tr("&Discard Edits"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardEditsButton"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, approve, discard](QAbstractButton *clicked) {
        if (clicked == approve) {
            action(QStringLiteral("actionApprove"))->trigger();
        } else if (clicked == discard) {
            if (const auto shown = m_review->action())
                m_session->discardDraft(shown->id);
            m_review->cancelEditing();
        } else {
            m_review->focusEditor();
        }
    });
    box->open();
}

void MainWindow::openShortcuts()
{
    auto *dialog = findChild<ShortcutsDialog *>();
    if (!dialog) {
        auto actions = [this](std::initializer_list<const char *> names) {
            QList<QAction *> list;
            for (const char *name : names)
                list << action(QLatin1String(name));
            return list;
        };
        DiffWidget *diff = m_review->diffWidget();
        const QList<ShortcutsDialog::Group> groups{
            {tr("Deciding"),
                actions(
                    {"actionApprove", "actionModify", "actionReject", "actionUndo", "actionSnooze", "actionBatch"})},
            {tr("Moving around"),
                actions({"actionNext", "actionPrevious", "actionFilter", "actionRefresh", "actionShortcuts"})},
            {tr("Reading the change"),
                {action(QStringLiteral("actionViewProposed")), action(QStringLiteral("actionViewEdits")),
                    action(QStringLiteral("actionViewResult")), diff->nextChangeAction(), diff->previousChangeAction(),
                    diff->findAction(), diff->wordWrapAction(), diff->revertChangeAction(),
                    m_review->patchView()->nextFileAction(), m_review->patchView()->previousFileAction()}},
            {tr("Windows"),
                actions({"actionHistory", "actionReports", "actionSettings", "actionConnect", "actionQuit"})},
        };
        const QList<std::pair<QString, QString>> extra{
            {tr("Esc"), tr("In the filter: clear it and return to the queue")},
            {tr("Enter"), tr("In the reason box: reject with that reason")},
        };
        dialog = new ShortcutsDialog(groups, extra, this);
    }
    dialog->open();
}

void MainWindow::openBatchReview()
{
    QStringList ids = m_queuePanel->selectedIds();
    if (ids.size() < 2)
        ids = m_queue->visibleIds(); // "all matching the filter"
    openBatchDialog(ids);
}

void MainWindow::openBatchDialog(const QStringList &ids)
{
    auto *dialog = new BatchDialog(m_queue, ids, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &BatchDialog::decided, this, [this](const QStringList &chosen, Outcome outcome, const QString &reason) {
            if (outcome != Outcome::Approve || !m_confirmBatch) {
                m_session->decideBatch(chosen, outcome, reason);
                return;
            }
            auto *confirm = new QMessageBox(QMessageBox::Question, tr("Batch Review"),
                tr("Approve %n item(s) at once?", nullptr, int(chosen.size())), QMessageBox::Yes | QMessageBox::No,
                this);
            confirm->setObjectName(QStringLiteral("batchConfirmBox"));
            confirm->setAttribute(Qt::WA_DeleteOnClose);
            confirm->setDefaultButton(QMessageBox::No);
            connect(confirm, &QMessageBox::accepted, this, [this, chosen, reason] {
                m_session->decideBatch(chosen, Outcome::Approve, reason);
            });
            confirm->open();
        });
    dialog->open();
}

void MainWindow::openHistory()
{
    auto *window = findChild<HistoryWindow *>();
    if (!window) {
        window = new HistoryWindow(m_history.get(), this);
        window->setAttribute(Qt::WA_DeleteOnClose);
    }
    window->show();
    window->raise();
}

void MainWindow::openReports()
{
    auto *window = findChild<ReportWindow *>();
    if (!window) {
        window = new ReportWindow(m_session->connection(), this);
        window->setAttribute(Qt::WA_DeleteOnClose);
    }
    window->show();
    window->raise();
    window->activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closeConfirmed) {
        // Nothing the reviewer did may be lost by quitting: the edit in progress is kept, the
        // decision in its undo window and anything waiting are sent now, and the claim of an
        // undecided item is released. Quitting goes on when that is done, or asks.
        event->ignore();
        if (m_closing)
            return;
        m_closing = true;
        keepDraftOfShownItem();
        auto *progress
            = new QProgressDialog(tr("Sending your last decisions to the server…"), tr("&Quit Now"), 0, 0, this);
        progress->setObjectName(QStringLiteral("quitProgress"));
        progress->setWindowTitle(tr("Quitting"));
        progress->setMinimumDuration(300);
        progress->setAttribute(Qt::WA_DeleteOnClose);
        auto *timeout = new QTimer(progress);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, this, [this] {
            finishClosing(false);
        });
        connect(progress, &QProgressDialog::canceled, this, [this] {
            finishClosing(false);
        });
        connect(m_session, &ReviewSession::flushFinished, progress, [this](bool everythingSent) {
            finishClosing(everythingSent);
        });
        timeout->start(QuitFlushTimeoutMs);
        m_session->flush();
        return;
    }
    const auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    WindowMemory().setLayout(saveGeometry(), saveState(), splitter ? splitter->saveState() : QByteArray());
    m_session->disconnectFromServer();
    event->accept();
}

void MainWindow::finishClosing(bool everythingSent)
{
    if (!m_closing)
        return;
    if (auto *progress = findChild<QProgressDialog *>(QStringLiteral("quitProgress"))) {
        progress->disconnect(this);
        progress->close();
    }
    const int waiting = m_session->waitingToSend();
    if (everythingSent || waiting == 0) {
        m_closing = false;
        m_closeConfirmed = true;
        // Queued: this may run inside the close event that started it, where close() is a no-op.
        QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Quit Countersign"),
        tr("%n decision(s) could not be sent to the server yet.", nullptr, waiting), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("unsentDecisionsBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("They are saved on this computer and will be sent the next time you connect to %1.")
            .arg(m_session->serverUrl().toDisplayString()));
    QPushButton *quit = box->addButton(tr("&Quit"), QMessageBox::AcceptRole);
    quit->setObjectName(QStringLiteral("quitAnywayButton"));
    QPushButton *stay = box->addButton(tr("&Stay"), QMessageBox::RejectRole);
    stay->setObjectName(QStringLiteral("stayButton"));
    box->setDefaultButton(stay);
    connect(box, &QMessageBox::buttonClicked, this, [this, quit](QAbstractButton *clicked) {
        m_closing = false;
        if (clicked == quit) {
            m_closeConfirmed = true;
            close();
        }
    });
    box->open();
}

} // namespace Countersign
