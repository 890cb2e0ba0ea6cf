#pragma once

#include "connectionhealth.h"
#include "serverconnection.h"
#include "useridentity.h"

#include "domain/action.h"
#include "domain/clock.h"
#include "domain/decision.h"
#include "policy/policy.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace Countersign {

class ActionCache;
class DecisionHistory;
class DecisionOutbox;
class EditDrafts;
struct OutboxItem;

// The reviewer's working session, without widgets. It loads the queue into an ActionCache and
// keeps it live from events; claims the item opened on purpose and releases the one left,
// renewing the lease while it stays open; and sends decisions through a durable outbox: a
// decision is saved the moment it is made, waits out the undo window, and is sent in order
// whenever the server can be reached, surviving outages, quitting and restarts. Whatever the
// server answers lands in the local, hash-chained history, refusals included.
//
// All timing (undo window, leases, retries) reads the injected Clock; tick() advances it and a
// timer calls it four times a second.
class ReviewSession : public QObject
{
    Q_OBJECT

public:
    enum class ConnectionState {
        Disconnected, // not connected, or the server refused the token
        Connecting,
        Online, // the server answered the last request and the event stream
        Offline, // it did not: retrying, decisions wait in the outbox
    };
    Q_ENUM(ConnectionState)

    // `history` may be null when the history file cannot be opened: the outbox then lives in
    // memory, and decisions survive outages but not a restart.
    // `connection`: the seam for tests; by default the session makes its own.
    ReviewSession(ActionCache *cache, DecisionHistory *history, const Clock &clock,
        ServerConnection *connection = nullptr, QObject *parent = nullptr);
    ~ReviewSession() override;

    void connectToServer(const QUrl &url, const QString &token);
    void disconnectFromServer();
    ConnectionState connectionState() const { return m_state; }
    bool isPolling() const;
    // While offline: why, since when, and the countdown to the next attempt.
    QString offlineReason() const { return m_health.lastError(); }
    QDateTime offlineSince() const;
    int secondsUntilRetry() const { return m_health.secondsUntilProbe(); }
    void retryNow();

    UserIdentity identity() const { return m_identity; }
    QUrl serverUrl() const { return m_connection->baseUrl(); }
    ServerConnection *connection() const { return m_connection; }

    // The item on screen. `claim`: it was opened on purpose (a click, J/K), so the reviewer
    // takes the claim; an item merely shown (the first one at start) is not claimed.
    void open(const QString &id, bool claim = true);
    QString currentId() const { return m_currentId; }
    std::optional<Action> currentAction() const;
    bool holdsClaim(const QString &id) const { return !id.isEmpty() && m_claimed == id; }

    // Decisions on the current item: saved at once, sent when the undo window closes.
    void approve();
    void modify(const QString &editedContent);
    void reject(const QString &reason);
    bool hasPendingDecision() const { return m_pending.has_value(); }
    QString pendingActionId() const { return m_pending ? m_pending->actionId : QString(); }
    QString pendingDescription() const; // "Approving “X”", for the undo banner
    int undoSecondsLeft() const;
    void undo();
    void sendPendingNow();
    void setUndoWindow(int seconds) { m_undoMs = std::max(0, seconds) * 1000; }

    // Decisions saved but not yet answered by this server, the one in the undo window excluded.
    int waitingToSend() const;
    bool isDecidedLocally(const QString &id) const { return m_outboxIds.contains(id); }
    // Quitting: ends the undo window, sends everything now and releases the claim of an
    // undecided item. flushFinished() tells when nothing is left to send or nothing can be sent.
    void flush();

    void decideBatch(const QStringList &ids, Outcome outcome, const QString &reason);

    // "Not now": the item leaves this reviewer's queue until `until` (others still see it) and
    // the server releases the claim, so the session stops renewing it. endSnooze brings it back.
    void snooze(const QString &id, const QDateTime &until);
    void endSnooze(const QString &id);

