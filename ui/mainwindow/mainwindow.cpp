#include "mainwindow.h"

#include "client/notificationbatcher.h"
#include "diff/diffwidget.h"
#include "history/decisionhistory.h"
#include "history/historywindow.h"
#include "logging.h"
#include "queue/batchdialog.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"
#include "report/reportwindow.h"
#include "review/reviewpane.h"
#include "settings/icons.h"
#include "settings/rolenames.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTextEdit>
#include <QToolBar>
#include <QTreeView>

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
    m_controller = new ReviewController(m_queue, opened ? m_history.get() : nullptr, this);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_queuePanel = new QueuePanel(m_queue, splitter);
    m_review = new ReviewPane(splitter);
    splitter->addWidget(m_queuePanel);
    splitter->addWidget(m_review);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    createTray();

    connect(m_queuePanel, &QueuePanel::currentChanged, m_controller, &ReviewController::open);
    connect(m_queuePanel, &QueuePanel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_controller, &ReviewController::currentActionChanged, this, &MainWindow::showCurrent);
    connect(
        m_controller, &ReviewController::claimChanged, this, [this](const QString &id, const QString &by, bool mine) {
            if (id == m_controller->currentId())
                m_review->setClaim(by, mine);
        });
    connect(m_controller, &ReviewController::pendingDecisionChanged, this, [this](const QString &id, int seconds) {
        QString what;
        if (const Action *a = m_queue->findAction(id))
            what = tr("Deciding “%1”").arg(a->title);
        m_review->setPendingDecision(id.isEmpty() ? 0 : seconds, what);
        updateActions();
    });
    connect(m_controller, &ReviewController::decisionFailed, this, [this](const QString &, const Error &error) {
        showError(tr("The decision was not accepted"), error.message);
    });
    connect(m_controller, &ReviewController::errorOccurred, this, &MainWindow::showError);
    connect(m_controller, &ReviewController::connectionStateChanged, this, &MainWindow::updateStatus);
    connect(m_controller, &ReviewController::connectionStateChanged, this, &MainWindow::updateActions);
    connect(m_controller, &ReviewController::identityChanged, this, [this](const UserIdentity &who) {
        m_queuePanel->setMe(who.name);
        m_review->setReadOnly(!who.canReview());
        updateStatus();
    });
    connect(m_controller, &ReviewController::queueLoaded, this, [this] {
        updateStatus();
        if (m_queuePanel->currentId().isEmpty())
            m_queuePanel->step(1);
    });
    connect(m_controller, &ReviewController::actionEvent, this, &MainWindow::onActionEvent);
    connect(m_controller, &ReviewController::batchFinished, this, [this](int decided, const QStringList &problems) {
        if (problems.isEmpty()) {
            statusBar()->showMessage(tr("%n item(s) decided.", nullptr, decided), 5000);
            return;
        }
        QMessageBox box(QMessageBox::Warning, tr("Batch review"),
            tr("%n item(s) decided.", nullptr, decided) + u' '
                + tr("%n item(s) changed meanwhile and were not decided.", nullptr, int(problems.size())),
            QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("batchProblemsBox"));
        box.setDetailedText(problems.join(u'\n'));
        box.exec();
    });
    connect(m_review, &ReviewPane::approveRequested, this, [this] {
        action(QStringLiteral("actionApprove"))->trigger();
    });
    connect(m_review, &ReviewPane::modifyRequested, this, [this] {
        action(QStringLiteral("actionApprove"))->trigger();
    });
    connect(m_review, &ReviewPane::rejectRequested, this, [this] {
        action(QStringLiteral("actionReject"))->trigger();
    });
    connect(m_review, &ReviewPane::undoRequested, m_controller, &ReviewController::undo);
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

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_recentReasons = settings.value(QStringLiteral("review/recentReasons")).toStringList();
    m_review->setRecentReasons(m_recentReasons);
    if (!settings.contains(QStringLiteral("mainWindow/geometry")))
        resize(1400, 860);
    updateStatus();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Children emit while they are torn down (a selection cleared, a claim released), and this
    // window's slots use the controller and the history: so the windows and views that talk to
    // them go first, then the controller, unheard, and the history last (a member).
    m_tick.stop();
    qDeleteAll(findChildren<HistoryWindow *>());
    qDeleteAll(findChildren<ReportWindow *>());
    delete takeCentralWidget();
    disconnect(m_controller, nullptr, this, nullptr);
    delete m_controller;
    m_controller = nullptr;
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
        &QAction::triggered, m_controller, &ReviewController::disconnectFromServer);
    connect(addAction(QStringLiteral("actionQuit"), tr("&Quit"), QStringLiteral("application-exit"), QKeySequence::Quit,
                tr("Quit Countersign")),
        &QAction::triggered, this, &QWidget::close);

    connect(addAction(QStringLiteral("actionApprove"), tr("&Approve"), QStringLiteral("dialog-ok-apply"),
                QKeySequence(Qt::CTRL | Qt::Key_Return), tr("Approve the current item (with your edit, if any)")),
        &QAction::triggered, this, [this] {
            const QString id = m_controller->currentId();
            if (m_review->isEditing() && m_review->hasEdits())
                m_controller->modify(m_review->editedText());
            else
                m_controller->approve();
            moveOnFrom(id);
        });
    connect(addAction(QStringLiteral("actionModify"), tr("&Modify"), QStringLiteral("document-edit"),
                QKeySequence(Qt::CTRL | Qt::Key_E), tr("Edit the proposal before approving it")),
        &QAction::triggered, this, [this] {
            if (m_review->isEditing())
                m_review->cancelEditing();
            else
                m_review->startEditing();
        });
    connect(addAction(QStringLiteral("actionReject"), tr("&Reject"), QStringLiteral("dialog-cancel"),
                QKeySequence(Qt::CTRL | Qt::Key_Backspace), tr("Reject the current item with a reason")),
        &QAction::triggered, this, [this] {
            const QString reason = m_review->rejectReason();
            if (reason.isEmpty()) {
                m_review->focusRejectReason();
                statusBar()->showMessage(tr("Type the reason for rejecting, then press Enter."), 5000);
                return;
            }
            const QString id = m_controller->currentId();
            rememberReason(reason);
            m_controller->reject(reason);
            moveOnFrom(id);
        });
    connect(addAction(QStringLiteral("actionUndo"), tr("&Undo Decision"), QStringLiteral("edit-undo"),
                QKeySequence::Undo, tr("Take back the decision before it is sent")),
        &QAction::triggered, this, [this] {
            const QString id = m_controller->pendingActionId();
            m_controller->undo();
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
    for (const char *name : {"actionApprove", "actionModify", "actionReject", "actionUndo"})
        review->addAction(action(QLatin1String(name)));
    review->addSeparator();
    for (const char *name : {"actionNext", "actionPrevious", "actionBatch", "actionFilter", "actionRefresh"})
        review->addAction(action(QLatin1String(name)));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    DiffWidget *diff = m_review->diffWidget();
    view->addAction(diff->sideBySideAction());
    view->addAction(diff->unifiedAction());
    view->addSeparator();
    view->addAction(diff->nextChangeAction());
    view->addAction(diff->previousChangeAction());
    view->addAction(diff->expandAllAction());
    view->addAction(diff->ignoreWhitespaceAction());
    view->addAction(diff->findAction());

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(action(QStringLiteral("actionHistory")));
    tools->addAction(action(QStringLiteral("actionReports")));
    tools->addSeparator();
    tools->addAction(action(QStringLiteral("actionSettings")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
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
    m_controller->connectToServer(url, token);
    disconnect(action(QStringLiteral("actionRefresh")), nullptr, this, nullptr);
    connect(action(QStringLiteral("actionRefresh")), &QAction::triggered, this, [this, url, token] {
        m_controller->connectToServer(url, token);
    });
    if (auto *reports = findChild<ReportWindow *>())
        reports->refresh(); // the reports follow the connection
}

void MainWindow::updateStatus()
{
    using S = ReviewController::ConnectionState;
    const S state = m_controller->connectionState();
    QString text;
    switch (state) {
    case S::Disconnected:
        text = tr("● Offline");
        break;
    case S::Connecting:
        text = tr("● Connecting…");
        break;
    case S::Online:
        text = tr("● Online");
        break;
    case S::Reconnecting:
        text = tr("● Reconnecting…");
        break;
    case S::Polling:
        text = tr("● Online (polling)");
        break;
    }
    const QColor colour = state == S::Online ? QColor(39, 174, 96)
        : state == S::Disconnected           ? QColor(218, 68, 83)
                                             : QColor(246, 116, 0);
    m_connectionLabel->setText(
        QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.name(), text.toHtmlEscaped()));
    m_connectionLabel->setToolTip(m_controller->serverUrl().toDisplayString());

    qint64 oldest = 0;
    const QDateTime now = m_queue->now();
    for (int r = 0; r < m_queue->rowCount() && r < 1; ++r)
        oldest = m_queue->action(r).createdAt.secsTo(now);
    const int depth = m_queue->totalCount();
    m_depthLabel->setText(depth == 0 ? tr("Queue empty")
                                     : tr("%n pending", nullptr, depth)
                + (oldest > 0 ? tr(" · oldest %1").arg(QueueModel::formatAge(oldest)) : QString()));
    const UserIdentity who = m_controller->identity();
    m_identityLabel->setText(
        who.name.isEmpty() ? QString() : tr("%1 (%2)").arg(who.name, RoleNames::displayName(who.role)));
    if (m_tray)
        m_tray->setToolTip(tr("Countersign: %n pending", nullptr, depth));
}

void MainWindow::updateActions()
{
    const bool online = m_controller->connectionState() != ReviewController::ConnectionState::Disconnected;
    const auto current = m_controller->currentAction();
    const bool canReview = online && m_controller->identity().canReview();
    const bool decidable = canReview && current && current->state == ActionState::Pending;
    const bool prohibited = current && current->tier == Tier::Prohibited;
    action(QStringLiteral("actionApprove"))->setEnabled(decidable && !prohibited);
    action(QStringLiteral("actionModify"))->setEnabled(decidable && !prohibited);
    action(QStringLiteral("actionReject"))->setEnabled(decidable);
    action(QStringLiteral("actionUndo"))->setEnabled(m_controller->hasPendingDecision());
    action(QStringLiteral("actionBatch"))->setEnabled(canReview && m_queue->rowCount() > 0);
    action(QStringLiteral("actionDisconnect"))->setEnabled(online);
    action(QStringLiteral("actionRefresh"))->setEnabled(online);
    // J and K are letters: they must not fire while the reviewer types.
    QWidget *focus = QApplication::focusWidget();
    const bool typing = qobject_cast<QLineEdit *>(focus) || qobject_cast<QPlainTextEdit *>(focus)
        || (qobject_cast<QTextEdit *>(focus) && !static_cast<QTextEdit *>(focus)->isReadOnly());
    action(QStringLiteral("actionNext"))->setEnabled(!typing);
    action(QStringLiteral("actionPrevious"))->setEnabled(!typing);
}

void MainWindow::showCurrent()
{
    const auto current = m_controller->currentAction();
    m_review->showAction(current, current ? m_controller->confidenceThreshold(*current) : std::nullopt);
    updateActions();
}

void MainWindow::moveOnFrom(const QString &decidedId)
{
    // The next item follows at once; the decision itself waits out the undo window.
    const QString next = m_queuePanel->neighbourOf(decidedId);
    if (!next.isEmpty())
        m_queuePanel->selectId(next);
    updateActions();
}

void MainWindow::onActionEvent(const QString &type, const Action &a)
{
    if (a.id == m_controller->currentId()) {
        if (a.state != ActionState::Pending && m_controller->pendingActionId() != a.id) {
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
    QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("errorBox"));
    statusBar()->showMessage(title, 8000);
    if (QApplication::platformName() == QLatin1String("offscreen")) {
        // Unattended runs (tests, screenshots) must not block on a modal dialog.
        qCWarning(lcUi) << title << message;
        return;
    }
    box.exec();
}

void MainWindow::openBatchReview()
{
    QStringList ids = m_queuePanel->selectedIds();
    if (ids.size() < 2)
        ids = m_queue->visibleIds(); // "all matching the filter"
    auto *dialog = new BatchDialog(m_queue, ids, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &BatchDialog::decided, this, [this](const QStringList &chosen, Outcome outcome, const QString &reason) {
            if (outcome == Outcome::Approve && m_confirmBatch
                && QApplication::platformName() != QLatin1String("offscreen")
                && QMessageBox::question(
                       this, tr("Batch Review"), tr("Approve %n item(s) at once?", nullptr, int(chosen.size())))
                    != QMessageBox::Yes)
                return;
            m_controller->decideBatch(chosen, outcome, reason);
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
        window = new ReportWindow(m_controller->connection(), this);
        window->setAttribute(Qt::WA_DeleteOnClose);
    }
    window->show();
    window->raise();
    window->activateWindow();
}

void MainWindow::rememberReason(const QString &reason)
{
    m_recentReasons.removeAll(reason);
    m_recentReasons.prepend(reason);
    while (m_recentReasons.size() > 10)
        m_recentReasons.removeLast();
    QSettings().setValue(QStringLiteral("review/recentReasons"), m_recentReasons);
    m_review->setRecentReasons(m_recentReasons);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_controller->sendPendingNow();
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    m_controller->disconnectFromServer();
    event->accept();
}

} // namespace Countersign
