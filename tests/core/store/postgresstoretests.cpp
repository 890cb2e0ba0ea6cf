#include "postgresstoretests.h"

#include "postgrestestserver.h"
#include "store/postgres/postgresmigrations.h"
#include "store/postgres/postgresnotifier.h"
#include "store/postgres/postgresoptions.h"
#include "store/postgres/postgresstore.h"
#include "store/sqlite/sqlitemigrations.h"
#include "store/storefactory.h"
#include "storetestdata.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

namespace Countersign::Test {

namespace {

std::unique_ptr<PostgresStore> openStore(const QString &url, const Clock &clock)
{
    auto options = PostgresOptions::fromUrl(url);
    if (!options)
        return {};
    auto store = std::make_unique<PostgresStore>(*options, clock);
    if (!store->open())
        return {};
    return store;
}

// Runs `work(index)` on `count` threads at once and waits for all of them.
void onThreads(int count, const std::function<void(int)> &work)
{
    std::atomic<int> ready{0};
    QList<QThread *> threads;
    for (int i = 0; i < count; ++i) {
        threads.append(QThread::create([&, i] {
            ++ready;
            while (ready.load() < count)
                QThread::yieldCurrentThread();
            work(i);
        }));
        threads.last()->start();
    }
    for (QThread *t : std::as_const(threads)) {
        t->wait();
        delete t;
    }
}

} // namespace

void PostgresStoreTests::initTestCase()
{
    if (const auto why = PostgresTestServer::unavailableReason())
        QSKIP(qPrintable(*why));
}

void PostgresStoreTests::init()
{
    m_clock.set(T0);
    auto url = PostgresTestServer::createDatabase();
    CS_VERIFY_OK(url);
    m_url = *url;
}

void PostgresStoreTests::factoryParsesUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<int>("statementTimeout");

    QTest::newRow("plain") << "postgresql://cs@db.example:6543/queue" << true << "db.example" << 6543 << "queue"
                           << 30000;
    QTest::newRow("short scheme") << "postgres://cs@localhost/queue" << true << "localhost" << 5432 << "queue" << 30000;
    QTest::newRow("socket dir") << "postgresql://cs@/queue?host=/run/postgresql" << true << "/run/postgresql" << 5432
                                << "queue" << 30000;
    QTest::newRow("timeouts") << "postgresql://cs:secret@h/q?statement_timeout_ms=500&lock_timeout_ms=100" << true
                              << "h" << 5432 << "q" << 500;
    QTest::newRow("no database") << "postgresql://cs@localhost" << false << "" << 0 << "" << 0;
    QTest::newRow("unknown option") << "postgresql://cs@h/q?pool=3" << false << "" << 0 << "" << 0;
    QTest::newRow("bad timeout") << "postgresql://cs@h/q?statement_timeout_ms=soon" << false << "" << 0 << "" << 0;
}

void PostgresStoreTests::factoryParsesUrls()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    auto options = PostgresOptions::fromUrl(url);
    auto store = createStore(url, m_clock);
    QCOMPARE(bool(options), valid);
    QCOMPARE(bool(store), valid);
    if (!valid) {
        CS_VERIFY_ERROR(store, ErrorCode::InvalidArgument);
        QCOMPARE(store.error().field, QStringLiteral("location"));
        return;
    }
    QTEST(options->host, "host");
    QTEST(options->port, "port");
    QTEST(options->database, "database");
    QTEST(options->statementTimeoutMs, "statementTimeout");
    QCOMPARE((*store)->backendName(), QStringLiteral("postgresql"));
    QVERIFY2(!options->displayName().contains(QLatin1String("secret")), "the password leaks into messages");
    auto notifier = createStoreNotifier(url);
    CS_VERIFY_OK(notifier);
    QVERIFY(*notifier != nullptr);
    auto none = createStoreNotifier(QStringLiteral("/tmp/x.sqlite"));
    CS_VERIFY_OK(none);
    QVERIFY(*none == nullptr);
}

void PostgresStoreTests::migrationsMirrorSqlite()
{
    auto pg = PostgresMigrations::all();
    auto lite = SqliteMigrations::all();
    CS_VERIFY_OK(pg);
    CS_VERIFY_OK(lite);
    QCOMPARE(pg->size(), lite->size());
    for (qsizetype i = 0; i < pg->size(); ++i) {
        QCOMPARE(pg->at(i).version, lite->at(i).version);
        QCOMPARE(pg->at(i).name, lite->at(i).name);
    }
    auto store = openStore(m_url, m_clock);
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), PostgresMigrations::latestVersion());
    auto recorded = PostgresTestServer::exec(m_url,
        QStringLiteral("SELECT string_agg(name, ',' ORDER BY version) "
                       "FROM schema_migrations"));
    CS_VERIFY_OK(recorded);
    QStringList names;
    for (const auto &m : *lite)
        names.append(m.name);
    QCOMPARE(recorded->toString(), names.join(u','));
}

