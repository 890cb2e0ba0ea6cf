#include "sqlchangewriter.h"

#include "../actionauditsummary.h"
#include "../logging.h"
#include "../sqlconnection.h"
#include "lifecycle/statemachine.h"
#include "report/spotcheck.h"
#include "sqlactiontable.h"
#include "sqlauditlog.h"
#include "sqleventlog.h"
#include "sqlreporttables.h"
#include "sqlwebhooktable.h"

#include <algorithm>
#include <cmath>

namespace Countersign {

namespace {

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

bool sameKey(const RollupRow &a, const RollupRow &b)
{
    return a.day == b.day && a.tier == b.tier && a.category == b.category && a.type == b.type
        && a.reviewer == b.reviewer && a.agent == b.agent;
}

// Fields fixed at submission: the stores index them and update only what may change.
std::optional<QString> changedFixedField(const Action &before, const Action &after)
{
    if (before.agent != after.agent)
        return QStringLiteral("agent");
    if (before.type != after.type)
        return QStringLiteral("type");
    if (before.category != after.category)
        return QStringLiteral("category");
    if (before.createdAt != after.createdAt)
        return QStringLiteral("created_at");
    if (before.confidence != after.confidence)
        return QStringLiteral("confidence");
    if (before.idempotencyKey != after.idempotencyKey)
        return QStringLiteral("idempotency_key");
    return std::nullopt;
}

} // namespace

SqlChangeWriter::SqlChangeWriter(SqlConnection &connection, SqlActionTable &actions, SqlEventLog &events,
    SqlAuditLog &audit, SqlReportTables &reports, SqlWebhookTable &webhooks)
    : m_connection(connection)
    , m_actions(actions)
    , m_events(events)
    , m_audit(audit)
    , m_reports(reports)
    , m_webhooks(webhooks)
{ }

void SqlChangeWriter::setSpotCheckFraction(double fraction)
{
    m_spotCheckFraction = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
}

Result<void> SqlChangeWriter::validate(const ActionChange &change)
{
    if (auto valid = SqlActionTable::validate(change.after, change.expectedVersion); !valid)
        return valid;
    if (change.event.isEmpty())
        return fail(Error::invalid(QStringLiteral("event"), QStringLiteral("is missing")));
    if (change.before && change.expectedVersion > 0) {
        if (change.before->id != change.after.id)
            return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("differs from the planned action's")));
        if (const auto field = changedFixedField(*change.before, change.after))
            return fail(Error::invalid(*field, QStringLiteral("is fixed at submission")));
    }
    return {};
}

Result<std::optional<Action>> SqlChangeWriter::previousState(const ActionChange &change)
{
    // Only outcomes (the claim a decision clears) and escalations reach the rollup; claims and
    // releases leave it alone, so their previous state is never needed.
    if (change.expectedVersion == 0 || !(isTerminal(change.after.state) || change.after.escalated))
        return std::optional<Action>();
    if (change.before && change.before->version == change.expectedVersion)
        return change.before;
    auto previous = m_actions.action(change.after.id);
    if (!previous) {
        if (previous.error().code == ErrorCode::NotFound)
            return std::optional<Action>();
        return fail(previous.error());
    }
    return std::optional<Action>(std::move(*previous));
}

Result<void> SqlChangeWriter::writeRollups()
{
    // One upsert per key and batch rather than per change: a batch of submissions of one type
    // on one day is one statement.
    for (const RollupRow &row : std::as_const(m_rollups)) {
        if (auto added = m_reports.addToRollup(row); !added)
            return added;
    }
    return {};
}

