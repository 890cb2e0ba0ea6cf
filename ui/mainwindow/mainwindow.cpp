#include "mainwindow.h"

#include "client/notificationbatcher.h"
#include "diff/diffwidget.h"
#include "history/decisionhistory.h"
#include "history/historywindow.h"
#include "i18n/rolenames.h"
#include "logging.h"
#include "queue/batchdialog.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"
#include "report/reportwindow.h"
#include "review/patchview.h"
#include "review/reviewpane.h"
#include "sessionbanner.h"
#include "settings/windowmemory.h"
#include "shortcutsdialog.h"
#include "style/icons.h"
#include "style/statuscolors.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTextEdit>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Countersign {

MainWindow::MainWindow(const QString &historyPath, QWidget *parent)
    : QMainWindow(parent)
    , m_history(std::make_unique<DecisionHistory>(historyPath))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Countersign"));
    setWindowIcon(Icons::icon(Icons::App));

    const auto opened = m_history->open();
    if (!opened)
        qCWarning(lcUi) << "decision history unavailable:" << opened.error().message;

    m_queue = new QueueModel(this);
    m_session = new ReviewSession(m_queue, opened ? m_history.get() : nullptr, m_clock, nullptr, this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new SessionBanner(central);
    layout->addWidget(m_banner);
    auto *splitter = new QSplitter(Qt::Horizontal, central);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_queuePanel = new QueuePanel(m_queue, splitter);
    m_review = new ReviewPane(splitter);
    splitter->addWidget(m_queuePanel);
    splitter->addWidget(m_review);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setCollapsible(1, false);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    connect(m_banner, &SessionBanner::retryRequested, m_session, &ReviewSession::retryNow);
    connect(m_banner, &SessionBanner::historyRequested, this, &MainWindow::openHistory);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    createTray();

    connect(m_queuePanel, &QueuePanel::currentChanged, this, &MainWindow::onCurrentChanged);
    // Clicking or pressing Enter on the item shown opens it on purpose: then it is claimed.
    for (auto signal : {&QAbstractItemView::clicked, &QAbstractItemView::activated}) {
        connect(m_queuePanel->view(), signal, this, [this] {
            if (!m_queuePanel->currentId().isEmpty())
                m_session->open(m_queuePanel->currentId(), true);
        });
    }
    connect(m_queuePanel, &QueuePanel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_session, &ReviewSession::currentActionChanged, this, &MainWindow::showCurrent);
    connect(m_session, &ReviewSession::claimChanged, this, [this](const QString &id, const QString &by, bool mine) {
        if (id == m_session->currentId())
            m_review->setClaim(by, mine);
    });
    connect(m_session, &ReviewSession::pendingDecisionChanged, this, [this](const QString &id, int seconds) {
        const QString undoKeys = action(QStringLiteral("actionUndo"))->shortcut().toString(QKeySequence::NativeText);
        m_review->setPendingDecision(id.isEmpty() ? 0 : seconds, m_session->pendingDescription(), undoKeys);
        updateActions();
    });
    connect(m_session, &ReviewSession::decisionRefused, this,
        [this](const QString &, const QString &title, const Error &error) {
            m_banner->addRefusal(title, error.message);
            updateActions();
        });
    connect(m_session, &ReviewSession::outboxChanged, this, [this] {
        if (auto *history = findChild<HistoryWindow *>())
            history->refresh();
        updateStatus();
        updateBanner();
        updateActions();
        if (const auto current = m_session->currentAction())
            m_review->setDecidedLocally(m_session->isDecidedLocally(current->id));
    });
    connect(m_session, &ReviewSession::retryCountdownChanged, this, &MainWindow::updateBanner);
    connect(m_session, &ReviewSession::errorOccurred, this, &MainWindow::showError);
    connect(m_session, &ReviewSession::connectionStateChanged, this, &MainWindow::updateStatus);
    connect(m_session, &ReviewSession::connectionStateChanged, this, &MainWindow::updateBanner);
    connect(m_session, &ReviewSession::connectionStateChanged, this, &MainWindow::updateActions);
    connect(m_session, &ReviewSession::identityChanged, this, [this](const UserIdentity &who) {
        m_queuePanel->setMe(who.name);
        m_review->setReadOnly(!who.canReview());
        updateStatus();
    });
    connect(m_session, &ReviewSession::queueLoaded, this, [this] {
        updateStatus();
        if (!m_queuePanel->currentId().isEmpty())
            return;
        // The first item is shown, not opened: nothing is claimed until the reviewer moves.
        m_quietSelection = true;
        m_queuePanel->step(1);
        m_quietSelection = false;
        if (!QApplication::focusWidget() || QApplication::focusWidget()->window() != this)
            m_queuePanel->view()->setFocus(Qt::OtherFocusReason);
    });
    connect(m_session, &ReviewSession::actionEvent, this, &MainWindow::onActionEvent);
    connect(m_queuePanel, &QueuePanel::reviewGroupRequested, this, &MainWindow::openBatchDialog);
    connect(m_session, &ReviewSession::batchFinished, this, [this](int decided, const QStringList &problems) {
        m_queuePanel->clearSelection();
        if (problems.isEmpty()) {
            statusBar()->showMessage(tr("%n item(s) decided.", nullptr, decided), 5000);
            return;
        }
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Batch review"),
            tr("%n item(s) decided.", nullptr, decided) + u' '
                + tr("%n item(s) changed meanwhile and were not decided.", nullptr, int(problems.size())),
            QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("batchProblemsBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setDetailedText(problems.join(u'\n'));
        box->open();
    });
    connect(m_review, &ReviewPane::approveRequested, this, [this] {
        action(QStringLiteral("actionApprove"))->trigger();
    });
    connect(m_review, &ReviewPane::modifyRequested, this, [this] {
        action(QStringLiteral("actionApprove"))->trigger();
    });
    connect(m_review, &ReviewPane::editToggleRequested, this, &MainWindow::toggleEditing);
    connect(m_review, &ReviewPane::rejectRequested, this, [this] {
        action(QStringLiteral("actionReject"))->trigger();
    });
    connect(m_review, &ReviewPane::undoRequested, m_session, &ReviewSession::undo);
    connect(m_queue, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
    connect(m_queue, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatus);
    connect(qApp, &QApplication::focusChanged, this, &MainWindow::updateActions);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_queue->setNow(now);
        m_review->setNow(now);
        updateStatus();
        notifyBreaches();
    });
    m_tick.start();

    const WindowMemory memory;
    restoreGeometry(memory.geometry());
    restoreState(memory.state());
    m_review->setRecentReasons(memory.recentReasons());
    if (!memory.hasGeometry())
        resize(1400, 860);
    // The queue gets about two fifths of the width until the reviewer moves the divider.
    if (!splitter->restoreState(memory.splitter()))
        splitter->setSizes({2 * width() / 5, 3 * width() / 5});
    updateStatus();
    updateActions();
    m_queuePanel->view()->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    // Children emit while they are torn down (a selection cleared, a claim released), and this
    // window's slots use the controller and the history: so the windows and views that talk to
    // them go first, then the controller, unheard, and the history last (a member).
    m_tick.stop();
    disconnect(qApp, nullptr, this, nullptr); // focus moves while children die
    qDeleteAll(findChildren<HistoryWindow *>());
    qDeleteAll(findChildren<ReportWindow *>());
    delete takeCentralWidget();
    disconnect(m_session, nullptr, this, nullptr);
    delete m_session;
    m_session = nullptr;
}

