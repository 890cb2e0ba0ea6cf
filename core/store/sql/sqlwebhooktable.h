#pragma once

#include "domain/action.h"
#include "domain/error.h"
#include "webhook/webhook.h"
#include "webhook/webhookdelivery.h"

#include <QList>

#include <chrono>
#include <optional>

namespace Countersign {

class SqlConnection;

// The webhooks and webhook_deliveries tables in SQL both backends speak, and the store's
// in-memory copy of the subscriptions: commit() matches each change's event against it, so a
// commit costs nothing more while nobody subscribes. The copy is read again when a webhook is
// created or deleted here, and by reload() (the token-refresh tick) for other instances' edits.
class SqlWebhookTable
{
public:
    // `claimLock` follows the claim's row selection: " FOR UPDATE SKIP LOCKED" on PostgreSQL, so
    // instances claiming at once take different rows; empty on SQLite (one instance).
    SqlWebhookTable(SqlConnection &connection, QString claimLock);

    Result<void> reload();
    // The copy is stale (the store closed): read it again before the next commit uses it.
    void forget() { m_loaded = false; }
    bool hasSubscriptions() const { return !m_hooks.isEmpty(); }

    // In the caller's write transaction; the copy is reloaded by the caller after its commit.
    Result<void> insert(const Webhook &hook);
    // Deletes the subscription and its deliveries; false when there was none.
    Result<bool> remove(const QString &id);
    Result<QList<Webhook>> all();
    Result<std::optional<Webhook>> byId(const QString &id);

    // Inside commit()'s transaction: one outbox row per subscription matching the change's event.
    Result<void> enqueue(
        const QString &eventType, qint64 seq, const Action &action, const QString &record, const QDateTime &now);
    // Inside a write transaction: moves the queue alert state (one row) to raised or cleared and
    // queues `body` to every admin subscription to queue.alert, only when the update changed the
    // row (so racing instances write it once); false when the state already was that.
    Result<bool> enqueueQueueAlert(bool raised, const QByteArray &body, const QDateTime &now);
    // A webhook.test delivery to `webhookId`, due now.
    Result<WebhookDelivery> enqueueTest(const QString &webhookId, const QDateTime &now);
    // Claims up to `limit` pending deliveries due at `now` whose previous claim (if any) has
    // lapsed, for `lease`; each comes with its subscription.
    Result<QList<ClaimedDelivery>> claimDue(const QDateTime &now, std::chrono::milliseconds lease, int limit);
    // Records an attempt's outcome (attempts, status, next attempt, last status and error,
    // delivered time) of a delivery still held by `claim`, releasing it; false when the claim
    // was lost (its lease lapsed and another sender took it).
    Result<bool> finish(const WebhookDelivery &delivery, const QString &claim);
    // The newest deliveries of one subscription first.
    Result<QList<WebhookDelivery>> deliveries(const QString &webhookId, int limit);

private:
    Result<void> insertDelivery(const WebhookDelivery &delivery);

    SqlConnection &m_connection;
    const QString m_claimLock;
    QList<Webhook> m_hooks;
    bool m_loaded = false; // read at the first commit after opening
};

} // namespace Countersign
