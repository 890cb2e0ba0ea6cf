#include "sqlitestore.h"

#include "../actionauditsummary.h"
#include "../logging.h"
#include "../sql/sqlactiontable.h"
#include "../sql/sqlauditlog.h"
#include "../sql/sqleventlog.h"
#include "domain/clock.h"
#include "lifecycle/statemachine.h"
#include "sqliteconnection.h"
#include "sqlitemigrations.h"
#include "sqlitereporttables.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace Countersign {

namespace {

// Changes between refreshes of the planner's statistics (a quick, bounded ANALYZE when needed).
constexpr qint64 StatisticsInterval = 20000;

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::UTC);
}

AuditEntry auditEntryFor(const ActionChange &change, const QDateTime &now)
{
    AuditEntry e;
    e.time = now;
    e.actor = change.actor;
    e.role = change.role;
    e.kind = change.event;
    e.subject = change.after.id;
    e.before = change.auditBefore.isEmpty() ? QJsonValue() : QJsonValue(change.auditBefore);
    e.after = actionAuditSummary(change.after);
    return e;
}

TokenRecord decodeToken(const QSqlQuery &q)
{
    return TokenRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toByteArray(), fromMs(q.value(3)),
        q.value(4).toInt() != 0};
}

} // namespace

SqliteStore::SqliteStore(QString path, const Clock &clock, SqliteOptions options)
    : m_clock(clock)
    , m_connection(std::make_unique<SqliteConnection>(std::move(path), options))
    , m_actions(std::make_unique<SqlActionTable>(*m_connection, SqlDialect::sqlite()))
    , m_events(std::make_unique<SqlEventLog>(*m_connection))
    , m_audit(std::make_unique<SqlAuditLog>(*m_connection))
    , m_reports(std::make_unique<SqliteReportTables>(*m_connection))
{ }

SqliteStore::~SqliteStore()
{
    close();
}

QString SqliteStore::path() const
{
    return m_connection->path();
}

const SqliteOptions &SqliteStore::options() const
{
    return m_connection->options();
}

QString SqliteStore::backendName() const
{
    return QStringLiteral("sqlite");
}

int SqliteStore::schemaVersion() const
{
    return m_schemaVersion;
}

Result<void> SqliteStore::open()
{
    if (m_schemaVersion > 0 && m_connection->isOpen())
        return {};
    if (auto opened = m_connection->open(); !opened)
        return opened;
    if (auto migrated = migrate(); !migrated) {
        qCWarning(lcStore) << "cannot use" << path() << ":" << migrated.error().message;
        m_connection->close();
        return migrated;
    }
    qCInfo(lcStore) << "opened" << path() << "at schema version" << m_schemaVersion
                    << (options().readOnly ? "(read-only)" : "");
    return {};
}

Result<void> SqliteStore::migrate()
{
    QSqlDatabase db = m_connection->database();
    const int latest = SqliteMigrations::latestVersion();
    if (latest == 0)
        return fail(SqliteMigrations::all().error());
    // Checked before anything is written: a foreign or newer file is left exactly as it was.
    auto current = SqliteMigrations::checkVersion(db, path());
    if (!current)
        return fail(current.error());
    if (options().readOnly) {
        if (*current < latest)
            return fail(Error::unavailable(QStringLiteral("the database %1 is at schema version %2 and needs upgrading "
                                                          "to %3, which a read-only store cannot do")
                    .arg(path())
                    .arg(*current)
                    .arg(latest)));
        m_schemaVersion = latest;
        return {};
    }
    if (auto wal = m_connection->enableWriteAheadLog(); !wal)
        return wal;
    auto migrated = SqliteMigrations::migrate(db, path(), latest);
    if (!migrated)
        return fail(migrated.error());
    m_schemaVersion = *migrated;
    // The partial indexes of pending actions only win the planner over once statistics say how
    // small the pending queue is next to the history; SQLite advises this at every open.
    refreshStatistics(QStringLiteral("PRAGMA optimize = 0x10002"));
    return {};
}

void SqliteStore::refreshStatistics(const QString &pragma)
{
    m_changesSinceStatistics = 0;
    if (auto r = m_connection->executeOnce(pragma, QStringLiteral("refreshing statistics")); !r)
        qCWarning(lcStore) << r.error().message;
}