QAction *MainWindow::addAction(const QString &objectName, const QString &text, const QString &icon,
    const QKeySequence &shortcut, const QString &statusTip)
{
    // Our own icons where the desktop theme has none (Icons::icon prefers the theme's).
    static const QHash<QString, Icons::Icon> ours{
        {QStringLiteral("actionApprove"), Icons::Approve},
        {QStringLiteral("actionReject"), Icons::Reject},
        {QStringLiteral("actionModify"), Icons::Modify},
        {QStringLiteral("actionNext"), Icons::Next},
        {QStringLiteral("actionPrevious"), Icons::Previous},
        {QStringLiteral("actionBatch"), Icons::Batch},
        {QStringLiteral("actionHistory"), Icons::History},
        {QStringLiteral("actionReports"), Icons::Report},
        {QStringLiteral("actionConnect"), Icons::Connected},
        {QStringLiteral("actionDisconnect"), Icons::Disconnected},
    };
    const auto own = ours.constFind(objectName);
    auto *a = new QAction(own != ours.cend() ? Icons::icon(*own) : QIcon::fromTheme(icon), text, this);
    a->setObjectName(objectName);
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    a->setStatusTip(statusTip);
    a->setToolTip(shortcut.isEmpty()
            ? text
            : QStringLiteral("%1 (%2)").arg(QString(text).remove(u'&'), shortcut.toString(QKeySequence::NativeText)));
    m_actions.insert(objectName, a);
    QWidget::addAction(a);
    return a;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return m_actions.value(objectName);
}

