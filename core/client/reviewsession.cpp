#include "reviewsession.h"

#include "actioncache.h"
#include "logging.h"

#include "diff/differ.h"
#include "diff/unifieddiff.h"
#include "history/decisionhistory.h"
#include "history/decisionoutbox.h"
#include "history/editdrafts.h"

#include <QJsonDocument>

namespace Countersign {

namespace {
constexpr int PageSize = 1000;
constexpr qint64 BusyRetryMs = 5000;
constexpr int InternalErrorAttempts = 3;
} // namespace

ReviewSession::ReviewSession(
    ActionCache *cache, DecisionHistory *history, const Clock &clock, ServerConnection *connection, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_ownConnection(connection ? nullptr : std::make_unique<ServerConnection>())
    , m_connection(connection ? connection : m_ownConnection.get())
    , m_cache(cache)
    , m_history(history)
    , m_health(clock)
{
    if (!m_history) {
        // Without a history file the outbox lives in memory: outages are survived, restarts not.
        m_ownHistory = std::make_unique<DecisionHistory>(QStringLiteral(":memory:"));
        if (const auto opened = m_ownHistory->open(); !opened)
            qCWarning(lcClient) << "in-memory outbox unavailable:" << opened.error().message;
        m_history = m_ownHistory.get();
    }
    m_outbox = std::make_unique<DecisionOutbox>(m_history);
    m_drafts = std::make_unique<EditDrafts>(m_history);

    m_ticker.setInterval(TickMs);
    connect(&m_ticker, &QTimer::timeout, this, &ReviewSession::tick);
    m_ticker.start();

    connect(m_connection, &ServerConnection::serverReached, this, &ReviewSession::onReached);
    connect(m_connection, &ServerConnection::serverUnreachable, this, &ReviewSession::onUnreachable);
    EventStream *events = m_connection->events();
    connect(events, &EventStream::eventReceived, this, &ReviewSession::onEvent);
    connect(events, &EventStream::serverReached, this, &ReviewSession::onReached);
    connect(events, &EventStream::serverUnreachable, this, &ReviewSession::onUnreachable);
    connect(events, &EventStream::tokenRefused, this, [this](const QString &reason) {
        // Not an outage: say so at once instead of showing "cannot be reached" and retrying.
        disconnectFromServer();
        Q_EMIT errorOccurred(tr("The server no longer accepts your token"),
            tr("Connect again with a valid token. Your saved decisions are kept and sent then. (%1)").arg(reason));
    });
    connect(events, &EventStream::stateChanged, this, [this] {
        // Polling or not is part of what the status bar says.
        if (m_state == ConnectionState::Online)
            Q_EMIT connectionStateChanged(m_state);
    });
}

ReviewSession::~ReviewSession()
{
    // Whatever is left stays in the outbox and is sent on the next connection.
    m_ticker.stop();
    disconnect(m_connection, nullptr, this, nullptr);
    disconnect(m_connection->events(), nullptr, this, nullptr);
    m_connection->stopEvents();
}

bool ReviewSession::isPolling() const
{
    return m_connection->events()->state() == EventStream::State::Polling;
}

QDateTime ReviewSession::offlineSince() const
{
    return m_state == ConnectionState::Offline ? m_health.since() : QDateTime();
}

void ReviewSession::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    m_lastCountdown = -1;
    Q_EMIT connectionStateChanged(state);
}

void ReviewSession::connectToServer(const QUrl &url, const QString &token)
{
    disconnectFromServer();
    ++m_generation;
    m_connection->setServer(url, token);
    refreshOutboxIds(); // what waits for this server
    m_health.reset();
    m_loaded = false;
    m_identity = {};
    setState(ConnectionState::Connecting);
    // Events start now and are buffered while the queue loads, so nothing falls in between.
    m_connection->startEvents();
    startLoading();
}

void ReviewSession::disconnectFromServer()
{
    if (m_pending)
        sendPendingNow();
    if (!m_claimed.isEmpty())
        release(m_claimed);
    m_claimed.clear();
    ++m_generation;
    m_connection->stopEvents();
    m_loading = false;
    m_loaded = false;
    setState(ConnectionState::Disconnected);
}

void ReviewSession::retryNow()
{
    if (m_state != ConnectionState::Offline)
        return;
    m_health.probeStarted();
    m_connection->events()->retryNow();
    startLoading();
}

void ReviewSession::startLoading()
{
    const quint64 generation = m_generation;
    m_loading = true;
    m_connection->whoAmI().then(this, [this, generation](const Result<UserIdentity> &who) {
        if (generation != m_generation)
            return;
        if (!who) {
            m_loading = false;
            if (m_health.state() == ConnectionHealth::State::Unreachable) {
                setState(ConnectionState::Offline); // the probes in tick() try again
                return;
            }
            m_connection->stopEvents();
            setState(ConnectionState::Disconnected);
            Q_EMIT errorOccurred(
                tr("Cannot connect to %1").arg(m_connection->baseUrl().toDisplayString()), who.error().message);
            return;
        }
        if (who->name != m_identity.name || who->role != m_identity.role) {
            m_identity = *who;
            Q_EMIT identityChanged(m_identity);
        }
        loadPolicy();
        loadQueue({}, {}, generation);
    });
}

void ReviewSession::loadPolicy()
{
    m_connection->getJson(QStringLiteral("/v1/policy")).then(this, [this](const Result<QJsonObject> &r) {
        if (!r)
            return;
        const QJsonValue document = r->value(QLatin1String("document"));
        const QByteArray json = document.isString() ? document.toString().toUtf8()
                                                    : QJsonDocument(document.toObject()).toJson(QJsonDocument::Compact);
        if (auto parsed = Policy::parse(json))
            m_policy = *parsed;
        else
            qCWarning(lcClient) << "the server's policy does not parse here:" << parsed.error().toString();
    });
}

void ReviewSession::loadQueue(const QString &cursor, QList<Action> accumulated, quint64 generation)
{
    ActionQuery query;
    query.state = ActionState::Pending;
    query.sort = ActionQuery::Sort::Age;
    query.limit = PageSize;
    query.cursor = cursor;
    m_connection->listActions(query).then(
        this, [this, accumulated = std::move(accumulated), generation](const Result<ActionPage> &page) mutable {
            if (generation != m_generation)
                return;
            if (!page) {
                m_loading = false;
                if (m_health.state() == ConnectionHealth::State::Unreachable) {
                    setState(ConnectionState::Offline);
                    return;
                }
                m_connection->stopEvents();
                setState(ConnectionState::Disconnected);
                Q_EMIT errorOccurred(tr("Cannot load the queue"), page.error().message);
                return;
            }
            accumulated.append(page->items);
            if (!page->nextCursor.isEmpty()) {
                loadQueue(page->nextCursor, std::move(accumulated), generation);
                return;
            }
            const int count = int(accumulated.size());
            m_cache->resetActions(std::move(accumulated));
            m_loading = false;
            m_loaded = true;
            const QList<Event> buffered = std::exchange(m_bufferedEvents, {});
            for (const Event &e : buffered)
                onEvent(e);
            setState(m_health.state() == ConnectionHealth::State::Unreachable ? ConnectionState::Offline
                                                                              : ConnectionState::Online);
            refreshOutboxIds();
            Q_EMIT queueLoaded(count);
            pumpOutbox();
        });
}

void ReviewSession::onReached()
{
    if (!m_health.reached() || m_state != ConnectionState::Offline)
        return;
    // Back after an outage: resynchronise (events may have been missed while polling failed),
    // reconnect the stream without waiting out its backoff, then send what waited.
    m_connection->events()->retryNow();
    if (m_loaded)
        setState(ConnectionState::Online);
    if (!m_loading)
        startLoading();
    pumpOutbox();
}

void ReviewSession::onUnreachable(const QString &message)
{
    if (m_state == ConnectionState::Disconnected)
        return;
    if (m_health.unreachable(message) && m_state == ConnectionState::Online)
        setState(ConnectionState::Offline);
    checkFlushDone();
}

void ReviewSession::onEvent(const Event &event)
{
    if (m_loading) {
        m_bufferedEvents.append(event);
        return;
    }
    auto action = Action::fromJson(event.action);
    if (!action) {
        qCWarning(lcClient) << "ignoring an event with an unreadable action:" << action.error().toString();
        return;
    }
    m_cache->upsert(*action);
    if (action->id == m_currentId) {
        if (action->state != ActionState::Pending && m_claimed == action->id)
            m_claimed.clear();
        const bool mine = action->claimedBy == m_identity.name;
        Q_EMIT claimChanged(action->id, action->isClaimedAt(m_clock.now()) ? action->claimedBy : QString(), mine);
    }
    Q_EMIT actionEvent(event.type, *action);
}

std::optional<Action> ReviewSession::currentAction() const
{
    const Action *a = m_cache->findAction(m_currentId);
    return a ? std::optional<Action>(*a) : std::nullopt;
}

void ReviewSession::open(const QString &id, bool claimIt)
{
    if (id == m_currentId) {
        if (claimIt && !id.isEmpty() && m_claimed != id && m_identity.canReview() && !isDecidedLocally(id))
            claim(id);
        return;
    }
    // A claim on an item with a decision on its way ends with that decision, not a release.
    if (!m_claimed.isEmpty() && m_claimed != id && !isDecidedLocally(m_claimed))
        release(m_claimed);
    m_claimed.clear();
    m_currentId = id;
    Q_EMIT currentActionChanged(id);
    if (claimIt && !id.isEmpty() && m_identity.canReview() && !isDecidedLocally(id)
        && m_state == ConnectionState::Online)
        claim(id);
}

void ReviewSession::claim(const QString &id)
{
    m_claimRenewed = m_clock.now();
    m_connection->claim(id).then(this, [this, id](const Result<Action> &r) {
        if (r) {
            m_cache->upsert(*r);
            if (id == m_currentId) {
                m_claimed = id;
                Q_EMIT claimChanged(id, m_identity.name, true);
            } else if (!isDecidedLocally(id)) {
                release(id); // the reviewer moved on while the claim was in flight
            }
            return;
        }
        if (m_health.state() == ConnectionHealth::State::Unreachable)
            return; // the offline banner says it; no dialog per failed request
        // Someone else holds it, or it was decided meanwhile: show what the server knows.
        m_connection->fetchAction(id).then(this, [this, id, error = r.error()](const Result<Action> &latest) {
            if (latest)
                m_cache->upsert(*latest);
            if (id != m_currentId || m_health.state() == ConnectionHealth::State::Unreachable)
                return;
            if (latest && latest->state == ActionState::Pending)
                Q_EMIT claimChanged(id, latest->claimedBy, false);
            else if (!latest)
                Q_EMIT errorOccurred(tr("Cannot open this item"), error.message);
        });
    });
}

void ReviewSession::release(const QString &id)
{
    ++m_releasesInFlight;
    m_connection->release(id).then(this, [this](const Result<Action> &r) {
        --m_releasesInFlight;
        if (r)
            m_cache->upsert(*r);
        checkFlushDone();
    });
}

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

void ReviewSession::tick()
{
    const QDateTime now = m_clock.now();
    if (m_pending) {
        if (now >= m_pending->deadline) {
            m_pending.reset();
            Q_EMIT pendingDecisionChanged({}, 0);
            refreshOutboxIds();
        } else {
            Q_EMIT pendingDecisionChanged(m_pending->actionId, undoSecondsLeft());
        }
    }
    if (!m_claimed.isEmpty() && m_claimRenewed.isValid() && m_claimRenewed.secsTo(now) >= LeaseRenewSeconds
        && m_state == ConnectionState::Online)
        claim(m_claimed); // claiming again renews our own lease
    if (m_state == ConnectionState::Offline) {
        if (m_health.probeDue()) {
            m_health.probeStarted();
            m_connection->events()->retryNow();
            if (!m_loading)
                startLoading(); // answers count as evidence either way
        }
        const int countdown = m_health.secondsUntilProbe();
        if (countdown != m_lastCountdown) {
            m_lastCountdown = countdown;
            Q_EMIT retryCountdownChanged(countdown);
        }
    }
    if (m_state == ConnectionState::Online && m_resendAt.isValid() && now >= m_resendAt)
        m_resendAt = {};
    pumpOutbox();
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

void ReviewSession::saveDraft(const QString &id, const QString &text)
{
    if (const auto saved = m_drafts->save(m_connection->baseUrl().toString(), id, text, m_clock.now()); !saved)
        Q_EMIT errorOccurred(tr("Your edit could not be kept"), saved.error().message);
}

std::optional<QString> ReviewSession::draft(const QString &id) const
{
    const auto loaded = m_drafts->load(m_connection->baseUrl().toString(), id);
    return loaded ? *loaded : std::nullopt;
}

void ReviewSession::discardDraft(const QString &id)
{
    m_drafts->remove(m_connection->baseUrl().toString(), id);
}

std::optional<double> ReviewSession::confidenceThreshold(const Action &action) const
{
    ActionFacts facts;
    facts.type = action.type;
    facts.categoryHint = action.category;
    facts.context = action.context;
    return m_policy.confidenceThreshold(facts);
}

} // namespace Countersign
