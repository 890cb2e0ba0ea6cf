#include "actionlist.h"
#include "client/reviewsession.h"
#include "domain/manualclock.h"
#include "history/decisionhistory.h"
#include "history/decisionoutbox.h"
#include "restartableserver.h"
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

// The seam: counts the claims the session sends.
class CountingConnection : public ServerConnection
{
public:
    int claims = 0;
    QFuture<Result<Action>> claim(const QString &id) override
    {
        ++claims;
        return ServerConnection::claim(id);
    }
};

// One reviewer's session with its own clock, cache and history file.
struct Reviewer {
    ManualClock clock{QDateTime::currentDateTimeUtc()};
    ActionList cache;
    std::unique_ptr<DecisionHistory> history;
    std::unique_ptr<ReviewSession> session;

    Reviewer(const QString &historyPath, ServerConnection *connection = nullptr)
        : history(std::make_unique<DecisionHistory>(historyPath))
    {
        if (!history->open())
            qFatal("history");
        session = std::make_unique<ReviewSession>(&cache, history.get(), clock, connection);
        session->setUndoWindow(5);
    }
    // Moves the session's clock and lets it act on it.
    void advance(qint64 ms)
    {
        clock.advance(ms);
        session->tick();
    }
    qint64 outbox() const { return DecisionOutbox(history.get()).count().value_or(-1); }
};

} // namespace

