#pragma once

#include "committedchange.h"

#include <QObject>

#include <functional>

namespace Countersign {

class StoreWorker;

// With several server instances on one database, events reach an instance two ways: its own
// commits (from its StoreWorker, at once) and everyone's commits (from the store's
// notifications). The sequencer merges both into one stream in sequence order, each event
// once, so the EventHub and the long-poll waiters see exactly what a since= replay from the
// store would show. Own commits that continue the stream go straight through; anything else
// (a notification, a gap before an own commit) makes it read the missing events from the store.
//
// That is gap-free because the store hands out event seqs in commit order (PostgresStore holds
// its log lock until COMMIT): once seq N is visible, every earlier seq is committed or gone.
class EventSequencer : public QObject
{
    Q_OBJECT
public:
    using Sink = std::function<void(const QList<CommittedChange> &changes)>;

    EventSequencer(StoreWorker *worker, Sink sink, QObject *parent = nullptr);

    // Where the stream starts: the store's last seq at start-up.
    void setPublished(qint64 seq) { m_published = seq; }
    qint64 published() const { return m_published; }
    // Catch-up reads done so far (for tests and metrics).
    qint64 reads() const { return m_reads; }

    void localCommitted(const QList<CommittedChange> &changes);
    // Events up to `seq` are committed somewhere; 0: unknown, catch up anyway.
    void remoteCommitted(qint64 seq);

private:
    void catchUp();
    void deliver(const QList<CommittedChange> &changes);

    StoreWorker *m_worker;
    Sink m_sink;
    qint64 m_published = 0;
    qint64 m_wanted = 0; // highest seq known to exist
    qint64 m_reads = 0;
    bool m_reading = false;
    bool m_again = false;
};

} // namespace Countersign