void SqliteStore::close()
{
    if (m_connection->isOpen() && m_schemaVersion > 0 && !options().readOnly)
        refreshStatistics(QStringLiteral("PRAGMA optimize"));
    m_connection->close();
    m_schemaVersion = 0;
}

Result<void> SqliteStore::checkOpen(const QString &doing) const
{
    if (m_schemaVersion > 0 && m_connection->isOpen())
        return {};
    return fail(Error::unavailable(QStringLiteral("%1 failed: the store %2 is not open").arg(doing, path())));
}

Result<QJsonObject> SqliteStore::diagnostics()
{
    if (auto ok = checkOpen(QStringLiteral("reading diagnostics")); !ok)
        return fail(ok.error());
    QJsonObject o{{QStringLiteral("path"), path()}, {QStringLiteral("read_only"), options().readOnly},
        {QStringLiteral("schema_version"), m_schemaVersion}};
    const char *pragmas[]
        = {"journal_mode", "synchronous", "foreign_keys", "busy_timeout", "page_size", "page_count", "max_page_count"};
    for (const char *name : pragmas) {
        auto value = m_connection->executeOnce(
            QLatin1String("PRAGMA ") + QLatin1String(name), QStringLiteral("reading diagnostics"));
        if (!value)
            return fail(value.error());
        o.insert(QLatin1String(name), QJsonValue::fromVariant(*value));
    }
    auto version
        = m_connection->executeOnce(QStringLiteral("SELECT sqlite_version()"), QStringLiteral("reading diagnostics"));
    if (!version)
        return fail(version.error());
    o.insert(QStringLiteral("sqlite_version"), version->toString());
    return o;
}

Result<Action> SqliteStore::action(const QString &id)
{
    if (auto ok = checkOpen(QStringLiteral("reading an action")); !ok)
        return fail(ok.error());
    return m_actions->action(id);
}

Result<std::optional<Action>> SqliteStore::actionByIdempotencyKey(const QString &agent, const QString &key)
{
    if (auto ok = checkOpen(QStringLiteral("looking up an idempotency key")); !ok)
        return fail(ok.error());
    return m_actions->byIdempotencyKey(agent, key);
}

Result<ActionPage> SqliteStore::actions(const ActionQuery &query)
{
    if (auto ok = checkOpen(QStringLiteral("listing actions")); !ok)
        return fail(ok.error());
    return m_actions->query(query);
}

Result<QList<Action>> SqliteStore::dueActions(const QDateTime &now, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing due actions")); !ok)
        return fail(ok.error());
    return m_actions->due(now, limit);
}

