#include "sqlitemigrationtests.h"

#include "audit/auditentry.h"
#include "rawsqlite.h"
#include "store/actionauditsummary.h"
#include "store/sqlite/sqlitemigrations.h"
#include "store/sqlite/sqlitestore.h"
#include "storetestdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace Countersign::Test {

namespace {

QString compact(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

QVariant ms(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QStringList schemaOf(const QString &file)
{
    RawSqlite raw(file);
    // SQLite's own tables (sqlite_stat1 from PRAGMA optimize, sqlite_sequence) depend on usage.
    return raw.rows(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                   "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
}

} // namespace

void SqliteMigrationTests::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock.set(T0.addDays(30));
}

void SqliteMigrationTests::cleanup()
{
    m_dir.reset();
}

QString SqliteMigrationTests::path(const QString &name) const
{
    return m_dir->filePath(name);
}

bool SqliteMigrationTests::seed(RawSqlite &raw, int version)
{
    m_seededActions.clear();
    m_seededAudit.clear();
    if (version < 1)
        return true;
    // Version 1 is the oldest layout; later versions only add tables and indexes so far. When a
    // migration changes how rows are stored, branch on `version` here.
    m_seededActions = generatedActions(12, QStringLiteral("old"), 4242);
    m_seededActions.append(fullAction(QStringLiteral("old-full")));
    QByteArray prev;
    qint64 seq = 0;
    for (const Action &a : std::as_const(m_seededActions)) {
        const QString record = QString::fromUtf8(QJsonDocument(a.toJson()).toJson(QJsonDocument::Compact));
        const bool inserted = raw.exec(
            QStringLiteral("INSERT INTO actions (id, agent, type, category, state, tier, created_at, sla_due_at, "
                           "expires_at, confidence, claimed_by, lease_expires_at, assigned_to, escalated, "
                           "idempotency_key, request_hash, version, decided_at, record) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {a.id, a.agent, a.type, a.category, actionStateName(a.state), tierName(a.tier), ms(a.createdAt),
                ms(a.slaDueAt), ms(a.expiresAt), a.confidence, textOrNull(a.claimedBy), ms(a.leaseExpiresAt),
                textOrNull(a.assignedTo), a.escalated ? 1 : 0, textOrNull(a.idempotencyKey), textOrNull(a.requestHash),
                a.version, ms(a.decidedAt), record});
        const bool evented
            = raw.exec(QStringLiteral("INSERT INTO events (type, action_id, time, action) VALUES (?, ?, ?, ?)"),
                {QStringLiteral("action.created"), a.id, a.createdAt.toMSecsSinceEpoch(), record});
        AuditEntry e;
        e.seq = ++seq;
        e.time = a.createdAt;
        e.actor = a.agent;
        e.role = QStringLiteral("agent");
        e.kind = QStringLiteral("action.created");
        e.subject = a.id;
        e.after = actionAuditSummary(a);
        e.prevHash = prev;
        e.hash = e.computeHash();
        prev = e.hash;
        const bool audited = raw.exec(
            QStringLiteral("INSERT INTO audit (seq, time, actor, role, kind, subject, before_json, after_json, "
                           "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {e.seq, e.time.toString(Qt::ISODateWithMs), e.actor, e.role, e.kind, e.subject, compact(e.before),
                compact(e.after), e.prevHash.isEmpty() ? QStringLiteral("") : QString::fromLatin1(e.prevHash),
                QString::fromLatin1(e.hash)});
        if (!inserted || !evented || !audited) {
            qWarning("seeding failed: %s", qPrintable(raw.lastError()));
            return false;
        }
        m_seededAudit.append(e);
    }
    if (version >= 2
        && !raw.exec(QStringLiteral("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)"),
            {seq, QString::fromLatin1(prev)}))
        return false;
    return raw.exec(QStringLiteral("INSERT INTO tokens (hash, name, role, created_at, revoked) VALUES (?, ?, ?, ?, ?)"),
               {QByteArray("\x01\x02hash"), QStringLiteral("old-bot"), QStringLiteral("agent"), T0.toMSecsSinceEpoch(),
                   1})
        && raw.exec(
            QStringLiteral("INSERT INTO policy_versions (version, created_at, actor, document) VALUES (?, ?, ?, ?)"),
            {1, T0.toMSecsSinceEpoch(), QStringLiteral("admin"), QByteArray(R"({"old":true})")});
}

void SqliteMigrationTests::migrationsAreNumberedFromOne()
{
    const auto migrations = SqliteMigrations::all();
    CS_VERIFY_OK(migrations);
    QVERIFY(!migrations->isEmpty());
    QCOMPARE(SqliteMigrations::latestVersion(), int(migrations->size()));
    for (qsizetype i = 0; i < migrations->size(); ++i) {
        const auto &m = migrations->at(i);
        QCOMPARE(m.version, i + 1);
        QVERIFY2(m.name.startsWith(QStringLiteral("%1_").arg(m.version, 4, 10, QLatin1Char('0'))), qPrintable(m.name));
        QVERIFY(!SqliteMigrations::splitStatements(m.sql).isEmpty());
    }
    QCOMPARE(migrations->constFirst().name, QStringLiteral("0001_initial"));
}

void SqliteMigrationTests::splitStatements_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("two") << QStringLiteral("CREATE TABLE a (x);\nCREATE TABLE b (y);")
                         << QStringList{QStringLiteral("CREATE TABLE a (x)"), QStringLiteral("CREATE TABLE b (y)")};
    QTest::newRow("no final semicolon") << QStringLiteral("SELECT 1; SELECT 2")
                                        << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::newRow("line comment") << QStringLiteral("-- a; b\nSELECT 1; -- c;\n")
                                  << QStringList{QStringLiteral("SELECT 1")};
    QTest::newRow("block comment") << QStringLiteral("/* a; b */ SELECT 2;") << QStringList{QStringLiteral("SELECT 2")};
    QTest::newRow("literals") << QStringLiteral("SELECT 'a;b', \"c;d\", 'it''s; ok';")
                              << QStringList{QStringLiteral("SELECT 'a;b', \"c;d\", 'it''s; ok'")};
    const QString trigger = QStringLiteral("CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN\n"
                                           "  UPDATE a SET x = CASE WHEN new.x > 1 THEN 2 ELSE 3 END;\n"
                                           "  SELECT 'end;';\nEND");
    QTest::newRow("trigger") << trigger + QStringLiteral(";\nSELECT 3;")
                             << QStringList{trigger, QStringLiteral("SELECT 3")};
    QTest::newRow("empty") << QStringLiteral(" ;; -- nothing\n") << QStringList{};
}

void SqliteMigrationTests::splitStatements()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    const QStringList split = SqliteMigrations::splitStatements(script);
    QCOMPARE(split, statements);
    // Each piece is one statement SQLite accepts.
    RawSqlite raw(QStringLiteral(":memory:"));
    QVERIFY(raw.exec(QStringLiteral("CREATE TABLE a (x)")));
    for (const QString &s : split) {
        if (!s.startsWith(QLatin1String("CREATE TABLE a")))
            QVERIFY2(raw.exec(s), qPrintable(raw.lastError() + QStringLiteral(": ") + s));
    }
}

