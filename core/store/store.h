#pragma once

#include "actionchange.h"
#include "audit/auditentry.h"
#include "audit/auditverification.h"
#include "deferredsync.h"
#include "domain/action.h"
#include "domain/actionquery.h"
#include "domain/decision.h"
#include "domain/error.h"
#include "domain/event.h"
#include "policyversion.h"
#include "queuestats.h"
#include "report/drilldownquery.h"
#include "report/pastaction.h"
#include "report/policyproposal.h"
#include "report/reportgrouping.h"
#include "report/rolluprow.h"
#include "report/spotcheck.h"
#include "report/spotchecktally.h"
#include "tokenrecord.h"
#include "webhook/webhook.h"
#include "webhook/webhookdelivery.h"

#include <QList>

#include <chrono>
#include <functional>

#include <memory>
#include <optional>

namespace Countersign {

// The persistence interface the server uses; SQLite (embedded default) and PostgreSQL
// implement it and pass the same test suite.
//
// A Store instance belongs to the thread that opened it (QtSql connections are per thread).
// Every write a caller acknowledges has been committed when the call returns.
class Store
{
public:
    virtual ~Store() = default;

    virtual QString backendName() const = 0;
    // Opens (creating if needed) and migrates the database to the latest schema.
    virtual Result<void> open() = 0;
    virtual void close() = 0;
    // Switches commits to deferred durability (see DeferredSync) when the backend supports it,
    // and returns how to sync; nothing, and commits stay durable on return, otherwise. Only for
    // a caller that acknowledges no write before calling sync(): the StoreWorker.
    virtual std::optional<DeferredSync> deferSync() { return std::nullopt; }
    virtual int schemaVersion() const = 0;

    // --- actions
    virtual Result<Action> action(const QString &id) = 0;
    virtual Result<std::optional<Action>> actionByIdempotencyKey(const QString &agent, const QString &key) = 0;
    virtual Result<ActionPage> actions(const ActionQuery &query) = 0;
    // Pending actions that need the scheduler: SLA passed and not escalated, expiry passed,
    // or a claim whose lease has lapsed. Oldest first.
    virtual Result<QList<Action>> dueActions(const QDateTime &now, int limit) = 0;

    // Persists transitions produced by the StateMachine. The whole list is one transaction
    // (group commit); each change succeeds or fails on its own: a stale expectedVersion gives
    // ErrorCode::Conflict for that change only, a duplicate (agent, idempotency key) on insert
    // gives Conflict too. Each committed change appends one event and one audit entry.
    // Storage failures (busy, locked, disk full, read-only) fail every change with Unavailable.
    virtual QList<Result<CommitResult>> commit(const QList<ActionChange> &changes) = 0;

    // --- events (for WebSocket subscribers resuming with since=SEQ)
    virtual Result<QList<Event>> eventsSince(qint64 seq, int limit) = 0;
    virtual Result<qint64> lastEventSeq() = 0;

    // --- audit chain
    // For changes that are not action transitions (policy, tokens). seq, prevHash and hash are
    // assigned by the store; returns the entry's seq.
    virtual Result<qint64> appendAudit(const AuditEntry &entry) = 0;
    virtual Result<QList<AuditEntry>> auditEntries(qint64 afterSeq, int limit) = 0;
    virtual Result<AuditVerification> verifyAudit() = 0;

    // --- tokens (only hashes are stored)
    virtual Result<void> saveToken(const TokenRecord &token) = 0;
    virtual Result<std::optional<TokenRecord>> tokenByHash(const QByteArray &hash) = 0;
    virtual Result<QList<TokenRecord>> tokens() = 0;

    // --- policy versions
    virtual Result<PolicyVersion> savePolicyVersion(const QByteArray &document, const QString &actor) = 0;
    virtual Result<QList<PolicyVersion>> policyVersions() = 0;
    virtual Result<std::optional<PolicyVersion>> currentPolicy() = 0;

    // --- queue statistics
    virtual Result<QueueStats> queueStats(const QDateTime &now) = 0;