QList<Result<CommitResult>> SqliteStore::commit(const QList<ActionChange> &changes)
{
    QList<Result<CommitResult>> results;
    if (changes.isEmpty())
        return results;
    const QString doing = QStringLiteral("committing %1 change(s)").arg(changes.size());
    auto failAll = [&](const Error &e) {
        qCWarning(lcStore) << e.message;
        results.clear();
        for (qsizetype i = 0; i < changes.size(); ++i)
            results.append(fail(e));
        return results;
    };
    // Anything but a change's own conflict undoes the whole batch. A clash in the event or audit
    // tables means the log is inconsistent (or was written behind the store's back): not a
    // conflict the caller could resolve.
    auto abort = [&](const Error &e) {
        m_connection->rollback();
        return failAll(e.code == ErrorCode::Conflict ? Error::internal(e.message) : e);
    };
    if (auto ok = checkOpen(doing); !ok)
        return failAll(ok.error());
    if (auto begun = m_connection->beginWrite(doing); !begun)
        return failAll(begun.error());
    auto head = m_audit->head();
    if (!head)
        return abort(head.error());

    results.reserve(changes.size());
    const QDateTime now = m_clock.now();
    qint64 appended = 0;
    for (const ActionChange &change : changes) {
        if (auto valid = SqlActionTable::validate(change.after, change.expectedVersion); !valid) {
            results.append(fail(valid.error()));
            continue;
        }
        if (change.event.isEmpty()) {
            results.append(fail(Error::invalid(QStringLiteral("event"), QStringLiteral("is missing"))));
            continue;
        }
        // A savepoint per change: a conflict undoes that change alone, not the batch.
        if (auto saved = m_connection->savepoint(doing); !saved)
            return abort(saved.error());
        // The rollup needs the action as it was for outcomes (the claim a decision clears) and
        // escalations; other updates (claims, releases) leave the rollup alone.
        std::optional<Action> before;
        if (change.expectedVersion > 0 && (isTerminal(change.after.state) || change.after.escalated)) {
            auto previous = m_actions->action(change.after.id);
            if (!previous && previous.error().code != ErrorCode::NotFound)
                return abort(previous.error());
            if (previous)
                before = std::move(*previous);
        }
        const QString record = SqlActionTable::record(change.after);
        if (auto written = m_actions->write(change.after, change.expectedVersion, record); !written) {
            if (written.error().code != ErrorCode::Conflict)
                return abort(written.error());
            if (auto undone = m_connection->rollbackToSavepoint(doing); !undone)
                return abort(undone.error());
            results.append(fail(written.error()));
            continue;
        }
        if (auto reported = recordForReports(change.expectedVersion == 0, before, change.after); !reported)
            return abort(reported.error());
        auto eventSeq = m_events->append(change.event, change.after.id, record, now);
        if (!eventSeq)
            return abort(eventSeq.error());
        SqlAuditLog::Head next = *head;
        auto entry = m_audit->append(auditEntryFor(change, now), next);
        if (!entry)
            return abort(entry.error());
        if (auto released = m_connection->releaseSavepoint(doing); !released)
            return abort(released.error());
        *head = next;
        ++appended;
        results.append(CommitResult{change.after, *eventSeq, entry->seq});
    }
    if (appended > 0) {
        if (auto saved = m_audit->saveHead(*head); !saved)
            return abort(saved.error());
    }
    if (auto committed = m_connection->commit(doing); !committed)
        return abort(committed.error());
    m_changesSinceStatistics += appended;
    if (m_changesSinceStatistics >= StatisticsInterval)
        refreshStatistics(QStringLiteral("PRAGMA optimize"));
    return results;
}

Result<QList<Event>> SqliteStore::eventsSince(qint64 seq, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading events")); !ok)
        return fail(ok.error());
    return m_events->since(seq, limit);
}

Result<qint64> SqliteStore::lastEventSeq()
{
    if (auto ok = checkOpen(QStringLiteral("reading the last event")); !ok)
        return fail(ok.error());
    return m_events->lastSeq();
}

Result<qint64> SqliteStore::appendAudit(const AuditEntry &entry)
{
    const QString doing = QStringLiteral("appending to the audit log");
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (entry.kind.isEmpty())
        return fail(Error::invalid(QStringLiteral("kind"), QStringLiteral("is missing")));
    if (auto begun = m_connection->beginWrite(doing); !begun)
        return fail(begun.error());
    auto rollback = qScopeGuard([&] {
        m_connection->rollback();
    });
    auto head = m_audit->head();
    if (!head)
        return fail(head.error());
    AuditEntry e = entry;
    if (!e.time.isValid())
        e.time = m_clock.now();
    auto appended = m_audit->append(e, *head);
    if (!appended)
        return fail(appended.error());
    if (auto saved = m_audit->saveHead(*head); !saved)
        return fail(saved.error());
    if (auto committed = m_connection->commit(doing); !committed)
        return fail(committed.error());
    rollback.dismiss();
    return appended->seq;
}

Result<QList<AuditEntry>> SqliteStore::auditEntries(qint64 afterSeq, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading audit entries")); !ok)
        return fail(ok.error());
    return m_audit->entries(afterSeq, limit);
}

Result<AuditVerification> SqliteStore::verifyAudit()
{
    if (auto ok = checkOpen(QStringLiteral("verifying the audit log")); !ok)
        return fail(ok.error());
    return m_audit->verify();
}

Result<void> SqliteStore::saveToken(const TokenRecord &token)
{
    const QString doing = QStringLiteral("saving token %1").arg(token.name);
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (token.name.isEmpty())
        return fail(Error::invalid(QStringLiteral("name"), QStringLiteral("is missing")));
    if (token.role.isEmpty())
        return fail(Error::invalid(QStringLiteral("role"), QStringLiteral("is missing")));
    if (token.hash.isEmpty())
        return fail(Error::invalid(QStringLiteral("hash"), QStringLiteral("is missing")));
    const QDateTime created = token.createdAt.isValid() ? token.createdAt : m_clock.now();
    // Saving a known hash again updates it (revocation, renaming); its creation time stays.
    auto saved = m_connection->write(
        QStringLiteral("INSERT INTO tokens (hash, name, role, created_at, revoked) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (hash) DO UPDATE SET name = excluded.name, role = excluded.role, "
                       "revoked = excluded.revoked"),
        {token.hash, token.name, token.role, created.toMSecsSinceEpoch(), token.revoked ? 1 : 0}, doing);
    return saved ? Result<void>() : fail(saved.error());
}

