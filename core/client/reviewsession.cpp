#include "reviewsession.h"

#include "actioncache.h"
#include "logging.h"

#include "history/decisionhistory.h"
#include "history/decisionoutbox.h"
#include "history/editdrafts.h"

#include <QJsonDocument>

namespace Countersign {

namespace {
constexpr int PageSize = 1000;
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
    // Looking at an item one snoozed (the Snoozed filter) does not take it up again: a claim
    // would end the snooze. Ending it is a choice of its own (endSnooze).
    if (const Action *a = m_cache->findAction(id); a && a->isSnoozedFor(m_identity.name, m_clock.now()))
        claimIt = false;
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

void ReviewSession::snooze(const QString &id, const QDateTime &until)
{
    // The server releases our claim with the snooze; renewing it would take the item up again.
    const bool held = m_claimed == id;
    if (held)
        m_claimed.clear();
    m_connection->snooze(id, until).then(this, [this, id, held](const Result<Action> &r) {
        if (!r) {
            if (held && id == m_currentId && m_claimed.isEmpty())
                m_claimed = id; // refused: the claim stands, keep renewing it
            if (m_health.state() != ConnectionHealth::State::Unreachable)
                Q_EMIT errorOccurred(tr("Cannot snooze this item"), r.error().message);
            return;
        }
        m_cache->upsert(*r);
        Q_EMIT snoozed(id, r->snoozedUntil);
    });
}

void ReviewSession::endSnooze(const QString &id)
{
    m_connection->endSnooze(id).then(this, [this](const Result<Action> &r) {
        if (!r) {
            if (m_health.state() != ConnectionHealth::State::Unreachable)
                Q_EMIT errorOccurred(tr("Cannot end the snooze"), r.error().message);
            return;
        }
        m_cache->upsert(*r);
    });
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
