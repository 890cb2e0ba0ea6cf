#include "reviewcontroller.h"

#include "diff/differ.h"
#include "diff/unifieddiff.h"
#include "history/decisionhistory.h"
#include "logging.h"
#include "queue/queuemodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace Countersign {

namespace {
constexpr int PageSize = 1000;
}

ReviewController::ReviewController(QueueModel *queue, DecisionHistory *history, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_history(history)
{
    m_undoTimer.setInterval(250);
    connect(&m_undoTimer, &QTimer::timeout, this, [this] {
        if (!m_pending)
            return;
        if (QDateTime::currentMSecsSinceEpoch() >= m_pending->deadlineMs) {
            sendPendingNow();
            return;
        }
        Q_EMIT pendingDecisionChanged(m_pending->actionId, undoSecondsLeft());
    });
    m_leaseTimer.setInterval(LeaseRenewSeconds * 1000);
    connect(&m_leaseTimer, &QTimer::timeout, this, [this] {
        if (!m_claimed.isEmpty())
            claim(m_claimed); // claiming again renews our own lease
    });
    connect(m_connection.events(), &EventStream::eventReceived, this, &ReviewController::onEvent);
    connect(m_connection.events(), &EventStream::stateChanged, this, [this](EventStream::State s) {
        if (m_state == ConnectionState::Disconnected || m_loading)
            return;
        switch (s) {
        case EventStream::State::Live:
            setState(ConnectionState::Online);
            break;
        case EventStream::State::Polling:
            setState(ConnectionState::Polling);
            break;
        case EventStream::State::Connecting:
        case EventStream::State::Reconnecting:
            setState(ConnectionState::Reconnecting);
            break;
        case EventStream::State::Stopped:
            break;
        }
    });
}

ReviewController::~ReviewController()
{
    // A decision the reviewer made must not be lost by closing the window in the undo window.
    if (m_pending)
        sendPendingNow();
}

void ReviewController::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT connectionStateChanged(state);
}

void ReviewController::connectToServer(const QUrl &url, const QString &token)
{
    disconnectFromServer();
    const quint64 generation = ++m_generation;
    m_connection.setServer(url, token);
    setState(ConnectionState::Connecting);
    m_loading = true;
    m_bufferedEvents.clear();
    // Events start now and are buffered while the queue loads, so nothing falls in between.
    m_connection.startEvents();
    m_connection.whoAmI().then(this, [this, generation](const Result<UserIdentity> &who) {
        if (generation != m_generation)
            return;
        if (!who) {
            m_connection.stopEvents();
            m_loading = false;
            setState(ConnectionState::Disconnected);
            Q_EMIT errorOccurred(
                tr("Cannot connect to %1").arg(m_connection.baseUrl().toDisplayString()), who.error().message);
            return;
        }
        m_identity = *who;
        Q_EMIT identityChanged(m_identity);
        loadPolicy();
        loadQueue({}, {}, generation);
    });
}

void ReviewController::disconnectFromServer()
{
    if (m_pending)
        sendPendingNow();
    if (!m_claimed.isEmpty())
        release(m_claimed);
    m_claimed.clear();
    m_leaseTimer.stop();
    ++m_generation;
    m_connection.stopEvents();
    m_loading = false;
    setState(ConnectionState::Disconnected);
}

void ReviewController::loadPolicy()
{
    m_connection.getJson(QStringLiteral("/v1/policy")).then(this, [this](const Result<QJsonObject> &r) {
        if (r)
            m_policy = r->value(QLatin1String("document")).toObject();
    });
}

void ReviewController::loadQueue(const QString &cursor, QList<Action> accumulated, quint64 generation)
{
    ActionQuery query;
    query.state = ActionState::Pending;
    query.sort = ActionQuery::Sort::Age;
    query.limit = PageSize;
    query.cursor = cursor;
    m_connection.listActions(query).then(
        this, [this, accumulated = std::move(accumulated), generation](const Result<ActionPage> &page) mutable {
            if (generation != m_generation)
                return;
            if (!page) {
                m_loading = false;
                setState(ConnectionState::Disconnected);
                m_connection.stopEvents();
                Q_EMIT errorOccurred(tr("Cannot load the queue"), page.error().message);
                return;
            }
            accumulated.append(page->items);
            if (!page->nextCursor.isEmpty()) {
                loadQueue(page->nextCursor, std::move(accumulated), generation);
                return;
            }
            const int count = int(accumulated.size());
            m_queue->resetActions(std::move(accumulated));
            m_loading = false;
            const QList<Event> buffered = std::exchange(m_bufferedEvents, {});
            for (const Event &e : buffered)
                onEvent(e);
            setState(m_connection.events()->state() == EventStream::State::Polling ? ConnectionState::Polling
                                                                                   : ConnectionState::Online);
            Q_EMIT queueLoaded(count);
        });
}