void MainWindow::createActions()
{
    connect(addAction(QStringLiteral("actionConnect"), tr("&Connect…"), QStringLiteral("network-connect"),
                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), tr("Connect to a Countersign server")),
        &QAction::triggered, this, &MainWindow::connectRequested);
    connect(addAction(QStringLiteral("actionDisconnect"), tr("&Disconnect"), QStringLiteral("network-disconnect"), {},
                tr("Disconnect from the server")),
        &QAction::triggered, m_session, &ReviewSession::disconnectFromServer);
    connect(addAction(QStringLiteral("actionQuit"), tr("&Quit"), QStringLiteral("application-exit"),
                QKeySequence(Qt::CTRL | Qt::Key_Q), tr("Quit Countersign")),
        &QAction::triggered, this, &QWidget::close);

    connect(addAction(QStringLiteral("actionApprove"), tr("&Approve"), QStringLiteral("dialog-ok-apply"),
                QKeySequence(Qt::CTRL | Qt::Key_Return), tr("Approve the current item (with your edit, if any)")),
        &QAction::triggered, this, [this] {
            const QString id = m_session->currentId();
            if (m_review->isEditing() && !m_review->editProblem().isEmpty()) {
                statusBar()->showMessage(m_review->editProblem(), 8000);
                return;
            }
            if (m_review->isEditing() && m_review->hasEdits())
                m_session->modify(m_review->editedText());
            else
                m_session->approve();
            m_review->finishEditing();
            moveOnFrom(id);
        });
    connect(addAction(QStringLiteral("actionModify"), tr("&Modify"), QStringLiteral("document-edit"),
                QKeySequence(Qt::CTRL | Qt::Key_E), tr("Edit the proposal before approving it")),
        &QAction::triggered, this, &MainWindow::toggleEditing);
    connect(addAction(QStringLiteral("actionReject"), tr("&Reject"), QStringLiteral("dialog-cancel"),
                QKeySequence(Qt::CTRL | Qt::Key_Backspace), tr("Reject the current item with a reason")),
        &QAction::triggered, this, [this] {
            const QString reason = m_review->rejectReason();
            if (reason.isEmpty()) {
                m_review->focusRejectReason();
                statusBar()->showMessage(tr("Type the reason for rejecting, then press Enter."), 5000);
                return;
            }
            const QString id = m_session->currentId();
            rememberReason(reason);
            m_session->reject(reason);
            m_review->finishEditing();
            moveOnFrom(id);
        });
    createSnoozeMenu();
    connect(addAction(QStringLiteral("actionSnooze"), tr("&Snooze…"), QStringLiteral("appointment-soon"),
                QKeySequence(Qt::Key_S), tr("Not now: set the current item aside until a time you choose")),
        &QAction::triggered, this, &MainWindow::openSnoozeMenu);
    connect(addAction(QStringLiteral("actionUndo"), tr("&Undo Decision"), QStringLiteral("edit-undo"),
                QKeySequence::Undo, tr("Take back the decision before it is sent")),
        &QAction::triggered, this, [this] {
            const QString id = m_session->pendingActionId();
            m_session->undo();
            m_queuePanel->selectId(id);
        });
    connect(addAction(QStringLiteral("actionNext"), tr("&Next Item"), QStringLiteral("go-down"),
                QKeySequence(Qt::Key_J), tr("Open the next item in the queue")),
        &QAction::triggered, this, [this] {
            m_queuePanel->step(1);
        });
    connect(addAction(QStringLiteral("actionPrevious"), tr("&Previous Item"), QStringLiteral("go-up"),
                QKeySequence(Qt::Key_K), tr("Open the previous item in the queue")),
        &QAction::triggered, this, [this] {
            m_queuePanel->step(-1);
        });
    connect(addAction(QStringLiteral("actionBatch"), tr("&Batch Review…"), QStringLiteral("view-list-details"),
                QKeySequence(Qt::CTRL | Qt::Key_B), tr("Approve or reject the selected items of one category at once")),
        &QAction::triggered, this, &MainWindow::openBatchReview);
    connect(addAction(QStringLiteral("actionFilter"), tr("&Filter Queue"), QStringLiteral("view-filter"),
                QKeySequence(Qt::CTRL | Qt::Key_L), tr("Type to filter the queue")),
        &QAction::triggered, m_queuePanel, &QueuePanel::focusFilter);
    // 1, 2, 3: what the diff compares (a change's original, the AI draft, your version).
    const std::tuple<const char *, QString, ReviewPane::View, Qt::Key> views[] = {
        {"actionViewProposed", tr("&Proposed Change"), ReviewPane::View::Proposed, Qt::Key_1},
        {"actionViewEdits", tr("Your &Edits"), ReviewPane::View::Edits, Qt::Key_2},
        {"actionViewResult", tr("&Result"), ReviewPane::View::Result, Qt::Key_3},
    };
    for (const auto &[name, text, view, key] : views) {
        connect(addAction(QLatin1String(name), text, {}, QKeySequence(key), tr("Choose what the diff compares")),
            &QAction::triggered, this, [this, view] {
                m_review->setView(view);
            });
    }
    connect(addAction(QStringLiteral("actionShortcuts"), tr("&Keyboard Shortcuts"),
                QStringLiteral("help-keyboard-shortcuts"), QKeySequence(Qt::Key_Question),
                tr("Every key of the window at a glance")),
        &QAction::triggered, this, &MainWindow::openShortcuts);
    // Reloading reconnects with the session's token: connectToServer() wires it.
    addAction(QStringLiteral("actionRefresh"), tr("&Reload Queue"), QStringLiteral("view-refresh"),
        QKeySequence::Refresh, tr("Load the queue again from the server"));
    connect(addAction(QStringLiteral("actionHistory"), tr("Decision &History"), QStringLiteral("view-history"),
                QKeySequence(Qt::CTRL | Qt::Key_H), tr("Your past decisions, with their diffs")),
        &QAction::triggered, this, &MainWindow::openHistory);
    connect(addAction(QStringLiteral("actionReports"), tr("Approval &Reports"), QStringLiteral("view-statistics"),
                QKeySequence(Qt::CTRL | Qt::Key_R), tr("Approval rates, queue times and recommendations")),
        &QAction::triggered, this, &MainWindow::openReports);
    connect(addAction(QStringLiteral("actionSettings"), tr("&Settings…"), QStringLiteral("configure"),
                QKeySequence::Preferences, tr("Themes, fonts, notifications")),
        &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(addAction(QStringLiteral("actionAbout"), tr("&About Countersign"), QStringLiteral("help-about"), {},
                tr("Versions and licence")),
        &QAction::triggered, this, &MainWindow::aboutRequested);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("actionConnect")));
    file->addAction(action(QStringLiteral("actionDisconnect")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionQuit")));

    QMenu *review = menuBar()->addMenu(tr("&Review"));
    for (const char *name : {"actionApprove", "actionModify", "actionReject", "actionUndo", "actionSnooze"})
        review->addAction(action(QLatin1String(name)));
    review->addSeparator();
    for (const char *name : {"actionNext", "actionPrevious", "actionBatch", "actionFilter", "actionRefresh"})
        review->addAction(action(QLatin1String(name)));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (const char *name : {"actionViewProposed", "actionViewEdits", "actionViewResult"})
        view->addAction(action(QLatin1String(name)));
    view->addSeparator();
    DiffWidget *diff = m_review->diffWidget();
    view->addAction(diff->sideBySideAction());
    view->addAction(diff->unifiedAction());
    view->addSeparator();
    view->addAction(diff->nextChangeAction());
    view->addAction(diff->previousChangeAction());
    view->addAction(diff->expandAllAction());
    view->addAction(diff->ignoreWhitespaceAction());
    view->addAction(diff->findAction());
    view->addSeparator();
    view->addAction(m_review->patchView()->nextFileAction());
    view->addAction(m_review->patchView()->previousFileAction());

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(action(QStringLiteral("actionHistory")));
    tools->addAction(action(QStringLiteral("actionReports")));
    tools->addSeparator();
    tools->addAction(action(QStringLiteral("actionSettings")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("actionShortcuts")));
    help->addAction(action(QStringLiteral("actionAbout")));
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main Toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (const char *name : {"actionApprove", "actionModify", "actionReject", "actionUndo"})
        bar->addAction(action(QLatin1String(name)));
    bar->addSeparator();
    for (const char *name : {"actionPrevious", "actionNext", "actionBatch"})
        bar->addAction(action(QLatin1String(name)));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("actionHistory")));
    bar->addAction(action(QStringLiteral("actionReports")));
}

