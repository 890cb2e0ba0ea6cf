#pragma once

#include "audit/auditentry.h"
#include "domain/error.h"
#include "webhook/webhook.h"
#include "webhook/webhookdelivery.h"

#include <QList>

#include <chrono>

namespace Countersign {

// Webhook subscriptions and their outbox. commit() writes one delivery per subscription matching
// each committed event in the same transaction, matched against a copy of the subscriptions the
// store keeps (see reloadWebhooks()).
class WebhookStore
{
public:
    virtual ~WebhookStore() = default;

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
    // Moves the queue alert's stored state to raised (or cleared) and, only if this call changed
    // it, queues one `body` delivery (queue.alert) to each admin subscription to queue.alert, in
    // one transaction; false when the state already was that (another instance got there first).
    virtual Result<bool> recordQueueAlert(bool raised, const QByteArray &body) = 0;
    // The newest `limit` deliveries of a webhook, newest first.
    virtual Result<QList<WebhookDelivery>> webhookDeliveries(const QString &id, int limit) = 0;
};

} // namespace Countersign