void ReviewController::onEvent(const Event &event)
{
    if (m_loading) {
        m_bufferedEvents.append(event);
        return;
    }
    auto action = Action::fromJson(event.action);
    if (!action) {
        qCWarning(lcUi) << "ignoring an event with an unreadable action:" << action.error().toString();
        return;
    }
    m_queue->upsert(*action);
    if (action->id == m_currentId) {
        if (action->state != ActionState::Pending)
            m_claimed.clear();
        const bool mine = action->claimedBy == m_identity.name;
        Q_EMIT claimChanged(
            action->id, action->isClaimedAt(QDateTime::currentDateTimeUtc()) ? action->claimedBy : QString(), mine);
    }
    Q_EMIT actionEvent(event.type, *action);
}

std::optional<Action> ReviewController::currentAction() const
{
    const Action *a = m_queue->findAction(m_currentId);
    return a ? std::optional<Action>(*a) : std::nullopt;
}

void ReviewController::open(const QString &id)
{
    if (id == m_currentId)
        return;
    const bool keepForPending = m_pending && m_pending->actionId == m_claimed;
    if (!m_claimed.isEmpty() && m_claimed != id && !keepForPending)
        release(m_claimed);
    m_claimed.clear();
    m_leaseTimer.stop();
    m_currentId = id;
    Q_EMIT currentActionChanged(id);
    if (!id.isEmpty() && m_identity.canReview() && !(m_pending && m_pending->actionId == id))
        claim(id);
}

void ReviewController::claim(const QString &id)
{
    m_connection.claim(id).then(this, [this, id](const Result<Action> &r) {
        if (r) {
            m_queue->upsert(*r);
            if (id == m_currentId) {
                m_claimed = id;
                m_leaseTimer.start();
                Q_EMIT claimChanged(id, m_identity.name, true);
            } else {
                release(id); // the reviewer moved on while the claim was in flight
            }
            return;
        }
        // Someone else holds it, or it was decided meanwhile: show what the server knows.
        m_connection.fetchAction(id).then(this, [this, id, error = r.error()](const Result<Action> &latest) {
            if (latest)
                m_queue->upsert(*latest);
            if (id != m_currentId)
                return;
            if (latest && latest->state == ActionState::Pending)
                Q_EMIT claimChanged(id, latest->claimedBy, false);
            else if (!latest)
                Q_EMIT errorOccurred(tr("Cannot open this item"), error.message);
        });
    });
}

void ReviewController::release(const QString &id)
{
    m_connection.release(id).then(this, [this](const Result<Action> &r) {
        if (r)
            m_queue->upsert(*r);
    });
}

void ReviewController::approve()
{
    Decision d;
    d.outcome = Outcome::Approve;
    queueDecision(d);
}

void ReviewController::modify(const QString &editedContent)
{
    const auto current = currentAction();
    if (!current)
        return;
    Decision d;
    d.outcome = Outcome::Modify;
    d.payload = Payload{editedContent, current->payload.language};
    queueDecision(d);
}

void ReviewController::reject(const QString &reason)
{
    Decision d;
    d.outcome = Outcome::Reject;
    d.reason = reason;
    queueDecision(d);
}

void ReviewController::queueDecision(Decision decision)
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
    if (m_pending)
        sendPendingNow();
    decision.reviewer = m_identity.name;
    // No expected version: our own claim and lease renewals move it, and the server already
    // refuses a decided action or one someone else holds.
    PendingDecision p{current->id, decision, *current, QDateTime::currentMSecsSinceEpoch() + m_undoSeconds * 1000};
    if (m_undoSeconds == 0) {
        sendDecision(std::move(p));
        return;
    }
    m_pending = std::move(p);
    m_undoTimer.start();
    Q_EMIT pendingDecisionChanged(m_pending->actionId, undoSecondsLeft());
}