    // --- reports
    // commit() keeps a rollup (RollupRow::forChange of each committed change) in the same
    // transaction, and samples auto-approvals it inserts, and reviewers' approvals (approved or
    // modified) it commits, into the spot-check list at this fraction (SpotCheck::isSampled).
    virtual void setSpotCheckFraction(double fraction) = 0;
    // Rollup rows of the UTC days [from, to). With `groupBy` the rows are summed per group and
    // only that field is set (plus the category for Type, the day for Day, and for Week the first
    // day of the window in that week, grouped by the week's Monday).
    virtual Result<QList<RollupRow>> rollups(
        const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy = std::nullopt)
        = 0;
    // The newest reviewer outcomes (not policy or expiry) on `type` decided in [from, to),
    // newest first, at most `limit`.
    virtual Result<QList<Outcome>> latestReviewOutcomes(
        const QString &type, const QDateTime &from, const QDateTime &to, int limit)
        = 0;
    // Spot checks sampled in [from, to) (either may be invalid: unbounded): open ones oldest
    // first, done ones newest checked first; `open` unset lists both (open first).
    virtual Result<QList<SpotCheck>> spotChecks(
        std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit)
        = 0;
    // The spot checks of reviewers' approvals sampled in [from, to), per reviewer who approved.
    virtual Result<QList<SpotCheckTally>> reviewerSpotChecks(const QDateTime &from, const QDateTime &to) = 0;
    // Records the verdict of `checked` (its id, verdict, note, checkedBy, checkedAt) and `audit`
    // in one transaction. NotFound for an unknown id, Conflict when it already has a verdict or
    // when checkedBy approved the sampled action (field approved_by).
    virtual Result<SpotCheck> recordSpotCheck(const SpotCheck &checked, const AuditEntry &audit) = 0;
    // Inserts (`expectedState` unset) or updates a proposal still in `expectedState`, with `audit`,
    // in one transaction; Conflict when it moved on (or the id exists), NotFound when missing.
    virtual Result<void> saveProposal(
        const PolicyProposal &proposal, std::optional<ProposalState> expectedState, const AuditEntry &audit)
        = 0;
    virtual Result<PolicyProposal> proposal(const QString &id) = 0;
    // Newest first.
    virtual Result<QList<PolicyProposal>> proposals(int limit) = 0;
    // Calls `visit` for every action created in [from, to), oldest first, reading a page at a time
    // so memory does not grow with the window (the policy simulation).
    virtual Result<void> pastActions(
        const QDateTime &from, const QDateTime &to, const std::function<void(const PastAction &)> &visit)
        = 0;
    // The actions behind one figure of an approval report (GET /v1/reports/actions): those the
    // rollup counted under `query.measure` in the window, filtered like the report's rows,
    // newest first. InvalidArgument (field "cursor") for a cursor of another list.
    virtual Result<DrillDownPage> drillDown(const DrillDownQuery &query) = 0;

    // Webhooks (issue 22): subscriptions and their outbox. commit() writes one delivery per
    // subscription matching each committed event in the same transaction, matched against a
    // copy of the subscriptions the store keeps (see reloadWebhooks()).
    // Saves `hook` (its id, secret and owner set by the caller) with `audit`, and reloads the copy.
    virtual Result<void> createWebhook(const Webhook &hook, const AuditEntry &audit) = 0;
    // Deletes it and its deliveries with `audit`; NotFound when there is none.
    virtual Result<void> deleteWebhook(const QString &id, const AuditEntry &audit) = 0;
    virtual Result<QList<Webhook>> webhooks() = 0;
    // NotFound when there is none.
    virtual Result<Webhook> webhook(const QString &id) = 0;
    // Reads the subscriptions again: other instances' creations and deletions (the token-refresh tick).
    virtual Result<void> reloadWebhooks() = 0;
    // Queues a webhook.test delivery to `id`, due now; NotFound when there is no such webhook.
    virtual Result<WebhookDelivery> queueWebhookTest(const QString &id) = 0;
    // Claims up to `limit` due pending deliveries for `lease` (other senders skip them meanwhile,
    // on every instance); each with its subscription and the claim that finishWebhookDelivery needs.
    virtual Result<QList<ClaimedDelivery>> claimWebhookDeliveries(std::chrono::milliseconds lease, int limit) = 0;
    // Records an attempt (the delivery's attempts, status, next attempt, last status and error,
    // delivered time) and releases the claim; false when the claim had lapsed and was taken over.
    virtual Result<bool> finishWebhookDelivery(const WebhookDelivery &delivery, const QString &claim) = 0;
    // The newest `limit` deliveries of a webhook, newest first.
    virtual Result<QList<WebhookDelivery>> webhookDeliveries(const QString &id, int limit) = 0;
};

} // namespace Countersign