// The reviewer's session against a real server on loopback: the undo window and leases follow
// an injected clock; decisions go through the durable outbox and survive an outage, quitting
// and a restart; a refusal is recorded as one, never as an approval.
class TestReviewSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RestartableServer m_server;
    int m_histories = 0;

    QString historyPath() { return m_dir.filePath(QStringLiteral("history-%1.db").arg(++m_histories)); }
    QString submit(const QString &title) { return m_server.submit(title); }
    Action serverAction(const QString &id) { return m_server.action(id); }
    void startServer() { QVERIFY(m_server.start()); }
    void stopServer() { QVERIFY(m_server.stop()); }

    void connect(Reviewer &r)
    {
        r.session->connectToServer(m_server.url(), m_server.token(Role::Reviewer, QStringLiteral("rita")));
        QTRY_COMPARE_WITH_TIMEOUT(r.session->connectionState(), ReviewSession::ConnectionState::Online, 15000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start());
    }

    void showingDoesNotClaimOpeningDoesAndTheLeaseIsRenewed()
    {
        const QString id = submit(QStringLiteral("Lease"));
        CountingConnection counting;
        CountingConnection *connection = &counting;
        Reviewer r(historyPath(), connection);
        connect(r);
        QVERIFY(r.cache.findAction(id));
        r.session->open(id, false);
        QCOMPARE(r.session->currentId(), id);
        QCOMPARE(connection->claims, 0);
        QVERIFY(serverAction(id).claimedBy.isEmpty());

        r.session->open(id, true);
        QTRY_VERIFY(r.session->holdsClaim(id));
        QCOMPARE(serverAction(id).claimedBy, QStringLiteral("rita"));
        QCOMPARE(connection->claims, 1);
        r.advance((ReviewSession::LeaseRenewSeconds - 1) * 1000);
        QCOMPARE(connection->claims, 1);
        r.advance(1000);
        QCOMPARE(connection->claims, 2);

        // Leaving the item releases it.
        r.session->open({});
        QTRY_VERIFY(serverAction(id).claimedBy.isEmpty());
    }

    void theUndoWindowFollowsTheClock()
    {
        const QString id = submit(QStringLiteral("Undo window"));
        Reviewer r(historyPath());
        connect(r);
        r.session->open(id);
        QTRY_VERIFY(r.session->holdsClaim(id));
        r.session->approve();
        QVERIFY(r.session->hasPendingDecision());
        QCOMPARE(r.session->undoSecondsLeft(), 5);
        QVERIFY(r.session->pendingDescription().contains(QStringLiteral("Undo window")));
        QCOMPARE(r.outbox(), 1); // saved at once
        QCOMPARE(r.session->waitingToSend(), 0); // but still in its undo window
        r.advance(4000);
        QCOMPARE(r.session->undoSecondsLeft(), 1);
        QVERIFY(r.session->hasPendingDecision());
        QTest::qWait(0); // a send, were one started, runs now
        QCOMPARE(serverAction(id).state, ActionState::Pending);
        r.advance(1000);
        QVERIFY(!r.session->hasPendingDecision());
        QTRY_COMPARE(serverAction(id).state, ActionState::Approved);
        QTRY_COMPARE(r.outbox(), 0);
        const auto entries = r.history->entries({});
        QCOMPARE(entries->size(), 1);
        QVERIFY(entries->first().serverAccepted);
        QCOMPARE(entries->first().serverAnswer, QStringLiteral("approved"));
    }

    void undoTakesItBackAndKeepsTheEdit()
    {
        const QString id = submit(QStringLiteral("Undo"));
        Reviewer r(historyPath());
        connect(r);
        r.session->open(id);
        QTRY_VERIFY(r.session->holdsClaim(id));
        r.session->saveDraft(id, QStringLiteral("Dear customer, edited\n"));
        r.session->modify(QStringLiteral("Dear customer, edited\n"));
        QVERIFY(!r.session->draft(id)); // it went out with the decision
        r.session->undo();
        QVERIFY(!r.session->hasPendingDecision());
        QCOMPARE(r.outbox(), 0);
        QCOMPARE(r.session->draft(id).value_or(QString()), QStringLiteral("Dear customer, edited\n"));
        r.advance(10000);
        QTest::qWait(0); // a send, were one started, runs now
        QCOMPARE(serverAction(id).state, ActionState::Pending);
        QCOMPARE(r.history->count({}).value(), 0);
    }

    void quittingSendsTheDecisionInItsUndoWindowAndReleasesTheClaim()
    {
        const QString decided = submit(QStringLiteral("Decided before quitting"));
        const QString left = submit(QStringLiteral("Left open"));
        Reviewer r(historyPath());
        connect(r);
        r.session->open(decided);
        QTRY_VERIFY(r.session->holdsClaim(decided));
        r.session->approve();
        r.session->open(left);
        QTRY_VERIFY(r.session->holdsClaim(left));
        QCOMPARE(serverAction(left).claimedBy, QStringLiteral("rita"));

        QSignalSpy finished(r.session.get(), &ReviewSession::flushFinished);
        r.session->flush();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(serverAction(decided).state, ActionState::Approved);
        QVERIFY(serverAction(left).claimedBy.isEmpty());
        QCOMPARE(r.outbox(), 0);
        QCOMPARE(r.history->count({}).value(), 1);
    }

    void anOutageIsShownAndItsDecisionsAreSentWhenTheServerIsBack()
    {
        const QString id = submit(QStringLiteral("Decided offline"));
        Reviewer r(historyPath());
        r.session->setUndoWindow(0);
        connect(r);
        r.session->open(id);
        QTRY_VERIFY(r.session->holdsClaim(id));

        QElapsedTimer outage;
        outage.start();
        stopServer();
        QTRY_COMPARE_WITH_TIMEOUT(r.session->connectionState(), ReviewSession::ConnectionState::Offline, 5000);
        qInfo("offline %lld ms after the server went away", outage.elapsed());
        QVERIFY(!r.session->offlineReason().isEmpty());
        QVERIFY(r.session->offlineSince().isValid());
        QCOMPARE(r.session->secondsUntilRetry(), 1);

        QSignalSpy errors(r.session.get(), &ReviewSession::errorOccurred);
        r.session->approve();
        QVERIFY(r.session->isDecidedLocally(id));
        QTRY_COMPARE(r.session->waitingToSend(), 1);
        // Retries while down keep it, back off, and raise no error per attempt.
        r.advance(1000);
        r.advance(2000);
        QTest::qWait(50); // the retries run; none may succeed or raise an error
        QCOMPARE(r.session->connectionState(), ReviewSession::ConnectionState::Offline);
        QCOMPARE(r.session->waitingToSend(), 1);

        startServer();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                r.advance(1000);
                return r.session->connectionState() == ReviewSession::ConnectionState::Online;
            }(),
            20000);
        QTRY_COMPARE_WITH_TIMEOUT(serverAction(id).state, ActionState::Approved, 10000);
        QTRY_COMPARE(r.session->waitingToSend(), 0);
        QCOMPARE(r.outbox(), 0);
        QVERIFY(errors.isEmpty());
        QVERIFY(r.history->entries({})->first().serverAccepted);
    }

    void decisionsWaitingSurviveARestartOfTheApp()
    {
        const QString id = submit(QStringLiteral("Across a restart"));
        const QString path = historyPath();
        {
            Reviewer r(path);
            r.session->setUndoWindow(0);
            connect(r);
            r.session->open(id, false);
            stopServer();
            QTRY_COMPARE_WITH_TIMEOUT(r.session->connectionState(), ReviewSession::ConnectionState::Offline, 5000);
            r.session->reject(QStringLiteral("Wrong customer"));
            QSignalSpy finished(r.session.get(), &ReviewSession::flushFinished);
            r.session->flush();
            QTRY_COMPARE(finished.count(), 1);
            QCOMPARE(finished.first().first().toBool(), false); // nothing could be sent
            QCOMPARE(r.outbox(), 1);
        }
        startServer();
        Reviewer again(path);
        connect(again);
        QTRY_COMPARE_WITH_TIMEOUT(serverAction(id).state, ActionState::Rejected, 10000);
        QCOMPARE(serverAction(id).reason, QStringLiteral("Wrong customer"));
        QTRY_COMPARE(again.outbox(), 0);
    }

    void aDecisionSomeoneElseBeatIsRecordedAsRefused()
    {
        const QString id = submit(QStringLiteral("Raced"));
        Reviewer r(historyPath());
        connect(r);
        r.session->open(id, false);
        r.session->approve(); // in its undo window
        Decision theirs;
        theirs.outcome = Outcome::Reject;
        theirs.reason = QStringLiteral("Not this customer");
        QVERIFY(m_server.decide(id, theirs, QStringLiteral("bob")));

        QSignalSpy refused(r.session.get(), &ReviewSession::decisionRefused);
        QSignalSpy sent(r.session.get(), &ReviewSession::decisionSent);
        r.advance(5000);
        QTRY_COMPARE(refused.count(), 1);
        QCOMPARE(refused.first().at(0).toString(), id);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("Raced"));
        QCOMPARE(refused.first().at(2).value<Error>().code, ErrorCode::Conflict);
        QCOMPARE(sent.count(), 0);
        QCOMPARE(r.outbox(), 0);
        const auto entries = r.history->entries({});
        QCOMPARE(entries->size(), 1);
        QVERIFY(!entries->first().serverAccepted);
        QCOMPARE(entries->first().outcome, QStringLiteral("approve"));
        QVERIFY(!entries->first().serverAnswer.isEmpty());
        QVERIFY(r.history->verify()->ok);
        QCOMPARE(serverAction(id).state, ActionState::Rejected);
    }

    void startingWhileTheServerIsDownWaitsForIt()
    {
        stopServer();
        Reviewer r(historyPath());
        QSignalSpy errors(r.session.get(), &ReviewSession::errorOccurred);
        QSignalSpy loaded(r.session.get(), &ReviewSession::queueLoaded);
        r.session->connectToServer(m_server.url(), m_server.token(Role::Reviewer, QStringLiteral("rita")));
        QTRY_COMPARE_WITH_TIMEOUT(r.session->connectionState(), ReviewSession::ConnectionState::Offline, 5000);
        startServer();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                r.advance(1000);
                return r.session->connectionState() == ReviewSession::ConnectionState::Online;
            }(),
            20000);
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(r.session->identity().name, QStringLiteral("rita"));
        QVERIFY(errors.isEmpty()); // the outage was a state, not an error dialog
    }

    void aHungServerShowsWithinFiveSeconds()
    {
        // A process that stops answering keeps its sockets open: only the heartbeat can tell.
        const QString db = m_dir.filePath(QStringLiteral("hung.db"));
        const QByteArray token = ServerProcess::createToken(db, QStringLiteral("reviewer"), QStringLiteral("rita"));
        QVERIFY(!token.isEmpty());
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--db"), db}));
        Reviewer r(historyPath());
        r.session->connectToServer(server.url(), QString::fromLatin1(token));
        QTRY_COMPARE_WITH_TIMEOUT(r.session->connectionState(), ReviewSession::ConnectionState::Online, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(r.session->connection()->events()->state(), EventStream::State::Live, 10000);

        QElapsedTimer hung;
        hung.start();
        ::kill(pid_t(server.process().processId()), SIGSTOP);
        QTRY_COMPARE_WITH_TIMEOUT(r.session->connectionState(), ReviewSession::ConnectionState::Offline, 6000);
        qInfo("hung server shown as offline after %lld ms", hung.elapsed());
        QVERIFY(hung.elapsed() <= 5000);
        ::kill(pid_t(server.process().processId()), SIGCONT);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                r.advance(1000);
                return r.session->connectionState() == ReviewSession::ConnectionState::Online;
            }(),
            20000);
    }

    void aRevokedTokenDisconnectsAtOnceWithoutAnOutage()
    {
        Reviewer r(historyPath());
        r.session->connectToServer(m_server.url(), m_server.token(Role::Reviewer, QStringLiteral("robin")));
        QTRY_COMPARE_WITH_TIMEOUT(r.session->connectionState(), ReviewSession::ConnectionState::Online, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(r.session->connection()->events()->state(), EventStream::State::Live, 10000);
        QSignalSpy states(r.session.get(), &ReviewSession::connectionStateChanged);
        QSignalSpy errors(r.session.get(), &ReviewSession::errorOccurred);
        QVERIFY(m_server.revoke(QStringLiteral("robin")));
        QTRY_COMPARE_WITH_TIMEOUT(r.session->connectionState(), ReviewSession::ConnectionState::Disconnected, 5000);
        for (const QList<QVariant> &change : std::as_const(states))
            QVERIFY(change.first().value<ReviewSession::ConnectionState>() != ReviewSession::ConnectionState::Offline);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().toString(), QStringLiteral("The server no longer accepts your token"));
    }

    void batchesNeedTheServer()
    {
        Reviewer r(historyPath());
        QSignalSpy errors(r.session.get(), &ReviewSession::errorOccurred);
        QSignalSpy finished(r.session.get(), &ReviewSession::batchFinished);
        r.session->decideBatch({QStringLiteral("x")}, Outcome::Approve, {});
        QCOMPARE(errors.count(), 1);
        QCOMPARE(finished.count(), 1);
    }

    void theMeterLineComesFromThePolicy()
    {
        const QString id = submit(QStringLiteral("Meter"));
        Reviewer r(historyPath());
        connect(r);
        QTRY_VERIFY(r.session->policy().version() > 0);
        // The demo policy sends anything below 0.7 to review.
        QCOMPARE(r.session->confidenceThreshold(*r.cache.findAction(id)).value_or(-1), 0.7);
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestReviewSession)
#include "tst_reviewsession.moc"
