#include "eventsequencer.h"

#include "logging.h"
#include "storeworker.h"

namespace Countersign {

namespace {

constexpr int CatchUpPage = 500;

} // namespace

EventSequencer::EventSequencer(StoreWorker *worker, Sink sink, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_sink(std::move(sink))
{ }

void EventSequencer::localCommitted(const QList<CommittedChange> &changes)
{
    if (changes.isEmpty())
        return;
    m_wanted = qMax(m_wanted, changes.constLast().seq);
    if (changes.constLast().seq <= m_published)
        return; // a catch-up read delivered them already
    if (!m_reading && changes.constFirst().seq == m_published + 1) {
        bool contiguous = true;
        for (qsizetype i = 1; i < changes.size() && contiguous; ++i)
            contiguous = changes.at(i).seq == changes.at(i - 1).seq + 1;
        if (contiguous) {
            deliver(changes);
            return;
        }
    }
    catchUp();
}

void EventSequencer::remoteCommitted(qint64 seq)
{
    if (seq > 0 && seq <= m_published)
        return; // our own commit, or one a read already brought
    m_wanted = qMax(m_wanted, seq);
    catchUp();
}

void EventSequencer::deliver(const QList<CommittedChange> &changes)
{
    QList<CommittedChange> fresh;
    fresh.reserve(changes.size());
    for (const CommittedChange &c : changes) {
        if (c.seq > m_published) {
            fresh.append(c);
            m_published = c.seq;
        }
    }
    if (!fresh.isEmpty())
        m_sink(fresh);
}

void EventSequencer::catchUp()
{
    if (m_reading) {
        m_again = true;
        return;
    }
    m_reading = true;
    ++m_reads;
    const qint64 after = m_published;
    m_worker->read<QList<Event>>(
        this,
        [after](Store &store) {
            return store.eventsSince(after, CatchUpPage);
        },
        [this](Result<QList<Event>> events) {
            m_reading = false;
            if (!events) {
                // The next commit or notification tries again; subscribers can resume with since=.
                qCWarning(lcServer) << "cannot read events from other instances:" << events.error().message;
                return;
            }
            QList<CommittedChange> changes;
            changes.reserve(events->size());
            for (const Event &e : std::as_const(*events)) {
                auto action = Action::fromJson(e.action);
                if (!action) {
                    qCWarning(lcServer) << "skipping unreadable event" << e.seq << ":" << action.error().message;
                    continue;
                }
                changes.append(CommittedChange{e.seq, e.type, e.time, std::move(*action)});
            }
            const qint64 readUpTo = events->isEmpty() ? m_published : events->constLast().seq;
            deliver(changes);
            // Skipped (unreadable) events still count as seen.
            m_published = qMax(m_published, readUpTo);
            if (std::exchange(m_again, false) || events->size() >= CatchUpPage
                || (!events->isEmpty() && m_wanted > m_published))
                catchUp();
        });
}

} // namespace Countersign
