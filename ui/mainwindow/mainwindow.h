#pragma once

#include "client/reviewsession.h"
#include "domain/clock.h"

#include <QMainWindow>
#include <QSet>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QSystemTrayIcon;

namespace Countersign {

class DecisionHistory;
class NotificationBatcher;
struct NotificationRules;
class QueueModel;
class QueuePanel;
class ReviewPane;
class SessionBanner;

// The reviewer's main window: the queue on the left, the current item's review pane on the
// right; every action in a menu, most on the toolbar, all with shortcuts.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `historyPath`: the local decision history file (the app data dir by default).
    explicit MainWindow(const QString &historyPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    void connectToServer(const QUrl &url, const QString &token);
    ReviewSession *session() const { return m_session; }
    QueuePanel *queuePanel() const { return m_queuePanel; }
    ReviewPane *reviewPane() const { return m_review; }
    DecisionHistory *history() const { return m_history.get(); }
    const Clock &clock() const { return m_clock; }
    QAction *action(const QString &objectName) const;

    // Which desktop notifications to show (AppSettings::notificationRules()).
    void setNotifications(const NotificationRules &rules);
    // Decides which notifications to show and sums bursts up; this window shows them.
    NotificationBatcher *notifications();
    void setConfirmBatchApprove(bool confirm) { m_confirmBatch = confirm; }
    // The approval-rate report window (one per main window), reloaded when the connection changes.
    void openReports();

    // The narrowest the window may become: a laptop's half screen (960 px) must fit.
    static constexpr int MaximumMinimumWidth = 960;

Q_SIGNALS:
    void connectRequested(); // File > Connect…: the app shows its connection dialog
    void settingsRequested();
    void aboutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QAction *addAction(const QString &objectName, const QString &text, const QString &icon,
        const QKeySequence &shortcut, const QString &statusTip);
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void createTray();
    void updateActions();
    void updateStatus();
    void showCurrent();
    void moveOnFrom(const QString &decidedId);
    void onActionEvent(const QString &type, const Action &action);
    void notify(const QString &title, const QString &message);
    void notifyBreaches();
    void showError(const QString &title, const QString &message);
    void updateBanner();
    void openShortcuts();
    void onCurrentChanged(const QString &id);
    void keepDraftOfShownItem();
    void toggleEditing();
    void finishClosing(bool everythingSent);
    void openBatchReview();
    void openBatchDialog(const QStringList &ids);
    void openHistory();
    void rememberReason(const QString &reason);
    void createSnoozeMenu();
    void openSnoozeMenu();
    void snoozeCurrent(const QDateTime &until);

    SystemClock m_clock;
    std::unique_ptr<DecisionHistory> m_history;
    QueueModel *m_queue;
    ReviewSession *m_session;
    SessionBanner *m_banner;
    QueuePanel *m_queuePanel;
    ReviewPane *m_review;
    QSystemTrayIcon *m_tray = nullptr;
    QLabel *m_connectionLabel;
    QLabel *m_depthLabel;
    QLabel *m_identityLabel;
    QLabel *m_outboxLabel;
    QTimer m_tick;
    NotificationBatcher *m_notifications = nullptr; // made on first use
    bool m_confirmBatch = true;
    bool m_quietSelection = false; // selecting without opening on purpose (no claim)
    bool m_closing = false; // waiting for the last decisions to be sent
    bool m_closeConfirmed = false;
    QHash<QString, QAction *> m_actions;
    QMenu *m_snoozeMenu = nullptr;
};

} // namespace Countersign