Result<std::optional<TokenRecord>> SqliteStore::tokenByHash(const QByteArray &hash)
{
    const QString doing = QStringLiteral("looking up a token");
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    auto q = m_connection->select(
        QStringLiteral("SELECT name, role, hash, created_at, revoked FROM tokens WHERE hash = ?"), {hash}, doing);
    if (!q)
        return fail(q.error());
    const auto done = qScopeGuard([&] {
        (*q)->finish();
    });
    if (!(*q)->next())
        return std::optional<TokenRecord>();
    return std::optional<TokenRecord>(decodeToken(**q));
}

Result<QList<TokenRecord>> SqliteStore::tokens()
{
    const QString doing = QStringLiteral("listing tokens");
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    auto q = m_connection->select(
        QStringLiteral("SELECT name, role, hash, created_at, revoked FROM tokens ORDER BY created_at, name, hash"), {},
        doing);
    if (!q)
        return fail(q.error());
    const auto done = qScopeGuard([&] {
        (*q)->finish();
    });
    QList<TokenRecord> list;
    while ((*q)->next())
        list.append(decodeToken(**q));
    return list;
}

Result<PolicyVersion> SqliteStore::savePolicyVersion(const QByteArray &document, const QString &actor)
{
    const QString doing = QStringLiteral("saving a policy version");
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (document.isEmpty())
        return fail(Error::invalid(QStringLiteral("document"), QStringLiteral("is empty")));
    if (auto begun = m_connection->beginWrite(doing); !begun)
        return fail(begun.error());
    auto rollback = qScopeGuard([&] {
        m_connection->rollback();
    });
    PolicyVersion v;
    v.createdAt = m_clock.now();
    v.actor = actor;
    v.document = document;
    {
        auto q = m_connection->select(
            QStringLiteral("SELECT coalesce(max(version), 0) + 1 FROM policy_versions"), {}, doing);
        if (!q)
            return fail(q.error());
        const auto done = qScopeGuard([&] {
            (*q)->finish();
        });
        v.version = (*q)->next() ? (*q)->value(0).toInt() : 1;
    }
    auto saved = m_connection->write(
        QStringLiteral("INSERT INTO policy_versions (version, created_at, actor, document) VALUES (?, ?, ?, ?)"),
        {v.version, v.createdAt.toMSecsSinceEpoch(), actor.isNull() ? QStringLiteral("") : actor, document}, doing);
    if (!saved)
        return fail(saved.error());
    if (auto committed = m_connection->commit(doing); !committed)
        return fail(committed.error());
    rollback.dismiss();
    return v;
}

Result<QList<PolicyVersion>> SqliteStore::readPolicies(const QString &sql, const QString &doing)
{
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    auto q = m_connection->select(sql, {}, doing);
    if (!q)
        return fail(q.error());
    const auto done = qScopeGuard([&] {
        (*q)->finish();
    });
    QList<PolicyVersion> list;
    while ((*q)->next()) {
        list.append(PolicyVersion{
            (*q)->value(0).toInt(), fromMs((*q)->value(1)), (*q)->value(2).toString(), (*q)->value(3).toByteArray()});
    }
    return list;
}

Result<QList<PolicyVersion>> SqliteStore::policyVersions()
{
    return readPolicies(
        QStringLiteral("SELECT version, created_at, actor, document FROM policy_versions ORDER BY version"),
        QStringLiteral("listing policy versions"));
}

Result<std::optional<PolicyVersion>> SqliteStore::currentPolicy()
{
    auto list = readPolicies(QStringLiteral("SELECT version, created_at, actor, document FROM policy_versions "
                                            "ORDER BY version DESC LIMIT 1"),
        QStringLiteral("reading the current policy"));
    if (!list)
        return fail(list.error());
    return list->isEmpty() ? std::optional<PolicyVersion>() : std::optional<PolicyVersion>(list->constFirst());
}

