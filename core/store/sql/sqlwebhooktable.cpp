#include "sqlwebhooktable.h"

#include "../sqlconnection.h"
#include "domain/event.h"
#include "domain/timeformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

namespace Countersign {

namespace {

const QString HookColumns
    = QStringLiteral("SELECT w.id, w.url, w.events, w.categories, w.types, w.format, w.secret, w.owner_role, "
                     "w.owner_agent, w.created_at, w.created_by FROM webhooks w");
const QString DeliveryColumns
    = QStringLiteral("d.id, d.webhook_id, d.event_seq, d.event_type, d.body, d.attempts, d.next_attempt_at, "
                     "d.status, d.last_status, d.last_error, d.created_at, d.delivered_at");

QString listText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listOf(const QVariant &text)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(text.toString().toUtf8()).array();
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}

QDateTime timeOf(const QVariant &ms)
{
    return ms.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), QTimeZone::UTC);
}

QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

Webhook decodeHook(const QSqlQuery &q, int at = 0)
{
    Webhook w;
    w.id = q.value(at + 0).toString();
    w.url = q.value(at + 1).toString();
    w.events = listOf(q.value(at + 2));
    w.categories = listOf(q.value(at + 3));
    w.types = listOf(q.value(at + 4));
    w.format = webhookFormatFromName(q.value(at + 5).toString()).value_or(WebhookFormat::Json);
    w.secret = q.value(at + 6).toString();
    w.ownerRole = q.value(at + 7).toString();
    w.ownerAgent = q.value(at + 8).toString();
    w.createdAt = timeOf(q.value(at + 9));
    w.createdBy = q.value(at + 10).toString();
    return w;
}

WebhookDelivery decodeDelivery(const QSqlQuery &q)
{
    WebhookDelivery d;
    d.id = q.value(0).toString();
    d.webhookId = q.value(1).toString();
    d.eventSeq = q.value(2).toLongLong();
    d.eventType = q.value(3).toString();
    d.body = q.value(4).toByteArray();
    d.attempts = q.value(5).toInt();
    d.nextAttemptAt = timeOf(q.value(6));
    d.status = deliveryStatusFromName(q.value(7).toString()).value_or(DeliveryStatus::Pending);
    d.lastStatus = q.value(8).toInt();
    d.lastError = q.value(9).toString();
    d.createdAt = timeOf(q.value(10));
    d.deliveredAt = timeOf(q.value(11));
    return d;
}

QString newDeliveryId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

SqlWebhookTable::SqlWebhookTable(SqlConnection &connection, QString claimLock)
    : m_connection(connection)
    , m_claimLock(std::move(claimLock))
{ }

Result<void> SqlWebhookTable::reload()
{
    auto hooks = all();
    if (!hooks)
        return fail(hooks.error());
    m_hooks = std::move(*hooks);
    m_loaded = true;
    return {};
}

Result<void> SqlWebhookTable::insert(const Webhook &hook)
{
    auto written = m_connection.write(
        QStringLiteral("INSERT INTO webhooks (id, url, events, categories, types, format, secret, owner_role, "
                       "owner_agent, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {hook.id, hook.url, listText(hook.events), listText(hook.categories), listText(hook.types),
            webhookFormatName(hook.format), hook.secret, hook.ownerRole,
            hook.ownerAgent.isEmpty() ? QVariant() : QVariant(hook.ownerAgent), hook.createdAt.toMSecsSinceEpoch(),
            hook.createdBy},
        QStringLiteral("saving webhook %1").arg(hook.id));
    return written ? Result<void>() : fail(written.error());
}

Result<bool> SqlWebhookTable::remove(const QString &id)
{
    const QString doing = QStringLiteral("deleting webhook %1").arg(id);
    auto deliveries
        = m_connection.write(QStringLiteral("DELETE FROM webhook_deliveries WHERE webhook_id = ?"), {id}, doing);
    if (!deliveries)
        return fail(deliveries.error());
    auto removed = m_connection.write(QStringLiteral("DELETE FROM webhooks WHERE id = ?"), {id}, doing);
    if (!removed)
        return fail(removed.error());
    return *removed > 0;
}

Result<QList<Webhook>> SqlWebhookTable::all()
{
    return m_connection.selectAll(HookColumns + QStringLiteral(" ORDER BY w.created_at, w.id"), {},
        QStringLiteral("listing webhooks"), [](const QSqlQuery &q) {
            return decodeHook(q);
        });
}

Result<std::optional<Webhook>> SqlWebhookTable::byId(const QString &id)
{
    return m_connection.selectFirst(HookColumns + QStringLiteral(" WHERE w.id = ?"), {id},
        QStringLiteral("reading webhook %1").arg(id), [](const QSqlQuery &q) {
            return decodeHook(q);
        });
}

Result<void> SqlWebhookTable::insertDelivery(const WebhookDelivery &d)
{
    auto written = m_connection.write(
        QStringLiteral("INSERT INTO webhook_deliveries (id, webhook_id, event_seq, event_type, body, attempts, "
                       "next_attempt_at, status, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, 'pending', ?)"),
        {d.id, d.webhookId, d.eventSeq, d.eventType, d.body, d.nextAttemptAt.toMSecsSinceEpoch(),
            d.createdAt.toMSecsSinceEpoch()},
        QStringLiteral("queueing a webhook delivery"));
    return written ? Result<void>() : fail(written.error());
}