void MainWindow::createStatusBar()
{
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_depthLabel = new QLabel(this);
    m_depthLabel->setObjectName(QStringLiteral("queueDepthLabel"));
    m_identityLabel = new QLabel(this);
    m_identityLabel->setObjectName(QStringLiteral("identityLabel"));
    m_outboxLabel = new QLabel(this);
    m_outboxLabel->setObjectName(QStringLiteral("outboxLabel"));
    m_outboxLabel->hide();
    statusBar()->addPermanentWidget(m_outboxLabel);
    statusBar()->addPermanentWidget(m_depthLabel);
    statusBar()->addPermanentWidget(m_identityLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
}

void MainWindow::createTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    auto *menu = new QMenu(this);
    menu->addAction(tr("Show Countersign"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    menu->addAction(action(QStringLiteral("actionQuit")));
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger) {
            showNormal();
            activateWindow();
        }
    });
    m_tray->show();
}

void MainWindow::connectToServer(const QUrl &url, const QString &token)
{
    m_session->connectToServer(url, token);
    disconnect(action(QStringLiteral("actionRefresh")), nullptr, this, nullptr);
    connect(action(QStringLiteral("actionRefresh")), &QAction::triggered, this, [this, url, token] {
        m_session->connectToServer(url, token);
    });
    if (auto *reports = findChild<ReportWindow *>())
        reports->refresh(); // the reports follow the connection
}