int ReviewController::undoSecondsLeft() const
{
    if (!m_pending)
        return 0;
    const qint64 left = m_pending->deadlineMs - QDateTime::currentMSecsSinceEpoch();
    return int(std::max<qint64>(0, (left + 999) / 1000));
}

void ReviewController::undo()
{
    if (!m_pending)
        return;
    m_undoTimer.stop();
    const QString id = m_pending->actionId;
    m_pending.reset();
    Q_EMIT pendingDecisionChanged({}, 0);
    if (id == m_currentId && m_claimed.isEmpty())
        claim(id);
}

void ReviewController::sendPendingNow()
{
    if (!m_pending)
        return;
    m_undoTimer.stop();
    PendingDecision p = std::move(*m_pending);
    m_pending.reset();
    Q_EMIT pendingDecisionChanged({}, 0);
    sendDecision(std::move(p));
}

void ReviewController::sendDecision(PendingDecision p)
{
    const QString id = p.actionId;
    if (id == m_claimed) {
        // The decision ends the claim; releasing it as well would only race the decision.
        m_claimed.clear();
        m_leaseTimer.stop();
    }
    m_connection.decide(id, p.decision).then(this, [this, p](const Result<Action> &r) {
        record(p.snapshot, p.decision, r);
        if (p.actionId == m_claimed)
            m_claimed.clear();
        if (r) {
            m_queue->upsert(*r);
            Q_EMIT decisionSent(p.actionId, *r);
        } else {
            Q_EMIT decisionFailed(p.actionId, r.error());
        }
    });
}

void ReviewController::record(const Action &snapshot, const Decision &decision, const Result<Action> &answer)
{
    if (!m_history)
        return;
    HistoryEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.server = m_connection.baseUrl().toString();
    e.actionId = snapshot.id;
    e.actionType = snapshot.type;
    e.category = snapshot.category;
    e.title = snapshot.title;
    e.outcome = outcomeName(decision.outcome);
    e.reason = decision.reason;
    e.reviewer = m_identity.name;
    e.language = snapshot.payload.language;
    e.aiDraft = snapshot.payload.content;
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
    const auto recorded = m_history->record(e);
    if (!recorded)
        Q_EMIT errorOccurred(tr("The decision history could not be written"), recorded.error().message);
}

void ReviewController::decideBatch(const QStringList &ids, Outcome outcome, const QString &reason)
{
    QList<Action> snapshots;
    for (const QString &id : ids) {
        if (const Action *a = m_queue->findAction(id))
            snapshots << *a;
    }
    m_connection.decideBatch(ids, outcome, reason)
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
                    m_queue->upsert(*item.action);
                if (item.error) {
                    const Action *a = m_queue->findAction(item.id);
                    problems << QStringLiteral("%1: %2").arg(a ? a->title : item.id, item.error->message);
                    continue;
                }
                ++decided;
                for (const Action &s : snapshots) {
                    if (s.id == item.id) {
                        Decision d;
                        d.outcome = outcome;
                        d.reason = reason;
                        record(s, d, item.action ? Result<Action>(*item.action) : Result<Action>(s));
                    }
                }
            }
            Q_EMIT batchFinished(decided, problems);
        });
}

std::optional<double> ReviewController::confidenceThreshold(const Action &action) const
{
    std::optional<double> best;
    const QJsonArray rules = m_policy.value(QLatin1String("rules")).toArray();
    for (const auto &v : rules) {
        const QJsonObject when = v.toObject().value(QLatin1String("when")).toObject();
        const QJsonValue below = when.value(QLatin1String("confidence_below"));
        if (!below.isDouble())
            continue;
        bool applies = true;
        for (auto it = when.begin(); it != when.end() && applies; ++it) {
            if (it.key() == QLatin1String("confidence_below"))
                continue;
            if (it.key() == QLatin1String("type") && it.value().isString()) {
                const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(
                    it.value().toString(), QRegularExpression::UnanchoredWildcardConversion));
                applies = QRegularExpression(QRegularExpression::anchoredPattern(glob.pattern()))
                              .match(action.type)
                              .hasMatch();
            } else if (it.key() == QLatin1String("category") && it.value().isString()) {
                applies = it.value().toString() == action.category;
            } else {
                applies = false; // context conditions: cannot tell from here
            }
        }
        if (applies)
            best = std::max(best.value_or(0.0), below.toDouble());
    }
    return best;
}

} // namespace Countersign
