// EventSequencer against a real store shared by two writers (this "instance" through its
// StoreWorker, "another instance" through a second store on the same file): whatever mix of own
// commits, notifications and unannounced commits arrives, subscribers get every event once, in
// sequence order, and own commits that continue the stream cost no extra read.
#include "domain/manualclock.h"
#include "server/eventsequencer.h"
#include "server/storeworker.h"
#include "store/storefactory.h"
#include "storetestdata.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

class TestEventSequencer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("seq-%1.db").arg(++m_counter));
        m_worker = std::make_unique<StoreWorker>(
            [this, path] {
                return createStore(path, m_clock);
            },
            m_clock, 64);
        CS_VERIFY_OK(m_worker->start());
        auto other = createStore(path, m_clock);
        CS_VERIFY_OK(other);
        m_other = std::move(*other);
        CS_VERIFY_OK(m_other->open());
        m_seen.clear();
        m_sequencer = std::make_unique<EventSequencer>(m_worker.get(), [this](const QList<CommittedChange> &changes) {
            for (const CommittedChange &c : changes)
                m_seen.append(c.seq);
        });
        connect(m_worker.get(), &StoreWorker::committed, m_sequencer.get(), &EventSequencer::localCommitted);
        connect(m_worker.get(), &StoreWorker::committed, this, [this] {
            ++m_commits;
        });
    }

    void cleanup()
    {
        m_sequencer.reset();
        m_worker->stop();
        m_worker.reset();
        m_other.reset();
    }

    void mergesOwnAndOtherCommitsInOrder()
    {
        // Another instance commits 1..3 and notifies.
        QVERIFY(otherCommits(3));
        m_sequencer->remoteCommitted(3);
        QTRY_COMPARE(m_seen, (QList<qint64>{1, 2, 3}));
        QCOMPARE(m_sequencer->reads(), 1);

        // An own commit that continues the stream goes straight through.
        QVERIFY(ownCommit());
        QTRY_COMPARE(m_seen.size(), 4);
        QCOMPARE(m_seen.constLast(), 4);
        QCOMPARE(m_sequencer->reads(), 1);

        // The other instance commits 5 and 6, its notification not here yet; our own 7 must
        // not overtake them.
        QVERIFY(otherCommits(2));
        QVERIFY(ownCommit());
        QTRY_COMPARE(m_seen.size(), 7);
        QCOMPARE(m_seen, (QList<qint64>{1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(m_sequencer->reads(), 2);

        // The late notification, and our own echoed back, change nothing.
        m_sequencer->remoteCommitted(6);
        m_sequencer->remoteCommitted(7);
        QTest::qWait(100); // a read, were one started, would have published by now
        QCOMPARE(m_seen.size(), 7);
        QCOMPARE(m_sequencer->reads(), 2);

        // After a reconnect (seq unknown) it catches up on what it missed, once.
        QVERIFY(otherCommits(4));
        m_sequencer->remoteCommitted(0);
        m_sequencer->remoteCommitted(0);
        QTRY_COMPARE(m_seen.size(), 11);
        QTest::qWait(100); // a second catch-up, were one started, would have published by now
        for (qsizetype i = 0; i < m_seen.size(); ++i)
            QCOMPARE(m_seen.at(i), i + 1);
        QCOMPARE(m_sequencer->published(), 11);
    }

private:
    bool otherCommits(int count)
    {
        QList<ActionChange> changes;
        for (int i = 0; i < count; ++i)
            changes.append(insertion(pendingAction(QStringLiteral("other-%1").arg(++m_ids), T0)));
        for (const auto &r : m_other->commit(changes)) {
            if (!r)
                return false;
        }
        return true;
    }

    bool ownCommit()
    {
        // Counted on this thread (queued from the worker): a spy's wait() started after a fast
        // commit would wait for a second one that never comes.
        const int before = m_commits;
        StoreTask task;
        task.context = this;
        const Action a = pendingAction(QStringLiteral("own-%1").arg(++m_ids), T0);
        task.plan = [a](Store &) {
            return QList<ActionChange>{insertion(a)};
        };
        m_worker->post(std::move(task));
        return QTest::qWaitFor(
            [&] {
                return m_commits > before;
            },
            5000);
    }

    QTemporaryDir m_dir;
    int m_counter = 0;
    int m_ids = 0;
    int m_commits = 0;
    ManualClock m_clock;
    std::unique_ptr<StoreWorker> m_worker;
    std::unique_ptr<Store> m_other;
    std::unique_ptr<EventSequencer> m_sequencer;
    QList<qint64> m_seen;
};

QTEST_MAIN(TestEventSequencer)
#include "tst_eventsequencer.moc"