Result<QueueStats> SqliteStore::queueStats(const QDateTime &now)
{
    if (auto ok = checkOpen(QStringLiteral("computing queue statistics")); !ok)
        return fail(ok.error());
    return m_actions->stats(now);
}

Result<void> SqliteStore::recordForReports(bool inserted, const std::optional<Action> &before, const Action &after)
{
    // An update whose previous state was not read (claims, releases) adds nothing.
    if (!inserted && !before)
        return {};
    if (const auto row = RollupRow::forChange(before ? &*before : nullptr, after)) {
        if (auto added = m_reports->addToRollup(*row); !added)
            return added;
    }
    const bool autoApproved = inserted && after.state == ActionState::Approved
        && after.decidedBy == QLatin1String(StateMachine::PolicyActor);
    if (autoApproved && SpotCheck::isSampled(after.id, m_spotCheckFraction))
        return m_reports->openSpotCheck(SpotCheck::forAction(after));
    return {};
}

void SqliteStore::setSpotCheckFraction(double fraction)
{
    m_spotCheckFraction = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
}

Result<QList<RollupRow>> SqliteStore::rollups(const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy)
{
    if (auto ok = checkOpen(QStringLiteral("reading the report rollup")); !ok)
        return fail(ok.error());
    if (!from.isValid() || !to.isValid())
        return fail(Error::invalid(QStringLiteral("from"), QStringLiteral("the rollup window needs two days")));
    return m_reports->rollups(from, to, groupBy);
}

Result<QList<Outcome>> SqliteStore::latestReviewOutcomes(
    const QString &type, const QDateTime &from, const QDateTime &to, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading the latest reviews")); !ok)
        return fail(ok.error());
    return m_reports->latestReviewOutcomes(type, from, to, limit);
}

Result<QList<SpotCheck>> SqliteStore::spotChecks(
    std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing spot checks")); !ok)
        return fail(ok.error());
    return m_reports->spotChecks(open, from, to, limit);
}

Result<void> SqliteStore::writeAudited(
    const QString &doing, const AuditEntry &audit, const std::function<Result<void>()> &write)
{
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (auto begun = m_connection->beginWrite(doing); !begun)
        return fail(begun.error());
    auto rollback = qScopeGuard([&] {
        m_connection->rollback();
    });
    if (auto written = write(); !written)
        return written;
    auto head = m_audit->head();
    if (!head)
        return fail(head.error());
    AuditEntry e = audit;
    if (!e.time.isValid())
        e.time = m_clock.now();
    if (auto appended = m_audit->append(e, *head); !appended)
        return fail(appended.error());
    if (auto saved = m_audit->saveHead(*head); !saved)
        return fail(saved.error());
    if (auto committed = m_connection->commit(doing); !committed)
        return fail(committed.error());
    rollback.dismiss();
    return {};
}

Result<SpotCheck> SqliteStore::recordSpotCheck(const SpotCheck &checked, const AuditEntry &audit)
{
    SpotCheck result;
    auto written = writeAudited(QStringLiteral("recording spot check %1").arg(checked.actionId), audit, [&] {
        auto recorded = m_reports->recordVerdict(checked);
        if (!recorded)
            return Result<void>(fail(recorded.error()));
        result = *recorded;
        return Result<void>();
    });
    if (!written)
        return fail(written.error());
    return result;
}

Result<void> SqliteStore::saveProposal(
    const PolicyProposal &proposal, std::optional<ProposalState> expectedState, const AuditEntry &audit)
{
    if (proposal.id.isEmpty())
        return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("is missing")));
    return writeAudited(QStringLiteral("saving proposal %1").arg(proposal.id), audit, [&] {
        return m_reports->saveProposal(proposal, expectedState);
    });
}

Result<PolicyProposal> SqliteStore::proposal(const QString &id)
{
    if (auto ok = checkOpen(QStringLiteral("reading a proposal")); !ok)
        return fail(ok.error());
    auto p = m_reports->proposal(id);
    if (!p)
        return fail(p.error());
    if (!*p)
        return fail(Error::notFound(QStringLiteral("no proposal %1").arg(id)));
    return **p;
}

Result<QList<PolicyProposal>> SqliteStore::proposals(int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing proposals")); !ok)
        return fail(ok.error());
    return m_reports->proposals(limit);
}

} // namespace Countersign