QList<Result<CommitResult>> SqlChangeWriter::commit(
    const QList<ActionChange> &changes, const QDateTime &now, const Steps &steps, qint64 *appendedOut)
{
    QList<Result<CommitResult>> results;
    if (appendedOut)
        *appendedOut = 0;
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
    // A clash in the event or audit tables means the log is inconsistent (or was written behind
    // the store's back): not a conflict the caller could resolve.
    auto abort = [&](const Error &e) {
        m_connection.rollback();
        m_rollups.clear();
        return failAll(e.code == ErrorCode::Conflict ? Error::internal(e.message) : e);
    };

    // Changes the database never needs to see fail before the transaction starts.
    QList<std::optional<Error>> invalid(changes.size());
    bool anyValid = false;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (auto valid = validate(changes.at(i)); !valid)
            invalid[i] = valid.error();
        else
            anyValid = true;
    }
    if (!anyValid) {
        for (const auto &e : std::as_const(invalid))
            results.append(fail(*e));
        return results;
    }

    if (auto begun = steps.begin(doing); !begun)
        return failAll(begun.error());
    auto head = m_audit.head();
    if (!head)
        return abort(head.error());

    results.reserve(changes.size());
    m_rollups.clear();
    qint64 appended = 0;
    qint64 lastSeq = 0;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const ActionChange &change = changes.at(i);
        if (invalid.at(i)) {
            results.append(fail(*invalid.at(i)));
            continue;
        }
        auto before = previousState(change);
        if (!before)
            return abort(before.error());
        // The stored record: Action::toJson() as compact JSON. The event carries the same text.
        QByteArray json = change.after.toCompactJson();
        const QString record = QString::fromUtf8(json);
        if (auto written = m_actions.write(change.after, change.expectedVersion, record); !written) {
            if (written.error().code != ErrorCode::Conflict)
                return abort(written.error());
            results.append(fail(written.error())); // nothing of this change was written
            continue;
        }
        // An update whose previous state is not needed (a claim, a release) adds nothing.
        const bool reported = change.expectedVersion == 0 || before->has_value();
        if (const auto row = reported ? RollupRow::forChange(*before ? &**before : nullptr, change.after)
                                      : std::optional<RollupRow>()) {
            auto same = std::find_if(m_rollups.begin(), m_rollups.end(), [&row](const RollupRow &r) {
                return sameKey(r, *row);
            });
            if (same == m_rollups.end())
                m_rollups.append(*row);
            else
                same->counts += row->counts;
        }
        const bool autoApproved = change.expectedVersion == 0 && change.after.state == ActionState::Approved
            && change.after.decidedBy == QLatin1String(StateMachine::PolicyActor);
        // A reviewer's approval (or modification) of a pending action; the previous state is
        // read for every outcome, so a replayed decision is not sampled twice.
        const bool reviewerApproved = change.expectedVersion != 0 && before->has_value()
            && !isTerminal((*before)->state) && change.after.state == ActionState::Approved
            && !change.after.decidedBy.isEmpty() && change.after.decidedBy != QLatin1String(StateMachine::PolicyActor)
            && change.after.decidedBy != QLatin1String(StateMachine::ExpiryActor);
        if ((autoApproved || reviewerApproved) && SpotCheck::isSampled(change.after.id, m_spotCheckFraction)) {
            if (auto opened = m_reports.openSpotCheck(SpotCheck::forAction(change.after)); !opened)
                return abort(opened.error());
        }
        auto eventSeq = m_events.append(change.event, change.after.id, record, now);
        if (!eventSeq)
            return abort(eventSeq.error());
        // The webhook deliveries of this event commit with it, or not at all (the outbox).
        if (auto queued = m_webhooks.enqueue(change.event, *eventSeq, change.after, record, now); !queued)
            return abort(queued.error());
        auto entry = m_audit.append(auditEntryFor(change, now), *head);
        if (!entry)
            return abort(entry.error());
        ++appended;
        lastSeq = *eventSeq;
        results.append(CommitResult{change.after, *eventSeq, entry->seq, std::move(json)});
    }
    if (appended > 0) {
        if (auto rolled = writeRollups(); !rolled)
            return abort(rolled.error());
        if (auto saved = m_audit.saveHead(*head); !saved)
            return abort(saved.error());
        if (steps.beforeCommit) {
            if (auto done = steps.beforeCommit(lastSeq); !done)
                return abort(done.error());
        }
    }
    m_rollups.clear();
    if (auto committed = m_connection.commit(doing); !committed)
        return abort(committed.error());
    if (appendedOut)
        *appendedOut = appended;
    return results;
}

} // namespace Countersign