void SqliteMigrationTests::upgradesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("from");
    for (int v = 0; v <= SqliteMigrations::latestVersion(); ++v)
        QTest::addRow("from version %d", v) << v;
}

void SqliteMigrationTests::upgradesFromEveryEarlierVersion()
{
    QFETCH(int, from);
    const int latest = SqliteMigrations::latestVersion();
    const QString file = path(QStringLiteral("v%1.sqlite").arg(from));
    {
        RawSqlite raw(file);
        auto built = SqliteMigrations::migrate(raw.db(), file, from);
        CS_VERIFY_OK(built);
        QCOMPARE(*built, from);
        QCOMPARE(*SqliteMigrations::currentVersion(raw.db(), file), from);
        QVERIFY(seed(raw, from));
    }

    SqliteStore store(file, m_clock);
    CS_VERIFY_OK(store.open());
    QCOMPARE(store.schemaVersion(), latest);

    // Every row is intact.
    for (const Action &a : std::as_const(m_seededActions)) {
        auto read = store.action(a.id);
        CS_VERIFY_OK(read);
        compareActions(*read, a);
    }
    auto events = store.eventsSince(0, 1000);
    CS_VERIFY_OK(events);
    QCOMPARE(events->size(), m_seededActions.size());
    auto audit = store.auditEntries(0, 1000);
    CS_VERIFY_OK(audit);
    QCOMPARE(audit->size(), m_seededAudit.size());
    for (qsizetype i = 0; i < audit->size(); ++i)
        QCOMPARE(audit->at(i).toJson(), m_seededAudit.at(i).toJson());
    auto verified = store.verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY2(verified->ok, qPrintable(verified->problem));
    QCOMPARE(verified->entries, m_seededAudit.size());
    QCOMPARE(store.tokens()->size(), from >= 1 ? 1 : 0);
    QCOMPARE(store.policyVersions()->size(), from >= 1 ? 1 : 0);

    // The upgraded database works: new writes continue every sequence.
    const Action fresh = pendingAction(QStringLiteral("new-after-upgrade"), m_clock.now());
    QList<ActionChange> changes{insertion(fresh)};
    if (!m_seededActions.isEmpty()) {
        const Action old = m_seededActions.constFirst();
        changes.append(transition(old, claimed(old, QStringLiteral("bob"), m_clock.now()),
            QStringLiteral("action.claimed"), QStringLiteral("bob")));
    }
    const auto results = store.commit(changes);
    for (const auto &r : results)
        CS_VERIFY_OK(r);
    QCOMPARE(results.constFirst()->auditSeq, m_seededAudit.size() + 1);
    auto policy = store.savePolicyVersion("{}", QStringLiteral("admin"));
    CS_VERIFY_OK(policy);
    QCOMPARE(policy->version, from >= 1 ? 2 : 1);
    verified = store.verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY2(verified->ok, qPrintable(verified->problem));
    store.close();

    // Whatever the path, the schema ends where a fresh database starts.
    const QString freshFile = path(QStringLiteral("fresh.sqlite"));
    {
        SqliteStore freshStore(freshFile, m_clock);
        CS_VERIFY_OK(freshStore.open());
    }
    QCOMPARE(schemaOf(file), schemaOf(freshFile));
    RawSqlite raw(file);
    QStringList applied;
    for (int v = 1; v <= latest; ++v)
        applied.append(QString::number(v));
    QCOMPARE(raw.rows(QStringLiteral("SELECT version FROM schema_migrations ORDER BY version")), applied);
}

