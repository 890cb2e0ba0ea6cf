#include "postgresstore.h"

#include "../actionauditsummary.h"
#include "../logging.h"
#include "../sql/sqlactiontable.h"
#include "../sql/sqlauditlog.h"
#include "domain/clock.h"
#include "lifecycle/statemachine.h"
#include "postgresconnection.h"
#include "postgreseventlog.h"
#include "postgreslocks.h"
#include "postgresmigrations.h"
#include "postgresreporttables.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace Countersign {

namespace {

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
        q.value(4).toBool()};
}

} // namespace

PostgresStore::PostgresStore(PostgresOptions options, const Clock &clock)
    : m_clock(clock)
    , m_connection(std::make_unique<PostgresConnection>(std::move(options)))
    , m_actions(std::make_unique<SqlActionTable>(*m_connection, SqlDialect::postgres()))
    , m_events(std::make_unique<PostgresEventLog>(*m_connection))
    , m_audit(std::make_unique<SqlAuditLog>(*m_connection))
    , m_reports(std::make_unique<PostgresReportTables>(*m_connection))
{ }

PostgresStore::~PostgresStore()
{
    close();
}

const PostgresOptions &PostgresStore::options() const
{
    return m_connection->options();
}

QString PostgresStore::backendName() const
{
    return QStringLiteral("postgresql");
}

int PostgresStore::schemaVersion() const
{
    return m_schemaVersion;
}

Result<void> PostgresStore::open()
{
    return openAtVersion(PostgresMigrations::latestVersion());
}

Result<void> PostgresStore::openAtVersion(int version)
{
    if (m_schemaVersion > 0 && m_connection->isOpen())
        return {};
    if (PostgresMigrations::latestVersion() == 0)
        return fail(PostgresMigrations::all().error());
    if (auto opened = m_connection->open(); !opened)
        return opened;
    auto migrated = PostgresMigrations::migrate(*m_connection, version);
    if (!migrated) {
        qCWarning(lcStore) << "cannot use" << m_connection->where() << ":" << migrated.error().message;
        m_connection->close();
        return fail(migrated.error());
    }
    m_schemaVersion = *migrated;
    qCInfo(lcStore) << "opened" << m_connection->where() << "at schema version" << m_schemaVersion;
    return {};
}

void PostgresStore::close()
{
    m_connection->close();
    m_schemaVersion = 0;
}

Result<void> PostgresStore::checkOpen(const QString &doing) const
{
    if (m_schemaVersion > 0)
        return {};
    return fail(
        Error::unavailable(QStringLiteral("%1 failed: the store %2 is not open").arg(doing, m_connection->where())));
}

Result<Action> PostgresStore::action(const QString &id)
{
    if (auto ok = checkOpen(QStringLiteral("reading an action")); !ok)
        return fail(ok.error());
    return m_actions->action(id);
}

Result<std::optional<Action>> PostgresStore::actionByIdempotencyKey(const QString &agent, const QString &key)
{
    if (auto ok = checkOpen(QStringLiteral("looking up an idempotency key")); !ok)
        return fail(ok.error());
    return m_actions->byIdempotencyKey(agent, key);
}

Result<ActionPage> PostgresStore::actions(const ActionQuery &query)
{
    if (auto ok = checkOpen(QStringLiteral("listing actions")); !ok)
        return fail(ok.error());
    return m_actions->query(query);
}

Result<QList<Action>> PostgresStore::dueActions(const QDateTime &now, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing due actions")); !ok)
        return fail(ok.error());
    return m_actions->due(now, limit);
}