void PostgresStoreTests::upgradesFromEveryOlderVersion()
{
    const int latest = PostgresMigrations::latestVersion();
    for (int from = 1; from < latest; ++from) {
        auto url = PostgresTestServer::createDatabase();
        CS_VERIFY_OK(url);
        {
            auto old = PostgresStore(*PostgresOptions::fromUrl(*url), m_clock);
            CS_VERIFY_OK(old.openAtVersion(from));
            QCOMPARE(old.schemaVersion(), from);
            // Version 1 has no audit head: the data written then must survive the upgrade.
            CS_VERIFY_OK(PostgresTestServer::exec(*url,
                QStringLiteral(
                    "INSERT INTO tokens (hash, name, role, created_at) VALUES ('\\x0102', 'old', 'agent', 1)")));
        }
        auto store = openStore(*url, m_clock);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), latest);
        auto tokens = store->tokens();
        CS_VERIFY_OK(tokens);
        QCOMPARE(tokens->size(), 1);
        QCOMPARE(tokens->constFirst().name, QStringLiteral("old"));
        CS_VERIFY_OK(store->commit({insertion(pendingAction(QStringLiteral("after-upgrade"), T0))}).constFirst());
        auto verified = store->verifyAudit();
        CS_VERIFY_OK(verified);
        QVERIFY2(verified->ok, qPrintable(verified->problem));
    }
}

void PostgresStoreTests::newerSchemaIsRefused()
{
    QVERIFY(openStore(m_url, m_clock));
    const int newer = PostgresMigrations::latestVersion() + 1;
    CS_VERIFY_OK(PostgresTestServer::exec(
        m_url, QStringLiteral("INSERT INTO schema_migrations VALUES (%1, 'from_the_future', 'x')").arg(newer)));
    PostgresStore store(*PostgresOptions::fromUrl(m_url), m_clock);
    auto opened = store.open();
    CS_VERIFY_ERROR(opened, ErrorCode::Unavailable);
    CS_VERIFY_ERROR_MESSAGE(opened, QString::number(newer));
}