// Version 5 added who approved a sampled action; the checks a version 4 database holds were all
// of auto-approvals, and read so after the upgrade, verdicts kept.
void SqliteMigrationTests::spotChecksOfVersion4AreAutoApprovals()
{
    const QString file = path(QStringLiteral("v4-spotchecks.sqlite"));
    {
        RawSqlite raw(file);
        CS_VERIFY_OK(SqliteMigrations::migrate(raw.db(), file, 4));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO spot_checks (action_id, type, category, agent, title, confidence, "
                                        "tier_reason, sampled_at, verdict, note, checked_by, checked_at) VALUES "
                                        "('a1', 'db.query', 'data', 'bot', 'q', 0.9, 'type', 1000, 'problem', 'scan', "
                                        "'alice', 2000), ('a2', 'db.query', 'data', 'bot', 'q', 0.9, 'type', 3000, "
                                        "NULL, NULL, NULL, NULL)")));
    }
    SqliteStore store(file, m_clock);
    CS_VERIFY_OK(store.open());
    QCOMPARE(store.schemaVersion(), SqliteMigrations::latestVersion());
    auto checks = store.spotChecks(std::nullopt, QDateTime(), QDateTime(), 10);
    CS_VERIFY_OK(checks);
    QCOMPARE(checks->size(), 2);
    for (const SpotCheck &s : std::as_const(*checks)) {
        QCOMPARE(s.source, SpotCheckSource::Auto);
        QCOMPARE(s.approvedBy, QStringLiteral("policy"));
    }
    QCOMPARE(checks->constLast().verdict, std::optional(SpotCheckVerdict::Problem));
    auto tallies = store.reviewerSpotChecks(QDateTime::fromMSecsSinceEpoch(0), m_clock.now());
    CS_VERIFY_OK(tallies);
    QVERIFY(tallies->isEmpty()); // no reviewer's approval among them
}

void SqliteMigrationTests::failedUpgradeLeavesThePreviousVersion()
{
    if (SqliteMigrations::latestVersion() < 2)
        QSKIP("needs at least two migrations");
    const QString file = path(QStringLiteral("blocked.sqlite"));
    {
        RawSqlite raw(file);
        QCOMPARE(*SqliteMigrations::migrate(raw.db(), file, 1), 1);
        QVERIFY(seed(raw, 1));
        // An object in the way of migration 2 makes it fail halfway through the upgrade.
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE audit_head (anything)")));
    }
    const QStringList schemaBefore = schemaOf(file);
    SqliteStore store(file, m_clock);
    auto opened = store.open();
    QVERIFY(!opened);
    CS_VERIFY_ERROR_MESSAGE(opened, QLatin1String("0002"));
    QCOMPARE(schemaOf(file), schemaBefore);
    RawSqlite raw(file);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT max(version) FROM schema_migrations")).toInt(), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM actions")).toInt(), m_seededActions.size());
}

} // namespace Countersign::Test