    // The reviewer's unfinished edit of an item, kept across switching items and restarts;
    // dropped when the item is decided.
    void saveDraft(const QString &id, const QString &text);
    std::optional<QString> draft(const QString &id) const;
    void discardDraft(const QString &id);

    // The highest `confidence_below` of the policy's rules that would apply to the action at a
    // low enough confidence: the line the meter draws.
    std::optional<double> confidenceThreshold(const Action &action) const;
    const Policy &policy() const { return m_policy; }

    void tick();

    static constexpr int LeaseRenewSeconds = 120;
    static constexpr int TickMs = 250;

Q_SIGNALS:
    void connectionStateChanged(Countersign::ReviewSession::ConnectionState state);
    void retryCountdownChanged(int seconds); // each second while offline
    void identityChanged(const Countersign::UserIdentity &identity);
    void queueLoaded(int count);
    void currentActionChanged(const QString &id);
    // Claim state of the current item: claimed by me, by someone else (name), or not at all.
    void claimChanged(const QString &id, const QString &claimedBy, bool mine);
    void pendingDecisionChanged(const QString &id, int secondsLeft); // id empty: none pending
    void outboxChanged(int waiting);
    void decisionSent(const QString &id, const Countersign::Action &result);
    // The server refused a decision (someone else decided first, the item expired, ...).
    void decisionRefused(const QString &id, const QString &title, const Countersign::Error &error);
    void flushFinished(bool everythingSent);
    void batchFinished(int decided, const QStringList &problems);
    void actionEvent(const QString &type, const Countersign::Action &action);
    void errorOccurred(const QString &title, const QString &message);
    void snoozed(const QString &id, const QDateTime &until); // the server took it

private:
    struct Pending {
        qint64 outboxId = 0;
        QString actionId;
        QString description;
        QDateTime deadline;
        std::optional<QString> editedContent; // a modification: back to a draft on undo
    };

    void startLoading();
    void loadQueue(const QString &cursor, QList<Action> accumulated, quint64 generation);
    void loadPolicy();
    void onEvent(const Event &event);
    void onReached();
    void onUnreachable(const QString &message);
    void setState(ConnectionState state);
    void claim(const QString &id);
    void release(const QString &id);
    void queueDecision(Decision decision);
    void pumpOutbox();
    void send(const OutboxItem &item);
    void settle(const OutboxItem &item, const Result<Action> &answer);
    void record(const Action &snapshot, const Decision &decision, const Result<Action> &answer, qint64 outboxId);
    void refreshOutboxIds();
    void checkFlushDone();

    const Clock &m_clock;
    std::unique_ptr<ServerConnection> m_ownConnection;
    ServerConnection *m_connection;
    ActionCache *m_cache;
    std::unique_ptr<DecisionHistory> m_ownHistory;
    DecisionHistory *m_history;
    std::unique_ptr<DecisionOutbox> m_outbox;
    std::unique_ptr<EditDrafts> m_drafts;
    ConnectionHealth m_health;
    UserIdentity m_identity;
    ConnectionState m_state = ConnectionState::Disconnected;
    Policy m_policy;
    QString m_currentId;
    QString m_claimed;
    QDateTime m_claimRenewed;
    std::optional<Pending> m_pending;
    QSet<QString> m_outboxIds; // actions with a decision in the outbox (or in flight)
    int m_outboxCount = 0; // outbox items for this server, as of the last refreshOutboxIds()
    QDateTime m_nextDue; // when the first of this reviewer's outbox items may be sent
    qint64 m_sendingId = -1; // the outbox item in flight, -1: none
    QDateTime m_resendAt; // after a "busy" answer: not before this
    QList<Event> m_bufferedEvents; // arriving while the queue loads
    QTimer m_ticker;
    int m_lastCountdown = -1;
    int m_undoMs = 5000;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_loaded = false; // identity and queue loaded at least once on this connection
    bool m_flushing = false;
    int m_releasesInFlight = 0; // quitting waits for them: a claim must not outlive the app
};

} // namespace Countersign