QList<Result<CommitResult>> PostgresStore::commit(const QList<ActionChange> &changes)
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
    // Anything but a change's own lost race undoes the whole batch; a clash in the event or
    // audit tables means the log was written behind the store's back.
    auto abort = [&](const Error &e) {
        m_connection->rollback();
        return failAll(e.code == ErrorCode::Conflict ? Error::internal(e.message) : e);
    };
    if (auto ok = checkOpen(doing); !ok)
        return failAll(ok.error());

    // Changes the database never needs to see fail before the transaction starts.
    QList<std::optional<Error>> invalid(changes.size());
    bool anyValid = false;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const ActionChange &change = changes.at(i);
        if (auto valid = SqlActionTable::validate(change.after, change.expectedVersion); !valid)
            invalid[i] = valid.error();
        else if (change.event.isEmpty())
            invalid[i] = Error::invalid(QStringLiteral("event"), QStringLiteral("is missing"));
        else
            anyValid = true;
    }
    if (!anyValid) {
        for (const auto &e : std::as_const(invalid))
            results.append(fail(*e));
        return results;
    }

    if (auto begun = m_connection->begin(doing); !begun)
        return failAll(begun.error());
    // One writer at a time across every instance: the event seq follows commit order and the
    // audit head read below is the newest. Held until COMMIT, so keep the batch short.
    if (auto locked = m_connection->executeOnce(PostgresLocks::lockSql(PostgresLocks::Log), doing); !locked)
        return abort(locked.error());
    auto head = m_audit->head();
    if (!head)
        return abort(head.error());

    results.reserve(changes.size());
    const QDateTime now = m_clock.now();
    qint64 appended = 0;
    qint64 lastSeq = 0;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const ActionChange &change = changes.at(i);
        if (invalid.at(i)) {
            results.append(fail(*invalid.at(i)));
            continue;
        }
        // The rollup needs the action as it was for outcomes (the claim a decision clears) and
        // escalations; other updates (claims, releases) leave the rollup alone. Under the log
        // lock nobody changes it between this read and the write below.
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
            results.append(fail(written.error()));
            continue;
        }
        if (auto reported = recordForReports(change.expectedVersion == 0, before, change.after); !reported)
            return abort(reported.error());
        auto eventSeq = m_events->append(change.event, change.after.id, record, now);
        if (!eventSeq)
            return abort(eventSeq.error());
        auto entry = m_audit->append(auditEntryFor(change, now), *head);
        if (!entry)
            return abort(entry.error());
        ++appended;
        lastSeq = *eventSeq;
        results.append(CommitResult{change.after, *eventSeq, entry->seq});
    }
    if (appended > 0) {
        if (auto saved = m_audit->saveHead(*head); !saved)
            return abort(saved.error());
        if (auto notified = m_events->notify(lastSeq); !notified)
            return abort(notified.error());
    }
    if (auto committed = m_connection->commit(doing); !committed)
        return failAll(committed.error());
    return results;
}

Result<QList<Event>> PostgresStore::eventsSince(qint64 seq, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading events")); !ok)
        return fail(ok.error());
    return m_events->since(seq, limit);
}

Result<qint64> PostgresStore::lastEventSeq()
{
    if (auto ok = checkOpen(QStringLiteral("reading the last event")); !ok)
        return fail(ok.error());
    return m_events->lastSeq();
}

Result<qint64> PostgresStore::appendAudit(const AuditEntry &entry)
{
    const QString doing = QStringLiteral("appending to the audit log");
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (entry.kind.isEmpty())
        return fail(Error::invalid(QStringLiteral("kind"), QStringLiteral("is missing")));
    if (auto begun = m_connection->begin(doing); !begun)
        return fail(begun.error());
    auto rollback = qScopeGuard([&] {
        m_connection->rollback();
    });
    if (auto locked = m_connection->executeOnce(PostgresLocks::lockSql(PostgresLocks::Log), doing); !locked)
        return fail(locked.error());
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

Result<QList<AuditEntry>> PostgresStore::auditEntries(qint64 afterSeq, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading audit entries")); !ok)
        return fail(ok.error());
    return m_audit->entries(afterSeq, limit);
}

Result<AuditVerification> PostgresStore::verifyAudit()
{
    if (auto ok = checkOpen(QStringLiteral("verifying the audit log")); !ok)
        return fail(ok.error());
    return m_audit->verify();
}

Result<void> PostgresStore::saveToken(const TokenRecord &token)
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
        {token.hash, token.name, token.role, created.toMSecsSinceEpoch(), token.revoked}, doing);
    return saved ? Result<void>() : fail(saved.error());
}

Result<std::optional<TokenRecord>> PostgresStore::tokenByHash(const QByteArray &hash)
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

Result<QList<TokenRecord>> PostgresStore::tokens()
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