void PostgresStoreTests::foreignDatabaseIsLeftAlone()
{
    CS_VERIFY_OK(PostgresTestServer::exec(m_url, QStringLiteral("CREATE TABLE invoices (id integer)")));
    PostgresStore store(*PostgresOptions::fromUrl(m_url), m_clock);
    auto opened = store.open();
    CS_VERIFY_ERROR(opened, ErrorCode::Unavailable);
    CS_VERIFY_ERROR_MESSAGE(opened, QLatin1String("another application"));
    auto tables
        = PostgresTestServer::exec(m_url, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    CS_VERIFY_OK(tables);
    QCOMPARE(tables->toInt(), 1);
}

void PostgresStoreTests::unreachableServerIsUnavailable()
{
    auto store = createStore(
        QStringLiteral("postgresql://nobody@/nowhere?host=/nonexistent-socket-dir&connect_timeout=2"), m_clock);
    CS_VERIFY_OK(store);
    auto opened = (*store)->open();
    CS_VERIFY_ERROR(opened, ErrorCode::Unavailable);
    QVERIFY2(
        opened.error().message.contains(QLatin1String("nonexistent-socket-dir")), qPrintable(opened.error().message));
    CS_VERIFY_ERROR((*store)->action(QStringLiteral("x")), ErrorCode::Unavailable);
}

void PostgresStoreTests::racingWritersWinOnceEach()
{
    // 40 pending actions; 8 "instances" each try to claim every one of them from version 1.
    constexpr int Actions = 40;
    constexpr int Writers = 8;
    QList<Action> actions;
    {
        auto store = openStore(m_url, m_clock);
        QVERIFY(store);
        QList<ActionChange> inserts;
        for (int i = 0; i < Actions; ++i) {
            actions.append(pendingAction(QStringLiteral("race-%1").arg(i), T0));
            inserts.append(insertion(actions.last()));
        }
        for (const auto &r : store->commit(inserts))
            CS_VERIFY_OK(r);
    }
    std::atomic<int> wins{0};
    std::atomic<int> conflicts{0};
    std::atomic<int> errors{0};
    QList<QStringList> winners(Writers);
    onThreads(Writers, [&](int w) {
        auto store = openStore(m_url, m_clock);
        if (!store) {
            ++errors;
            return;
        }
        const QString reviewer = QStringLiteral("reviewer-%1").arg(w);
        // Small batches, so commits of different writers interleave.
        for (int i = 0; i < Actions; i += 4) {
            QList<ActionChange> batch;
            for (int j = i; j < i + 4; ++j) {
                const Action &a = actions.at((j + w * 5) % Actions);
                batch.append(transition(a, claimed(a, reviewer, T0), QStringLiteral("action.claimed"), reviewer));
            }
            for (const auto &r : store->commit(batch)) {
                if (r) {
                    ++wins;
                    winners[w].append(r->action.id);
                } else if (r.error().code == ErrorCode::Conflict) {
                    ++conflicts;
                } else {
                    ++errors;
                }
            }
        }
    });
    QCOMPARE(errors.load(), 0);
    QCOMPARE(wins.load(), Actions);
    QCOMPARE(conflicts.load(), Actions * (Writers - 1));
    QSet<QString> claimedOnce;
    for (const QStringList &ids : std::as_const(winners)) {
        for (const QString &id : ids) {
            QVERIFY2(!claimedOnce.contains(id), qPrintable(id + QStringLiteral(" was claimed twice")));
            claimedOnce.insert(id);
        }
    }
    auto store = openStore(m_url, m_clock);
    QVERIFY(store);
    for (int w = 0; w < Writers; ++w) {
        for (const QString &id : std::as_const(winners[w])) {
            auto a = store->action(id);
            CS_VERIFY_OK(a);
            QCOMPARE(a->claimedBy, QStringLiteral("reviewer-%1").arg(w));
            QCOMPARE(a->version, 2);
        }
    }
    auto events = store->eventsSince(0, 1000);
    CS_VERIFY_OK(events);
    QCOMPARE(events->size(), 2 * Actions);
}

void PostgresStoreTests::racingSubmissionsKeepKeysUnique()
{
    constexpr int Writers = 6;
    constexpr int Keys = 25;
    std::atomic<int> created{0};
    std::atomic<int> conflicts{0};
    std::atomic<int> errors{0};
    onThreads(Writers, [&](int w) {
        auto store = openStore(m_url, m_clock);
        if (!store) {
            ++errors;
            return;
        }
        for (int k = 0; k < Keys; ++k) {
            // Every writer submits each key under its own action id: one submission per key wins.
            Action a = pendingAction(QStringLiteral("w%1-k%2").arg(w).arg(k), T0);
            a.agent = QStringLiteral("bot");
            a.idempotencyKey = QStringLiteral("key-%1").arg(k);
            const auto r = store->commit({insertion(a)}).constFirst();
            if (r)
                ++created;
            else if (r.error().code == ErrorCode::Conflict)
                ++conflicts;
            else
                ++errors;
        }
    });
    QCOMPARE(errors.load(), 0);
    QCOMPARE(created.load(), Keys);
    QCOMPARE(conflicts.load(), Keys * (Writers - 1));
    auto count = PostgresTestServer::exec(m_url, QStringLiteral("SELECT count(DISTINCT idempotency_key) FROM actions"));
    CS_VERIFY_OK(count);
    QCOMPARE(count->toInt(), Keys);
}

void PostgresStoreTests::concurrentCommitsKeepOneChain()
{
    constexpr int Writers = 6;
    constexpr int PerWriter = 30;
    std::atomic<int> errors{0};
    onThreads(Writers, [&](int w) {
        auto store = openStore(m_url, m_clock);
        if (!store) {
            ++errors;
            return;
        }
        for (int i = 0; i < PerWriter; ++i) {
            if (i % 3 == 2) {
                AuditEntry e;
                e.actor = QStringLiteral("root");
                e.role = QStringLiteral("admin");
                e.kind = QStringLiteral("token.created");
                e.subject = QStringLiteral("w%1-%2").arg(w).arg(i);
                if (!store->appendAudit(e))
                    ++errors;
                continue;
            }
            const Action a = pendingAction(QStringLiteral("w%1-%2").arg(w).arg(i), T0.addSecs(i));
            if (!store->commit({insertion(a)}).constFirst())
                ++errors;
        }
    });
    QCOMPARE(errors.load(), 0);
    auto store = openStore(m_url, m_clock);
    QVERIFY(store);
    auto verified = store->verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY2(verified->ok, qPrintable(verified->problem));
    QCOMPARE(verified->entries, Writers * PerWriter);
    // Events in commit order, no gaps: what a since= subscriber relies on.
    auto events = store->eventsSince(0, 1000);
    CS_VERIFY_OK(events);
    QCOMPARE(events->size(), Writers * PerWriter * 2 / 3);
    for (qsizetype i = 0; i < events->size(); ++i)
        QCOMPARE(events->at(i).seq, i + 1);
}

void PostgresStoreTests::notifierReportsCommits()
{
    auto store = openStore(m_url, m_clock);
    QVERIFY(store);
    PostgresNotifier notifier(*PostgresOptions::fromUrl(m_url));
    CS_VERIFY_OK(notifier.start());
    QVERIFY(notifier.isListening());
    QSignalSpy spy(&notifier, &StoreNotifier::eventsCommitted);
    const auto results = store->commit(
        {insertion(pendingAction(QStringLiteral("n1"), T0)), insertion(pendingAction(QStringLiteral("n2"), T0))});
    CS_VERIFY_OK(results.constLast());
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.constFirst().constFirst().toLongLong(), results.constLast()->eventSeq);
    // A batch that commits nothing notifies nobody.
    const Action a = pendingAction(QStringLiteral("n1"), T0);
    CS_VERIFY_ERROR(store->commit({insertion(a)}).constFirst(), ErrorCode::Conflict);
    QTest::qWait(200); // a notification, were one sent, would have arrived by now
    QCOMPARE(spy.size(), 1);
}