void MainWindow::updateStatus()
{
    using S = ReviewSession::ConnectionState;
    const S state = m_session->connectionState();
    QString text;
    switch (state) {
    case S::Disconnected:
        text = tr("● Not connected");
        break;
    case S::Connecting:
        text = tr("● Connecting…");
        break;
    case S::Online:
        text = m_session->isPolling() ? tr("● Online (polling)") : tr("● Online");
        break;
    case S::Offline:
        text = tr("● Offline");
        break;
    }
    using Kind = StatusColors::Kind;
    const QColor colour = state == S::Online ? StatusColors::text(Kind::Positive, palette())
        : state == S::Connecting             ? palette().color(QPalette::PlaceholderText)
                                             : StatusColors::text(Kind::Negative, palette());
    m_connectionLabel->setText(
        QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.name(), text.toHtmlEscaped()));
    m_connectionLabel->setToolTip(m_session->serverUrl().toDisplayString());

    const int waiting = m_session->waitingToSend();
    m_outboxLabel->setVisible(waiting > 0);
    m_outboxLabel->setText(tr("Waiting to send (%n)", nullptr, waiting));
    m_outboxLabel->setToolTip(
        tr("%n decision(s) saved on this computer, sent in order as soon as the server answers.", nullptr, waiting));

    // From the data, not from whichever row the current sort puts first.
    const QDateTime oldestCreated = m_queue->oldestCreatedAt();
    const qint64 oldest = oldestCreated.isValid() ? oldestCreated.secsTo(m_queue->now()) : 0;
    const int depth = m_queue->totalCount();
    m_depthLabel->setText(depth == 0 ? tr("Queue empty")
                                     : tr("%n pending", nullptr, depth)
                + (oldest > 0 ? tr(" · oldest %1").arg(QueueModel::formatAge(oldest)) : QString()));
    const UserIdentity who = m_session->identity();
    m_identityLabel->setText(
        who.name.isEmpty() ? QString() : tr("%1 (%2)").arg(who.name, RoleNames::displayName(who.role)));
    if (m_tray)
        m_tray->setToolTip(tr("Countersign: %n pending", nullptr, depth));
}

