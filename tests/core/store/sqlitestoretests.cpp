#include "sqlitestoretests.h"

#include "rawsqlite.h"
#include "store/sqlite/sqlitemigrations.h"
#include "store/sqlite/sqlitestore.h"
#include "store/storefactory.h"
#include "storetestdata.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QTest>

namespace Countersign::Test {

namespace {

void verifyAllFail(const QList<Result<CommitResult>> &results, qsizetype count, const char *messagePart)
{
    QCOMPARE(results.size(), count);
    for (const auto &r : results) {
        CS_VERIFY_ERROR(r, ErrorCode::Unavailable);
        CS_VERIFY_ERROR_MESSAGE(r, QLatin1String(messagePart));
    }
}

// Whether a read-only file can still be opened for writing: as root on Unix, or in a Windows
// build run by Wine as root (Wine maps the read-only attribute to the Unix permissions).
bool permissionsIgnored(const QString &file)
{
    QFile probe(file);
    return probe.open(QIODevice::ReadWrite); // opening changes neither content nor times
}

} // namespace

void SqliteStoreTests::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock.set(T0);
}

void SqliteStoreTests::cleanup()
{
    m_dir.reset();
}

QString SqliteStoreTests::path(const QString &name) const
{
    return m_dir->filePath(name);
}

bool SqliteStoreTests::populate(const QString &file)
{
    SqliteStore store(file, m_clock);
    if (!store.open())
        return false;
    QList<ActionChange> changes;
    for (const Action &a : generatedActions(5, QStringLiteral("p"), 1))
        changes.append(insertion(a));
    for (const auto &r : store.commit(changes)) {
        if (!r)
            return false;
    }
    return store.saveToken(TokenRecord{QStringLiteral("bot-a"), QStringLiteral("agent"), "ab", T0, false})
        && store.savePolicyVersion("{}", QStringLiteral("admin"));
}

void SqliteStoreTests::factoryParsesLocations()
{
    const QString file = path(QStringLiteral("f.sqlite"));
    auto plain = createStore(file, m_clock);
    CS_VERIFY_OK(plain);
    QCOMPARE((*plain)->backendName(), QStringLiteral("sqlite"));
    QCOMPARE(static_cast<SqliteStore &>(**plain).path(), file);
    CS_VERIFY_OK((*plain)->open());
    (*plain)->close();

    auto prefixed = createStore(
        QStringLiteral("sqlite:") + file + QStringLiteral("?mode=ro&busy_timeout_ms=250&max_size=1000000"), m_clock);
    CS_VERIFY_OK(prefixed);
    const auto &sqlite = static_cast<SqliteStore &>(**prefixed);
    QCOMPARE(sqlite.path(), file);
    QVERIFY(sqlite.options().readOnly);
    QCOMPARE(sqlite.options().busyTimeoutMs, 250);
    QCOMPARE(sqlite.options().maxSizeBytes, 1000000);

    // A PostgreSQL URL makes a PostgreSQL store (tested in tst_store_postgres), not a file.
    auto postgres = createStore(QStringLiteral("postgresql://countersign@db:5432/queue"), m_clock);
    CS_VERIFY_OK(postgres);
    QCOMPARE((*postgres)->backendName(), QStringLiteral("postgresql"));
    for (const char *bad : {"mysql://x/y", "sqlite:", "sqlite:x.db?mode=maybe", "sqlite:x.db?color=blue",
             "sqlite:x.db?busy_timeout_ms=-1", ""}) {
        auto r = createStore(QLatin1String(bad), m_clock);
        CS_VERIFY_ERROR(r, ErrorCode::InvalidArgument);
        QCOMPARE(r.error().field, QStringLiteral("location"));
    }
}