Result<PolicyVersion> PostgresStore::savePolicyVersion(const QByteArray &document, const QString &actor)
{
    const QString doing = QStringLiteral("saving a policy version");
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (document.isEmpty())
        return fail(Error::invalid(QStringLiteral("document"), QStringLiteral("is empty")));
    if (auto begun = m_connection->begin(doing); !begun)
        return fail(begun.error());
    auto rollback = qScopeGuard([&] {
        m_connection->rollback();
    });
    // Two instances saving at once get consecutive versions rather than a clash.
    if (auto locked = m_connection->executeOnce(PostgresLocks::lockSql(PostgresLocks::Policy), doing); !locked)
        return fail(locked.error());
    PolicyVersion v;
    v.createdAt = m_clock.now();
    v.actor = actor;
    v.document = document;
    auto q = m_connection->select(
        QStringLiteral("INSERT INTO policy_versions (version, created_at, actor, document) "
                       "SELECT coalesce(max(version), 0) + 1, ?, ?, ? FROM policy_versions RETURNING version"),
        {v.createdAt.toMSecsSinceEpoch(), actor.isNull() ? QStringLiteral("") : actor, document}, doing);
    if (!q)
        return fail(q.error());
    v.version = (*q)->next() ? (*q)->value(0).toInt() : 0;
    (*q)->finish();
    if (auto committed = m_connection->commit(doing); !committed)
        return fail(committed.error());
    rollback.dismiss();
    return v;
}

Result<QList<PolicyVersion>> PostgresStore::readPolicies(const QString &sql, const QString &doing)
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

Result<QList<PolicyVersion>> PostgresStore::policyVersions()
{
    return readPolicies(
        QStringLiteral("SELECT version, created_at, actor, document FROM policy_versions ORDER BY version"),
        QStringLiteral("listing policy versions"));
}

Result<std::optional<PolicyVersion>> PostgresStore::currentPolicy()
{
    auto list = readPolicies(QStringLiteral("SELECT version, created_at, actor, document FROM policy_versions "
                                            "ORDER BY version DESC LIMIT 1"),
        QStringLiteral("reading the current policy"));
    if (!list)
        return fail(list.error());
    return list->isEmpty() ? std::optional<PolicyVersion>() : std::optional<PolicyVersion>(list->constFirst());
}

Result<QueueStats> PostgresStore::queueStats(const QDateTime &now)
{
    if (auto ok = checkOpen(QStringLiteral("computing queue statistics")); !ok)
        return fail(ok.error());
    return m_actions->stats(now);
}

Result<void> PostgresStore::recordForReports(bool inserted, const std::optional<Action> &before, const Action &after)
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

void PostgresStore::setSpotCheckFraction(double fraction)
{
    m_spotCheckFraction = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
}

Result<QList<RollupRow>> PostgresStore::rollups(
    const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy)
{
    if (auto ok = checkOpen(QStringLiteral("reading the report rollup")); !ok)
        return fail(ok.error());
    if (!from.isValid() || !to.isValid())
        return fail(Error::invalid(QStringLiteral("from"), QStringLiteral("the rollup window needs two days")));
    return m_reports->rollups(from, to, groupBy);
}

Result<QList<Outcome>> PostgresStore::latestReviewOutcomes(
    const QString &type, const QDateTime &from, const QDateTime &to, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("reading the latest reviews")); !ok)
        return fail(ok.error());
    return m_reports->latestReviewOutcomes(type, from, to, limit);
}

Result<QList<SpotCheck>> PostgresStore::spotChecks(
    std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing spot checks")); !ok)
        return fail(ok.error());
    return m_reports->spotChecks(open, from, to, limit);
}

Result<void> PostgresStore::writeAudited(
    const QString &doing, const AuditEntry &audit, const std::function<Result<void>()> &write)
{
    if (auto ok = checkOpen(doing); !ok)
        return fail(ok.error());
    if (auto begun = m_connection->begin(doing); !begun)
        return fail(begun.error());
    auto rollback = qScopeGuard([&] {
        m_connection->rollback();
    });
    // The audit chain is one linear history across instances: the same lock as commit().
    if (auto locked = m_connection->executeOnce(PostgresLocks::lockSql(PostgresLocks::Log), doing); !locked)
        return fail(locked.error());
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

Result<SpotCheck> PostgresStore::recordSpotCheck(const SpotCheck &checked, const AuditEntry &audit)
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

Result<void> PostgresStore::saveProposal(
    const PolicyProposal &proposal, std::optional<ProposalState> expectedState, const AuditEntry &audit)
{
    if (proposal.id.isEmpty())
        return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("is missing")));
    return writeAudited(QStringLiteral("saving proposal %1").arg(proposal.id), audit, [&] {
        return m_reports->saveProposal(proposal, expectedState);
    });
}

Result<PolicyProposal> PostgresStore::proposal(const QString &id)
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

Result<QList<PolicyProposal>> PostgresStore::proposals(int limit)
{
    if (auto ok = checkOpen(QStringLiteral("listing proposals")); !ok)
        return fail(ok.error());
    return m_reports->proposals(limit);
}

} // namespace Countersign