void MainWindow::updateBanner()
{
    if (m_session->connectionState() != ReviewSession::ConnectionState::Offline) {
        m_banner->setOnline();
        m_review->setOffline(false);
        return;
    }
    SessionBanner::Offline offline;
    offline.server = m_session->serverUrl().toDisplayString();
    offline.since = m_session->offlineSince();
    offline.retryInSeconds = m_session->secondsUntilRetry();
    offline.waitingToSend = m_session->waitingToSend();
    offline.reason = m_session->offlineReason();
    m_banner->setOffline(offline);
    m_review->setOffline(true);
}

void MainWindow::updateActions()
{
    using S = ReviewSession::ConnectionState;
    const S state = m_session->connectionState();
    const bool connected = state != S::Disconnected;
    const auto current = m_session->currentAction();
    // Decisions made offline go to the outbox: only a session that never learnt who we are
    // cannot decide.
    const bool canReview = connected && m_session->identity().canReview();
    const bool decidable
        = canReview && current && current->state == ActionState::Pending && !m_session->isDecidedLocally(current->id);
    const bool prohibited = current && current->tier == Tier::Prohibited;
    action(QStringLiteral("actionApprove"))->setEnabled(decidable && !prohibited);
    action(QStringLiteral("actionModify"))->setEnabled(decidable && !prohibited);
    action(QStringLiteral("actionReject"))->setEnabled(decidable);
    action(QStringLiteral("actionUndo"))->setEnabled(m_session->hasPendingDecision());
    action(QStringLiteral("actionBatch"))->setEnabled(canReview && state == S::Online && m_queue->rowCount() > 0);
    action(QStringLiteral("actionDisconnect"))->setEnabled(connected);
    action(QStringLiteral("actionRefresh"))->setEnabled(connected);
    // J, K and ? are characters: they must not fire while the reviewer types.
    QWidget *focus = QApplication::focusWidget();
    const bool typing = qobject_cast<QLineEdit *>(focus) || qobject_cast<QPlainTextEdit *>(focus)
        || (qobject_cast<QTextEdit *>(focus) && !static_cast<QTextEdit *>(focus)->isReadOnly());
    action(QStringLiteral("actionNext"))->setEnabled(!typing);
    action(QStringLiteral("actionPrevious"))->setEnabled(!typing);
    action(QStringLiteral("actionShortcuts"))->setEnabled(!typing);
    // S needs the server: a snooze is not a decision the outbox could keep.
    action(QStringLiteral("actionSnooze"))->setEnabled(!typing && decidable && state == S::Online);
    const bool change = m_review->hasOriginal();
    action(QStringLiteral("actionViewProposed"))->setEnabled(!typing && change);
    action(QStringLiteral("actionViewEdits"))->setEnabled(!typing && current.has_value());
    action(QStringLiteral("actionViewResult"))->setEnabled(!typing && change);
    // Ctrl+F finds text inside the diff and filters the queue everywhere else.
    DiffWidget *patchDiff = m_review->patchView()->diffWidget();
    const bool inPatchDiff = focus && patchDiff->isAncestorOf(focus);
    const bool inDiff = (focus && m_review->diffWidget()->isAncestorOf(focus)) || inPatchDiff;
    QList<QKeySequence> filterKeys{QKeySequence(Qt::CTRL | Qt::Key_L)};
    if (!inDiff)
        filterKeys << QKeySequence(QKeySequence::Find);
    if (action(QStringLiteral("actionFilter"))->shortcuts() != filterKeys)
        action(QStringLiteral("actionFilter"))->setShortcuts(filterKeys);
    m_review->diffWidget()->findAction()->setEnabled(inDiff && !inPatchDiff);
    patchDiff->findAction()->setEnabled(inPatchDiff);
}