void SqliteStoreTests::connectionSettings()
{
    SqliteStore store(path(QStringLiteral("s.sqlite")), m_clock, SqliteOptions{false, 1234, 0});
    CS_VERIFY_OK(store.open());
    auto d = store.diagnostics();
    CS_VERIFY_OK(d);
    QCOMPARE(d->value(QLatin1String("journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(d->value(QLatin1String("synchronous")).toInt(), 2); // FULL
    QCOMPARE(d->value(QLatin1String("foreign_keys")).toInt(), 1);
    QCOMPARE(d->value(QLatin1String("busy_timeout")).toInt(), 1234);
    QCOMPARE(d->value(QLatin1String("schema_version")).toInt(), SqliteMigrations::latestVersion());
    QCOMPARE(store.schemaVersion(), SqliteMigrations::latestVersion());
    // WAL is a property of the file: another connection sees it too.
    RawSqlite raw(store.path());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void SqliteStoreTests::connectionsAreNamedPerInstance()
{
    const QStringList before = QSqlDatabase::connectionNames();
    {
        SqliteStore a(path(QStringLiteral("one.sqlite")), m_clock);
        SqliteStore b(path(QStringLiteral("one.sqlite")), m_clock);
        SqliteStore c(path(QStringLiteral("two.sqlite")), m_clock);
        CS_VERIFY_OK(a.open());
        CS_VERIFY_OK(b.open());
        CS_VERIFY_OK(c.open());
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 3);
        CS_VERIFY_OK(a.commit({insertion(pendingAction(QStringLiteral("x"), T0))}).constFirst());
        CS_VERIFY_OK(b.action(QStringLiteral("x")));
        CS_VERIFY_ERROR(c.action(QStringLiteral("x")), ErrorCode::NotFound);
        b.close();
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);
    }
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

void SqliteStoreTests::lockedDatabaseIsUnavailable()
{
    const QString file = path(QStringLiteral("locked.sqlite"));
    SqliteStore store(file, m_clock, SqliteOptions{false, 200, 0});
    CS_VERIFY_OK(store.open());
    const Action a = pendingAction(QStringLiteral("a"), T0);
    CS_VERIFY_OK(store.commit({insertion(a)}).constFirst());

    RawSqlite locker(file, QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
    QVERIFY2(locker.exec(QStringLiteral("BEGIN EXCLUSIVE")), qPrintable(locker.lastError()));
    QVERIFY(locker.exec(
        QStringLiteral("INSERT INTO tokens (hash, name, role, created_at) VALUES (x'01', 'l', 'admin', 0)")));

    QElapsedTimer timer;
    timer.start();
    const auto results = store.commit({insertion(pendingAction(QStringLiteral("b"), T0)),
        transition(a, claimed(a, QStringLiteral("bob"), T0), QStringLiteral("action.claimed"), QStringLiteral("bob"))});
    const qint64 waited = timer.elapsed();
    verifyAllFail(results, 2, "locked");
    QVERIFY2(waited >= 150 && waited < 5000, qPrintable(QString::number(waited))); // it waited for the timeout
    CS_VERIFY_ERROR(store.appendAudit(AuditEntry{0, T0, QStringLiteral("x"), QStringLiteral("admin"),
                        QStringLiteral("token.created"), QStringLiteral("x"), {}, {}, {}, {}}),
        ErrorCode::Unavailable);
    CS_VERIFY_ERROR(store.saveToken(TokenRecord{QStringLiteral("t"), QStringLiteral("agent"), "cd", T0, false}),
        ErrorCode::Unavailable);
    CS_VERIFY_ERROR(store.savePolicyVersion("{}", QStringLiteral("admin")), ErrorCode::Unavailable);
    // WAL: readers are not blocked by the writer.
    auto read = store.action(a.id);
    CS_VERIFY_OK(read);
    QCOMPARE(read->version, 1);
    CS_VERIFY_OK(store.verifyAudit());

    QVERIFY(locker.exec(QStringLiteral("ROLLBACK")));
    const auto retried = store.commit({insertion(pendingAction(QStringLiteral("b"), T0))});
    CS_VERIFY_OK(retried.constFirst());
    QCOMPARE(retried.constFirst()->eventSeq, 2);
    auto verified = store.verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY(verified->ok);
    QCOMPARE(verified->entries, 2);
    QCOMPARE(locker.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void SqliteStoreTests::openingALockedDatabaseIsUnavailable()
{
    // A database at version 1 needs migrating, which needs the write lock another connection holds.
    const QString file = path(QStringLiteral("old-locked.sqlite"));
    RawSqlite locker(file);
    QCOMPARE(*SqliteMigrations::migrate(locker.db(), file, 1), 1);
    QVERIFY(locker.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    QVERIFY(locker.exec(
        QStringLiteral("INSERT INTO tokens (hash, name, role, created_at) VALUES (x'01', 'l', 'admin', 0)")));

    SqliteStore store(file, m_clock, SqliteOptions{false, 100, 0});
    auto opened = store.open();
    CS_VERIFY_ERROR(opened, ErrorCode::Unavailable);
    CS_VERIFY_ERROR_MESSAGE(opened, QLatin1String("locked"));
    CS_VERIFY_ERROR(store.action(QStringLiteral("a")), ErrorCode::Unavailable);

    QVERIFY(locker.exec(QStringLiteral("ROLLBACK")));
    CS_VERIFY_OK(store.open());
    QCOMPARE(store.schemaVersion(), SqliteMigrations::latestVersion());
}

void SqliteStoreTests::readOnlyDatabaseIsUnavailableForWrites()
{
    const QString file = path(QStringLiteral("ro/ro.sqlite"));
    QVERIFY(populate(file));
    const QByteArray digest = fileDigest(file);
    const QString dir = QFileInfo(file).absolutePath();
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    });

    const bool ignored = permissionsIgnored(file);
    if (!ignored) {
        // Where permissions hold, they alone make the file read-only.
        SqliteStore plain(file, m_clock);
        if (auto opened = plain.open(); !opened) {
            CS_VERIFY_ERROR(opened, ErrorCode::Unavailable);
        } else {
            verifyAllFail(plain.commit({insertion(pendingAction(QStringLiteral("w"), T0))}), 1, "read-only");
        }
    }
    // Where they are ignored, SQLite's read-only mode stands in for them.
    auto created = createStore(QStringLiteral("sqlite:") + file + QStringLiteral("?mode=ro"), m_clock);
    CS_VERIFY_OK(created);
    Store &store = **created;
    auto opened = store.open();
    if (!opened) {
        QVERIFY2(!ignored, qPrintable(opened.error().message));
        CS_VERIFY_ERROR(opened, ErrorCode::Unavailable);
    } else {
        auto listed = store.actions(ActionQuery{});
        CS_VERIFY_OK(listed);
        QCOMPARE(listed->items.size(), 5);
        auto verified = store.verifyAudit();
        CS_VERIFY_OK(verified);
        QVERIFY(verified->ok);
        CS_VERIFY_OK(store.queueStats(T0));

        const Action first = listed->items.constFirst();
        verifyAllFail(store.commit({insertion(pendingAction(QStringLiteral("w"), T0)),
                          transition(first, claimed(first, QStringLiteral("bob"), T0), QStringLiteral("action.claimed"),
                              QStringLiteral("bob"))}),
            2, "read-only");
        CS_VERIFY_ERROR(store.saveToken(TokenRecord{QStringLiteral("t"), QStringLiteral("agent"), "cd", T0, false}),
            ErrorCode::Unavailable);
        CS_VERIFY_ERROR(store.savePolicyVersion("{}", QStringLiteral("admin")), ErrorCode::Unavailable);
        CS_VERIFY_ERROR(store.appendAudit(AuditEntry{0, T0, QStringLiteral("x"), QStringLiteral("admin"),
                            QStringLiteral("k"), QStringLiteral("s"), {}, {}, {}, {}}),
            ErrorCode::Unavailable);
        store.close();
    }
    QCOMPARE(fileDigest(file), digest);
}

void SqliteStoreTests::readOnlyStoreRefusesToMigrate()
{
    const QString file = path(QStringLiteral("old.sqlite"));
    {
        RawSqlite raw(file);
        QCOMPARE(*SqliteMigrations::migrate(raw.db(), file, 1), 1);
    }
    const QByteArray digest = fileDigest(file);
    SqliteStore store(file, m_clock, SqliteOptions{true, 100, 0});
    auto opened = store.open();
    CS_VERIFY_ERROR(opened, ErrorCode::Unavailable);
    CS_VERIFY_ERROR_MESSAGE(opened, QLatin1String("upgrading"));
    QCOMPARE(fileDigest(file), digest);

    SqliteStore missing(path(QStringLiteral("missing.sqlite")), m_clock, SqliteOptions{true, 100, 0});
    CS_VERIFY_ERROR(missing.open(), ErrorCode::Unavailable);
    QVERIFY(!QFile::exists(path(QStringLiteral("missing.sqlite"))));
}

void SqliteStoreTests::fullDatabaseRollsBackTheWholeBatch()
{
    const QString file = path(QStringLiteral("full.sqlite"));
    QVERIFY(populate(file));
    // The size limit stands in for a full disk: SQLite reports SQLITE_FULL for both.
    const qint64 size = QFileInfo(file).size();
    SqliteStore store(file, m_clock, SqliteOptions{false, 1000, size + 64 * 1024});
    CS_VERIFY_OK(store.open());
    const qint64 lastSeq = *store.lastEventSeq();
    const auto auditBefore = *store.auditEntries(0, 1000);
    const auto pageBefore = *store.actions(ActionQuery{});

    QList<ActionChange> batch;
    for (const Action &a : generatedActions(60, QStringLiteral("big"), 2)) {
        Action big = a;
        big.payload.content = QString(8 * 1024, u'x');
        batch.append(insertion(big));
    }
    // An update of an existing action rides in the same batch and must be undone too.
    const Action first = pageBefore.items.constFirst();
    batch.prepend(transition(
        first, claimed(first, QStringLiteral("bob"), T0), QStringLiteral("action.claimed"), QStringLiteral("bob")));
    verifyAllFail(store.commit(batch), batch.size(), "full");

    QCOMPARE(*store.lastEventSeq(), lastSeq);
    const auto auditAfter = *store.auditEntries(0, 1000);
    QCOMPARE(auditAfter.size(), auditBefore.size());
    const auto pageAfter = *store.actions(ActionQuery{});
    QCOMPARE(pageAfter.items, pageBefore.items);
    auto verified = store.verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY2(verified->ok, qPrintable(verified->problem));

    // Small writes still fit.
    const auto small = store.commit({transition(
        first, claimed(first, QStringLiteral("bob"), T0), QStringLiteral("action.claimed"), QStringLiteral("bob"))});
    CS_VERIFY_OK(small.constFirst());
    QCOMPARE(small.constFirst()->eventSeq, lastSeq + 1);
    store.close();
    RawSqlite raw(file);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void SqliteStoreTests::failureMidBatchUndoesEarlierChanges()
{
    // SQLite rolls a transaction back by itself on a full disk; here nothing does but the store.
    // An audit entry planted behind the store's back makes the second change's entry collide.
    const QString file = path(QStringLiteral("planted.sqlite"));
    QVERIFY(populate(file));
    SqliteStore store(file, m_clock);
    CS_VERIFY_OK(store.open());
    const qint64 lastSeq = *store.lastEventSeq();
    const qint64 lastAudit = store.auditEntries(0, 1000)->constLast().seq;
    {
        RawSqlite raw(file);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO audit (seq, time, actor, role, kind, subject, prev_hash, hash) "
                                        "VALUES (?, '', '', '', 'planted', '', '', '')"),
            {lastAudit + 2}));
    }
    const Action a = pendingAction(QStringLiteral("first"), T0);
    const Action b = pendingAction(QStringLiteral("second"), T0);
    const auto results = store.commit({insertion(a), insertion(b)});
    QCOMPARE(results.size(), 2);
    for (const auto &r : results)
        CS_VERIFY_ERROR(r, ErrorCode::Internal);
    CS_VERIFY_ERROR(store.action(a.id), ErrorCode::NotFound);
    QCOMPARE(*store.lastEventSeq(), lastSeq);
    QCOMPARE(store.auditEntries(lastAudit, 10)->size(), 1); // only the planted one
}

void SqliteStoreTests::newerSchemaIsRefused()
{
    const QString file = path(QStringLiteral("newer.sqlite"));
    QVERIFY(populate(file));
    const int future = SqliteMigrations::latestVersion() + 7;
    {
        RawSqlite raw(file);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
            {future, QStringLiteral("from_the_future"), QStringLiteral("2030-01-01T00:00:00.000Z")}));
    }
    const QByteArray digest = fileDigest(file);
    for (bool readOnly : {false, true}) {
        SqliteStore store(file, m_clock, SqliteOptions{readOnly, 100, 0});
        auto opened = store.open();
        CS_VERIFY_ERROR(opened, ErrorCode::Unavailable);
        CS_VERIFY_ERROR_MESSAGE(opened, QString::number(future));
        CS_VERIFY_ERROR_MESSAGE(opened, QLatin1String("newer"));
        CS_VERIFY_ERROR(store.actions(ActionQuery{}), ErrorCode::Unavailable);
    }
    QCOMPARE(fileDigest(file), digest);
}

void SqliteStoreTests::foreignDatabaseIsLeftAlone()
{
    const QString file = path(QStringLiteral("notes.sqlite"));
    {
        RawSqlite raw(file);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes (body TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO notes VALUES ('keep me')")));
    }
    const QByteArray digest = fileDigest(file);
    SqliteStore store(file, m_clock);
    auto opened = store.open();
    CS_VERIFY_ERROR(opened, ErrorCode::Unavailable);
    CS_VERIFY_ERROR_MESSAGE(opened, QLatin1String("another application"));
    store.close();
    QCOMPARE(fileDigest(file), digest);
    RawSqlite raw(file);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("delete"));
}

void SqliteStoreTests::notADatabaseIsRefused()
{
    const QString file = path(QStringLiteral("garbage.sqlite"));
    QByteArray junk;
    QRandomGenerator rng(77);
    for (int i = 0; i < 8192; ++i)
        junk.append(char(rng.bounded(256)));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(junk);
    }
    SqliteStore store(file, m_clock);
    auto opened = store.open();
    CS_VERIFY_ERROR(opened, ErrorCode::Unavailable);
    CS_VERIFY_ERROR_MESSAGE(opened, QLatin1String("not a database"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), junk);
}

void SqliteStoreTests::uncreatableDirectoryIsUnavailable()
{
    const QString blocker = path(QStringLiteral("a-file"));
    {
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    SqliteStore store(blocker + QStringLiteral("/sub/db.sqlite"), m_clock);
    auto opened = store.open();
    CS_VERIFY_ERROR(opened, ErrorCode::Unavailable);
    CS_VERIFY_ERROR_MESSAGE(opened, QLatin1String("directory"));
}

} // namespace Countersign::Test
