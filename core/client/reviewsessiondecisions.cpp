#include "reviewsession.h"

#include "actioncache.h"
#include "logging.h"

#include "diff/differ.h"
#include "diff/unifieddiff.h"
#include "history/decisionhistory.h"
#include "history/decisionoutbox.h"

// The session's decisions: the undo window, the outbox and what the server answers, and batches.
namespace Countersign {

namespace {
constexpr qint64 BusyRetryMs = 5000;
constexpr int InternalErrorAttempts = 3;
} // namespace

void ReviewSession::approve()
{
    Decision d;
    d.outcome = Outcome::Approve;
    queueDecision(d);
}

void ReviewSession::modify(const QString &editedContent)
{
    const auto current = currentAction();
    if (!current)
        return;
    Decision d;
    d.outcome = Outcome::Modify;
    d.payload = Payload{editedContent, current->payload.language};
    queueDecision(d);
}

void ReviewSession::reject(const QString &reason)
{
    Decision d;
    d.outcome = Outcome::Reject;
    d.reason = reason;
    queueDecision(d);
}

void ReviewSession::queueDecision(Decision decision)
{
    const auto current = currentAction();
    if (!current) {
        Q_EMIT errorOccurred(tr("Nothing to decide"), tr("The item is no longer in the queue."));
        return;
    }
    if (current->tier == Tier::Prohibited && decision.outcome != Outcome::Reject) {
        Q_EMIT errorOccurred(tr("Prohibited action"),
            tr("The policy prohibits this action; it can never be approved. %1").arg(current->tierReason));
        return;
    }
    if (isDecidedLocally(current->id)) {
        Q_EMIT errorOccurred(
            tr("Already decided"), tr("Your decision on “%1” is already waiting to be sent.").arg(current->title));
        return;
    }
    if (m_pending)
        sendPendingNow(); // a new decision closes the previous undo window
    const QDateTime now = m_clock.now();
    decision.reviewer = m_identity.name;
    decision.decidedAt = now;
    OutboxItem item;
    item.created = now;
    item.notBefore = now.addMSecs(m_undoMs);
    item.server = m_connection->baseUrl().toString();
    item.reviewer = m_identity.name;
    item.decision = decision;
    item.snapshot = *current;
    const auto saved = m_outbox->add(item);
    if (!saved) {
        Q_EMIT errorOccurred(tr("The decision was not made"), saved.error().message);
        return;
    }
    QString description;
    switch (decision.outcome) {
    case Outcome::Approve:
        description = tr("Approving “%1”").arg(current->title);
        break;
    case Outcome::Modify:
        description = tr("Approving “%1” with your edits").arg(current->title);
        break;
    case Outcome::Reject:
        description = tr("Rejecting “%1”").arg(current->title);
        break;
    }
    if (m_undoMs > 0)
        m_pending = Pending{*saved, current->id, description, item.notBefore,
            decision.payload ? std::optional<QString>(decision.payload->content) : std::nullopt};
    discardDraft(current->id);
    refreshOutboxIds();
    if (m_pending)
        Q_EMIT pendingDecisionChanged(m_pending->actionId, undoSecondsLeft());
    pumpOutbox();
}

QString ReviewSession::pendingDescription() const
{
    return m_pending ? m_pending->description : QString();
}

int ReviewSession::undoSecondsLeft() const
{
    if (!m_pending)
        return 0;
    const qint64 left = m_clock.now().msecsTo(m_pending->deadline);
    return int(std::max<qint64>(0, (left + 999) / 1000));
}

void ReviewSession::undo()
{
    if (!m_pending)
        return;
    const Pending p = *m_pending;
    m_pending.reset();
    if (const auto removed = m_outbox->remove(p.outboxId); !removed)
        Q_EMIT errorOccurred(tr("The decision could not be taken back"), removed.error().message);
    if (p.editedContent)
        saveDraft(p.actionId, *p.editedContent);
    refreshOutboxIds();
    Q_EMIT pendingDecisionChanged({}, 0);
    if (p.actionId == m_currentId && m_claimed.isEmpty() && m_state == ConnectionState::Online)
        claim(p.actionId);
}

void ReviewSession::sendPendingNow()
{
    if (!m_pending)
        return;
    const Pending p = *m_pending;
    m_pending.reset();
    m_outbox->setNotBefore(p.outboxId, m_clock.now());
    Q_EMIT pendingDecisionChanged({}, 0);
    refreshOutboxIds();
    pumpOutbox();
}

int ReviewSession::waitingToSend() const
{
    return m_outboxCount - (m_pending ? 1 : 0);
}

void ReviewSession::refreshOutboxIds()
{
    m_outboxIds.clear();
    m_outboxCount = 0;
    m_nextDue = {};
    if (const auto items = m_outbox->items(m_connection->baseUrl().toString())) {
        m_outboxCount = int(items->size());
        for (const OutboxItem &item : *items) {
            m_outboxIds.insert(item.snapshot.id);
            if (item.reviewer == m_identity.name && (!m_nextDue.isValid() || item.notBefore < m_nextDue))
                m_nextDue = item.notBefore;
        }
    }
    Q_EMIT outboxChanged(waitingToSend());
}

void ReviewSession::pumpOutbox()
{
    // Read the outbox only when one of ours is due: tick() calls this four times a second.
    const QDateTime now = m_clock.now();
    if (m_state != ConnectionState::Online || m_sendingId >= 0 || !m_nextDue.isValid() || now < m_nextDue)
        return;
    if (m_resendAt.isValid() && now < m_resendAt)
        return;
    const auto items = m_outbox->items(m_connection->baseUrl().toString());
    if (!items)
        return;
    for (const OutboxItem &item : *items) {
        if (item.reviewer != m_identity.name)
            continue; // another reviewer's, kept for their session
        if (item.notBefore > now)
            return; // in order: nothing overtakes a decision still in its undo window
        send(item);
        return;
    }
}

void ReviewSession::send(const OutboxItem &item)
{
    m_sendingId = item.id;
    if (item.snapshot.id == m_claimed)
        m_claimed.clear(); // the decision ends the claim
    m_connection->decide(item.snapshot.id, item.decision).then(this, [this, item](const Result<Action> &r) {
        m_sendingId = -1;
        if (r) {
            settle(item, r);
            return;
        }
        const Error error = r.error();
        switch (error.code) {
        case ErrorCode::Unavailable:
        case ErrorCode::RateLimited:
        case ErrorCode::Unauthorized:
            // Not an answer about the decision: keep it and try again (back online, later, with
            // a token that works).
            m_outbox->noteAttempt(item.id, error.message);
            m_resendAt = m_clock.now().addMSecs(BusyRetryMs);
            if (error.code == ErrorCode::Unauthorized)
                Q_EMIT errorOccurred(tr("The server no longer accepts your token"),
                    tr("Your decisions are kept and sent once you connect again. %1").arg(error.message));
            Q_EMIT outboxChanged(waitingToSend());
            checkFlushDone();
            return;
        case ErrorCode::Internal:
            if (item.attempts + 1 < InternalErrorAttempts) {
                m_outbox->noteAttempt(item.id, error.message);
                m_resendAt = m_clock.now().addMSecs(BusyRetryMs);
                return;
            }
            break;
        case ErrorCode::Conflict:
            // Maybe our own earlier attempt went through and only its answer was lost.
            m_connection->fetchAction(item.snapshot.id).then(this, [this, item, error](const Result<Action> &latest) {
                const bool ours = latest && latest->state != ActionState::Pending && latest->decidedBy == item.reviewer
                    && (latest->state == ActionState::Rejected) == (item.decision.outcome == Outcome::Reject);
                settle(item, ours ? Result<Action>(*latest) : Result<Action>(fail(error)));
                if (latest && !ours)
                    m_cache->upsert(*latest);
            });
            return;
        default:
            break;
        }
        settle(item, fail(error));
    });
}

void ReviewSession::settle(const OutboxItem &item, const Result<Action> &answer)
{
    record(item.snapshot, item.decision, answer, item.id);
    refreshOutboxIds();
    if (answer) {
        m_cache->upsert(*answer);
        Q_EMIT decisionSent(item.snapshot.id, *answer);
    } else {
        Q_EMIT decisionRefused(item.snapshot.id, item.snapshot.title, answer.error());
    }
    checkFlushDone();
    pumpOutbox();
}

void ReviewSession::record(
    const Action &snapshot, const Decision &decision, const Result<Action> &answer, qint64 outboxId)
{
    HistoryEntry e;
    e.time = m_clock.now();
    e.server = m_connection->baseUrl().toString();
    e.actionId = snapshot.id;
    e.actionType = snapshot.type;
    e.category = snapshot.category;
    e.title = snapshot.title;
    e.outcome = outcomeName(decision.outcome);
    e.reason = decision.reason;
    e.reviewer = decision.reviewer.isEmpty() ? m_identity.name : decision.reviewer;
    e.language = snapshot.payload.language;
    e.aiDraft = snapshot.payload.content;
    e.original = snapshot.payload.original;
    if (decision.outcome != Outcome::Reject)
        e.finalPayload = decision.payload ? decision.payload->content : snapshot.payload.content;
    if (decision.outcome == Outcome::Modify) {
        FileDiff diff = Differ::diff(e.aiDraft, e.finalPayload, DiffOptions{});
        diff.setLeftName(QStringLiteral("a/draft"));
        diff.setRightName(QStringLiteral("b/final"));
        e.diff = UnifiedDiff::write(diff);
    }
    e.actionSnapshot = snapshot.toJson();
    e.serverAccepted = answer.has_value();
    e.serverAnswer = answer ? actionStateName(answer->state) : answer.error().message;
    if (const auto recorded = m_history->record(e, outboxId); !recorded)
        Q_EMIT errorOccurred(tr("The decision history could not be written"), recorded.error().message);
}

void ReviewSession::flush()
{
    m_flushing = true;
    sendPendingNow();
    if (!m_claimed.isEmpty() && !isDecidedLocally(m_claimed)) {
        release(m_claimed);
        m_claimed.clear();
    }
    pumpOutbox();
    checkFlushDone();
}

void ReviewSession::checkFlushDone()
{
    if (!m_flushing)
        return;
    qCDebug(lcClient) << "flush: waiting" << waitingToSend() << "releases" << m_releasesInFlight << "state" << m_state
                      << "sending" << m_sendingId;
    if (waitingToSend() == 0 && m_releasesInFlight == 0) {
        m_flushing = false;
        Q_EMIT flushFinished(true);
    } else if (m_state != ConnectionState::Online && m_sendingId < 0) {
        m_flushing = false;
        Q_EMIT flushFinished(false);
    }
}

void ReviewSession::decideBatch(const QStringList &ids, Outcome outcome, const QString &reason)
{
    if (m_state != ConnectionState::Online) {
        Q_EMIT errorOccurred(tr("The batch was not decided"),
            tr("The server cannot be reached. Batch decisions need it; decide items one by one to have them sent "
               "later."));
        Q_EMIT batchFinished(0, {});
        return;
    }
    QList<Action> snapshots;
    for (const QString &id : ids) {
        if (const Action *a = m_cache->findAction(id))
            snapshots << *a;
    }
    m_connection->decideBatch(ids, outcome, reason)
        .then(this, [this, snapshots, outcome, reason](const Result<QList<BatchItemResult>> &r) {
            if (!r) {
                Q_EMIT errorOccurred(tr("The batch was not decided"), r.error().message);
                Q_EMIT batchFinished(0, {r.error().message});
                return;
            }
            int decided = 0;
            QStringList problems;
            for (const BatchItemResult &item : *r) {
                if (item.action)
                    m_cache->upsert(*item.action);
                if (item.error) {
                    const Action *a = m_cache->findAction(item.id);
                    problems << QStringLiteral("%1: %2").arg(a ? a->title : item.id, item.error->message);
                    continue;
                }
                ++decided;
                for (const Action &s : snapshots) {
                    if (s.id != item.id)
                        continue;
                    Decision d;
                    d.outcome = outcome;
                    d.reason = reason;
                    d.reviewer = m_identity.name;
                    record(s, d, item.action ? Result<Action>(*item.action) : Result<Action>(s), 0);
                }
            }
            Q_EMIT batchFinished(decided, problems);
        });
}

} // namespace Countersign