Result<void> SqlWebhookTable::enqueue(
    const QString &eventType, qint64 seq, const Action &action, const QString &record, const QDateTime &now)
{
    if (!m_loaded) {
        if (auto loaded = reload(); !loaded)
            return loaded;
    }
    QByteArray body; // built once, for the first subscription that wants it
    for (const Webhook &hook : std::as_const(m_hooks)) {
        if (!hook.matches(eventType, action))
            continue;
        if (body.isEmpty()) {
            // The event stream's message, byte for byte what EventHub sends for this event.
            const Event event{seq, eventType, action.id, now, QJsonDocument::fromJson(record.toUtf8()).object()};
            body = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
        }
        if (auto queued = insertDelivery(WebhookDelivery{
                newDeliveryId(), hook.id, seq, eventType, body, 0, now, DeliveryStatus::Pending, 0, {}, now, {}});
            !queued)
            return queued;
    }
    return {};
}

Result<bool> SqlWebhookTable::enqueueQueueAlert(bool raised, const QByteArray &body, const QDateTime &now)
{
    const QString state = raised ? QStringLiteral("raised") : QStringLiteral("cleared");
    auto changed = m_connection.write(
        QStringLiteral("UPDATE queue_alert_state SET state = ?, changed_at = ? WHERE id = 1 AND state <> ?"),
        {state, now.toMSecsSinceEpoch(), state}, QStringLiteral("recording the queue alert state"));
    if (!changed)
        return fail(changed.error());
    if (*changed == 0)
        return false;
    // Read in the transaction rather than the copy: another instance's new subscription counts.
    auto hooks = all();
    if (!hooks)
        return fail(hooks.error());
    const QString type = QStringLiteral("queue.alert");
    for (const Webhook &hook : std::as_const(*hooks)) {
        if (!hook.matchesQueueAlert())
            continue;
        if (auto queued = insertDelivery(WebhookDelivery{
                newDeliveryId(), hook.id, 0, type, body, 0, now, DeliveryStatus::Pending, 0, {}, now, {}});
            !queued)
            return fail(queued.error());
    }
    return true;
}

Result<WebhookDelivery> SqlWebhookTable::enqueueTest(const QString &webhookId, const QDateTime &now)
{
    const QByteArray body = QJsonDocument(
        QJsonObject{{QStringLiteral("type"), QStringLiteral("webhook.test")}, {QStringLiteral("webhook_id"), webhookId},
            {QStringLiteral("time"),
                toIsoUtc(now)}}).toJson(QJsonDocument::Compact);
    const WebhookDelivery d{newDeliveryId(), webhookId, 0, QStringLiteral("webhook.test"), body, 0, now,
        DeliveryStatus::Pending, 0, {}, now, {}};
    if (auto queued = insertDelivery(d); !queued)
        return fail(queued.error());
    return d;
}

Result<QList<ClaimedDelivery>> SqlWebhookTable::claimDue(
    const QDateTime &now, std::chrono::milliseconds lease, int limit)
{
    const QString claim = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const QString doing = QStringLiteral("claiming webhook deliveries");
    // One statement: on PostgreSQL the rows another instance is claiming right now are skipped,
    // not waited for, and a lapsed claim (a sender that died) is taken over.
    auto claimed = m_connection.write(
        QStringLiteral("UPDATE webhook_deliveries SET claimed_by = ?, claimed_until = ? WHERE id IN (SELECT id FROM "
                       "webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS "
                       "NULL OR claimed_until <= ?) ORDER BY next_attempt_at LIMIT ?%1)")
            .arg(m_claimLock),
        {claim, nowMs + lease.count(), nowMs, nowMs, limit}, doing);
    if (!claimed)
        return fail(claimed.error());
    if (*claimed == 0)
        return QList<ClaimedDelivery>();
    return m_connection.selectAll(
        QStringLiteral("SELECT %1, w.id, w.url, w.events, w.categories, w.types, w.format, w.secret, w.owner_role, "
                       "w.owner_agent, w.created_at, w.created_by FROM webhook_deliveries d JOIN webhooks w ON "
                       "w.id = d.webhook_id WHERE d.claimed_by = ? ORDER BY d.next_attempt_at, d.id")
            .arg(DeliveryColumns),
        {claim}, doing, [&claim](const QSqlQuery &q) {
            return ClaimedDelivery{decodeDelivery(q), decodeHook(q, 12), claim};
        });
}

Result<bool> SqlWebhookTable::finish(const WebhookDelivery &d, const QString &claim)
{
    auto written = m_connection.write(
        QStringLiteral("UPDATE webhook_deliveries SET attempts = ?, status = ?, next_attempt_at = ?, last_status = ?, "
                       "last_error = ?, delivered_at = ?, claimed_by = NULL, claimed_until = NULL "
                       "WHERE id = ? AND claimed_by = ?"),
        {d.attempts, deliveryStatusName(d.status), d.nextAttemptAt.toMSecsSinceEpoch(),
            d.lastStatus > 0 ? QVariant(d.lastStatus) : QVariant(),
            d.lastError.isEmpty() ? QVariant() : QVariant(d.lastError), msOrNull(d.deliveredAt), d.id, claim},
        QStringLiteral("recording webhook delivery %1").arg(d.id));
    if (!written)
        return fail(written.error());
    return *written > 0;
}

Result<QList<WebhookDelivery>> SqlWebhookTable::deliveries(const QString &webhookId, int limit)
{
    return m_connection.selectAll(QStringLiteral("SELECT %1 FROM webhook_deliveries d WHERE d.webhook_id = ? "
                                                 "ORDER BY d.created_at DESC, d.id DESC LIMIT ?")
                                      .arg(DeliveryColumns),
        {webhookId, limit}, QStringLiteral("listing deliveries of webhook %1").arg(webhookId), decodeDelivery);
}

} // namespace Countersign
