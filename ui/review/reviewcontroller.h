#pragma once

#include "client/serverconnection.h"
#include "client/useridentity.h"
#include "domain/action.h"
#include "domain/decision.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace Countersign {

class DecisionHistory;
class QueueModel;

// The reviewer's working session, without widgets: loads the queue into the QueueModel and keeps
// it live from events, claims the item being looked at and releases the one left, and sends
// decisions after a short undo window, recording each one in the local decision history.
class ReviewController : public QObject
{
    Q_OBJECT

public:
    enum class ConnectionState { Disconnected, Connecting, Online, Reconnecting, Polling };
    Q_ENUM(ConnectionState)

    ReviewController(QueueModel *queue, DecisionHistory *history, QObject *parent = nullptr);
    ~ReviewController() override;

    void connectToServer(const QUrl &url, const QString &token);
    void disconnectFromServer();
    ConnectionState connectionState() const { return m_state; }
    UserIdentity identity() const { return m_identity; }
    QUrl serverUrl() const { return m_connection.baseUrl(); }
    ServerConnection *connection() { return &m_connection; }

    // The item on screen: claims it, releasing the previous one. Empty id: nothing open.
    void open(const QString &id);
    QString currentId() const { return m_currentId; }
    std::optional<Action> currentAction() const;
    bool holdsClaim(const QString &id) const { return m_claimed == id; }

    // Queues a decision on the current item; it is sent when the undo window closes.
    void approve();
    void modify(const QString &editedContent);
    void reject(const QString &reason);
    bool hasPendingDecision() const { return m_pending.has_value(); }
    QString pendingActionId() const { return m_pending ? m_pending->actionId : QString(); }
    int undoSecondsLeft() const;
    void undo();
    void sendPendingNow();

    void decideBatch(const QStringList &ids, Outcome outcome, const QString &reason);

    void setUndoWindow(int seconds) { m_undoSeconds = std::max(0, seconds); }
    // The lowest "confidence_below" threshold that applies to an action type, from the policy.
    std::optional<double> confidenceThreshold(const Action &action) const;

    static constexpr int LeaseRenewSeconds = 120;

Q_SIGNALS:
    void connectionStateChanged(Countersign::ReviewController::ConnectionState state);
    void identityChanged(const Countersign::UserIdentity &identity);
    void queueLoaded(int count);
    void currentActionChanged(const QString &id);
    // Claim state of the current item: claimed by me, by someone else (name), or not at all.
    void claimChanged(const QString &id, const QString &claimedBy, bool mine);
    void pendingDecisionChanged(const QString &id, int secondsLeft); // id empty: none pending
    void decisionSent(const QString &id, const Countersign::Action &result);
    void decisionFailed(const QString &id, const Countersign::Error &error);
    void batchFinished(int decided, const QStringList &problems);
    void actionEvent(const QString &type, const Countersign::Action &action);
    void errorOccurred(const QString &title, const QString &message);

private:
    struct PendingDecision {
        QString actionId;
        Decision decision;
        Action snapshot;
        qint64 deadlineMs = 0;
    };

    void loadQueue(const QString &cursor, QList<Action> accumulated, quint64 generation);
    void onEvent(const Event &event);
    void claim(const QString &id);
    void release(const QString &id);
    void queueDecision(Decision decision);
    void sendDecision(PendingDecision pending);
    void record(const Action &snapshot, const Decision &decision, const Result<Action> &answer);
    void setState(ConnectionState state);
    void loadPolicy();

    ServerConnection m_connection;
    QueueModel *m_queue;
    DecisionHistory *m_history;
    UserIdentity m_identity;
    ConnectionState m_state = ConnectionState::Disconnected;
    QString m_currentId;
    QString m_claimed;
    std::optional<PendingDecision> m_pending;
    QTimer m_undoTimer;
    QTimer m_leaseTimer;
    QJsonObject m_policy;
    QList<Event> m_bufferedEvents; // arriving while the queue loads
    bool m_loading = false;
    quint64 m_generation = 0;
    int m_undoSeconds = 5;
};

} // namespace Countersign