void MainWindow::showCurrent()
{
    const auto current = m_session->currentAction();
    m_review->showAction(current, current ? m_session->confidenceThreshold(*current) : std::nullopt);
    if (current) {
        m_review->setDecidedLocally(m_session->isDecidedLocally(current->id));
        if (!m_review->isEditing()) {
            if (const auto draft = m_session->draft(current->id))
                m_review->restoreEdit(*draft);
        }
    }
    updateActions();
}

void MainWindow::moveOnFrom(const QString &decidedId)
{
    // The next item follows at once; the decision itself waits out the undo window. The keys
    // go back to the queue, so J and K move on instead of typing into the reason box.
    const QString next = m_queuePanel->neighbourOf(decidedId);
    if (!next.isEmpty())
        m_queuePanel->selectId(next);
    // Queued: a decision made with Enter in the reason box finishes its key event first.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_queuePanel->view()->setFocus(Qt::OtherFocusReason);
        },
        Qt::QueuedConnection);
    updateActions();
}

void MainWindow::onActionEvent(const QString &type, const Action &a)
{
    if (a.id == m_session->currentId()) {
        if (a.state != ActionState::Pending && m_session->pendingActionId() != a.id) {
            statusBar()->showMessage(
                tr("“%1” was %2 by %3.").arg(a.title, actionStateName(a.state), a.decidedBy), 8000);
            moveOnFrom(a.id);
        }
        showCurrent();
    }
    NotificationBatcher *batcher = notifications();
    batcher->setAppActive(isActiveWindow());
    if (type == QLatin1String("action.created"))
        batcher->actionCreated(a);
    else if (type == QLatin1String("action.escalated"))
        batcher->actionEscalated(a);
    else if (a.state != ActionState::Pending)
        batcher->actionGone(a.id);
}

void MainWindow::setNotifications(const NotificationRules &rules)
{
    notifications()->setRules(rules);
}

NotificationBatcher *MainWindow::notifications()
{
    if (!m_notifications) {
        static const SystemClock clock;
        m_notifications = new NotificationBatcher(clock, this);
        connect(m_notifications, &NotificationBatcher::notification, this, &MainWindow::notify);
    }
    return m_notifications;
}

// Called every second: reports deadlines that passed and shows what the batcher collected.
void MainWindow::notifyBreaches()
{
    NotificationBatcher *batcher = notifications();
    const QDateTime now = m_queue->now();
    for (int r = 0; r < m_queue->rowCount() && r < 2000; ++r) {
        const Action &a = m_queue->action(r);
        if (a.slaDueAt.isValid() && a.slaDueAt <= now)
            batcher->deadlineMissed(a);
    }
    batcher->poll();
}

void MainWindow::notify(const QString &title, const QString &message)
{
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(title, message, QSystemTrayIcon::Information, 5000);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(title, 8000);
    // During an outage the banner says what is wrong; one dialog per failed request would bury
    // the reviewer in stale errors when the server returns.
    if (m_session->connectionState() == ReviewSession::ConnectionState::Offline) {
        qCInfo(lcUi) << "while offline:" << title << message;
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::rememberReason(const QString &reason)
{
    m_review->setRecentReasons(WindowMemory().rememberReason(reason));
}

} // namespace Countersign
