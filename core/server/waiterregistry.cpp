#include "waiterregistry.h"

#include "httperrors.h"
#include "reply.h"

namespace Countersign {

WaiterRegistry::WaiterRegistry(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &WaiterRegistry::onTimer);
}

void WaiterRegistry::add(const QString &actionId, Reply *reply, std::chrono::milliseconds wait,
    TimeoutHandler onTimeout, const QByteArray &tokenHash)
{
    const quint64 id = m_nextId++;
    const qint64 deadline = m_clock.elapsed() + wait.count();
    m_waiters.emplace(id, Waiter{actionId, reply, deadline, std::move(onTimeout), tokenHash});
    m_deadlines.emplace(deadline, id);
    m_byAction.insert(actionId, id);
    arm();
}

void WaiterRegistry::publish(const QList<CommittedChange> &changes)
{
    if (m_waiters.empty())
        return;
    bool woke = false;
    for (const CommittedChange &c : changes) {
        if (c.action.state == ActionState::Pending || !m_byAction.contains(c.action.id))
            continue;
        const QJsonObject json = c.action.toJson();
        const QList<quint64> ids = m_byAction.values(c.action.id);
        for (quint64 id : ids) {
            auto it = m_waiters.find(id);
            if (it == m_waiters.end())
                continue;
            QPointer<Reply> reply = it->second.reply;
            remove(id);
            woke = true;
            if (reply)
                reply->sendJson(Reply::Status::Ok, json);
        }
    }
    if (woke)
        arm();
}

void WaiterRegistry::expireAll()
{
    while (!m_waiters.empty()) {
        auto it = m_waiters.begin();
        Waiter w = it->second;
        remove(it->first);
        if (w.reply && w.onTimeout)
            w.onTimeout(w.reply);
    }
    m_timer.stop();
}

void WaiterRegistry::endTokens(const QSet<QByteArray> &tokenHashes)
{
    QList<quint64> ended;
    for (const auto &[id, w] : m_waiters) {
        if (!w.tokenHash.isEmpty() && tokenHashes.contains(w.tokenHash))
            ended.append(id);
    }
    for (quint64 id : std::as_const(ended)) {
        QPointer<Reply> reply = m_waiters.at(id).reply;
        remove(id);
        if (reply)
            reply->sendError(HttpErrors::unauthorized(QStringLiteral("the token has been revoked")),
                QHttpHeaders::fromListOfPairs({{"WWW-Authenticate", "Bearer"}}));
    }
    if (!ended.isEmpty())
        arm();
}

void WaiterRegistry::remove(quint64 id)
{
    auto it = m_waiters.find(id);
    if (it == m_waiters.end())
        return;
    auto range = m_deadlines.equal_range(it->second.deadlineMs);
    for (auto d = range.first; d != range.second; ++d) {
        if (d->second == id) {
            m_deadlines.erase(d);
            break;
        }
    }
    m_byAction.remove(it->second.actionId, id);
    m_waiters.erase(it);
}

void WaiterRegistry::onTimer()
{
    const qint64 now = m_clock.elapsed();
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        const quint64 id = m_deadlines.begin()->second;
        auto it = m_waiters.find(id);
        if (it == m_waiters.end()) {
            m_deadlines.erase(m_deadlines.begin());
            continue;
        }
        Waiter w = it->second;
        remove(id);
        if (w.reply && w.onTimeout)
            w.onTimeout(w.reply);
    }
    arm();
}

void WaiterRegistry::arm()
{
    // Waiters whose client went away are dropped lazily, when their deadline comes up.
    if (m_deadlines.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 due = qMax<qint64>(0, m_deadlines.begin()->first - m_clock.elapsed());
    m_timer.start(int(qMin<qint64>(due, 60'000)));
}

} // namespace Countersign
