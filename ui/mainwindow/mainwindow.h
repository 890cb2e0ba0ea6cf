#pragma once

#include "review/reviewcontroller.h"

#include <QMainWindow>
#include <QSet>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QSystemTrayIcon;

namespace Countersign {

class DecisionHistory;
class NotificationBatcher;
struct NotificationRules;
class QueueModel;
class QueuePanel;
class ReviewPane;

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
    ReviewController *controller() const { return m_controller; }
    QueuePanel *queuePanel() const { return m_queuePanel; }
    ReviewPane *reviewPane() const { return m_review; }
    DecisionHistory *history() const { return m_history.get(); }
    QAction *action(const QString &objectName) const;

    // Which desktop notifications to show (AppSettings::notificationRules()).
    void setNotifications(const NotificationRules &rules);
    // Decides which notifications to show and sums bursts up; this window shows them.
    NotificationBatcher *notifications();
    void setConfirmBatchApprove(bool confirm) { m_confirmBatch = confirm; }
    // The approval-rate report window (one per main window), reloaded when the connection changes.
    void openReports();

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
    void openBatchReview();
    void openHistory();
    void rememberReason(const QString &reason);

    std::unique_ptr<DecisionHistory> m_history;
    QueueModel *m_queue;
    ReviewController *m_controller;
    QueuePanel *m_queuePanel;
    ReviewPane *m_review;
    QSystemTrayIcon *m_tray = nullptr;
    QLabel *m_connectionLabel;
    QLabel *m_depthLabel;
    QLabel *m_identityLabel;
    QTimer m_tick;
    QStringList m_recentReasons;
    NotificationBatcher *m_notifications = nullptr; // made on first use
    bool m_confirmBatch = true;
    QHash<QString, QAction *> m_actions;
};

} // namespace Countersign