void PostgresStoreTests::reconnectsAfterTheConnectionIsLost()
{
    auto store = openStore(m_url, m_clock);
    QVERIFY(store);
    CS_VERIFY_OK(store->commit({insertion(pendingAction(QStringLiteral("before"), T0))}).constFirst());
    const QString database = PostgresOptions::fromUrl(m_url)->database;
    // What a server restart or a failover does to every open connection.
    auto killed = PostgresTestServer::exec(PostgresTestServer::adminUrl(),
        QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ?"), {database});
    CS_VERIFY_OK(killed);
    QVERIFY(killed->toInt() >= 1);
    // The first use may notice the loss (Unavailable, never a crash or a wrong answer); the store
    // then reconnects by itself.
    Result<Action> read = store->action(QStringLiteral("before"));
    if (!read) {
        CS_VERIFY_ERROR(read, ErrorCode::Unavailable);
        read = store->action(QStringLiteral("before"));
    }
    CS_VERIFY_OK(read);
    CS_VERIFY_OK(store->commit({insertion(pendingAction(QStringLiteral("after"), T0))}).constFirst());
    auto verified = store->verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY(verified->ok);
    QCOMPARE(verified->entries, 2);
}

void PostgresStoreTests::auditTableIsAppendOnly()
{
    auto store = openStore(m_url, m_clock);
    QVERIFY(store);
    CS_VERIFY_OK(store->commit({insertion(pendingAction(QStringLiteral("a"), T0))}).constFirst());
    QVERIFY(!PostgresTestServer::exec(m_url, QStringLiteral("UPDATE audit SET actor = 'mallory'")));
    QVERIFY(!PostgresTestServer::exec(m_url, QStringLiteral("DELETE FROM audit")));
    QVERIFY(!PostgresTestServer::exec(m_url, QStringLiteral("TRUNCATE audit")));
    auto verified = store->verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY(verified->ok);
    QCOMPARE(verified->entries, 1);
}

void PostgresStoreTests::tamperingIsReported()
{
    auto store = openStore(m_url, m_clock);
    QVERIFY(store);
    for (int i = 0; i < 5; ++i)
        CS_VERIFY_OK(store->commit({insertion(pendingAction(QStringLiteral("t%1").arg(i), T0))}).constFirst());
    // Someone with the owner's rights switches the triggers off and edits entry 3.
    CS_VERIFY_OK(PostgresTestServer::exec(m_url, QStringLiteral("ALTER TABLE audit DISABLE TRIGGER USER")));
    CS_VERIFY_OK(PostgresTestServer::exec(m_url, QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE seq = 3")));
    auto verified = store->verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY(!verified->ok);
    QCOMPARE(verified->firstBadSeq, 3);
    QCOMPARE(verified->entries, 2);

    // Deleting the newest entry leaves a valid chain, which the recorded head catches.
    auto url = PostgresTestServer::createDatabase();
    CS_VERIFY_OK(url);
    auto other = openStore(*url, m_clock);
    QVERIFY(other);
    for (int i = 0; i < 4; ++i)
        CS_VERIFY_OK(other->commit({insertion(pendingAction(QStringLiteral("d%1").arg(i), T0))}).constFirst());
    CS_VERIFY_OK(PostgresTestServer::exec(*url, QStringLiteral("ALTER TABLE audit DISABLE TRIGGER USER")));
    CS_VERIFY_OK(PostgresTestServer::exec(*url, QStringLiteral("DELETE FROM audit WHERE seq = 4")));
    verified = other->verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY(!verified->ok);
    QCOMPARE(verified->firstBadSeq, 4);
}

} // namespace Countersign::Test
