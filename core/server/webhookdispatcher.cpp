#include "webhookdispatcher.h"

#include "domain/clock.h"
#include "logging.h"
#include "storeworker.h"
#include "webhook/webhookmessage.h"
#include "webhook/webhooksignature.h"
#include "webhookurlcheck.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>

namespace Countersign {

WebhookDispatcher::WebhookDispatcher(
    StoreWorker *worker, const Clock &clock, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_clock(clock)
    , m_settings(config.webhooks)
    , m_retry(clock,
          WebhookRetry::Schedule{config.webhooks.retryBase, config.webhooks.retryCap, config.webhooks.giveUpAfter})
    , m_digest(WebhookDigest::Settings{config.webhooks.digestThreshold, config.webhooks.digestWindow, 10}, clock)
{
    m_timer.setInterval(m_settings.poll);
    connect(&m_timer, &QTimer::timeout, this, &WebhookDispatcher::claim);
    // A receiver's redirect would lead past the address check: it counts as a failed attempt.
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

WebhookDispatcher::~WebhookDispatcher() = default;

void WebhookDispatcher::start()
{
    m_stopped = false;
    m_timer.start();
    poke();
}

void WebhookDispatcher::stop()
{
    m_stopped = true;
    m_timer.stop();
}

void WebhookDispatcher::poke()
{
    QTimer::singleShot(0, this, &WebhookDispatcher::claim);
}

WebhookDispatcher::Request WebhookDispatcher::requestFor(
    const ClaimedDelivery &claimed, const QUrl &publicUrl, qint64 timestamp)
{
    const WebhookDelivery &d = claimed.delivery;
    Request r;
    r.url = QUrl(claimed.webhook.url);
    r.body = WebhookMessage::body(claimed.webhook.format, d.body, publicUrl);
    r.headers = {{"Content-Type", "application/json"}, {"User-Agent", "Countersign-Webhook/1"},
        {"X-Countersign-Event", d.eventType.toUtf8()}, {"X-Countersign-Delivery", d.id.toUtf8()},
        {"X-Countersign-Timestamp", QByteArray::number(timestamp)},
        {"X-Countersign-Signature", WebhookSignature::sign(claimed.webhook.secret.toUtf8(), timestamp, r.body)}};
    return r;
}

WebhookDispatcher::Request WebhookDispatcher::digestRequestFor(
    const QList<ClaimedDelivery> &group, const QByteArray &body, qint64 timestamp)
{
    const ClaimedDelivery &first = group.first();
    Request r;
    r.url = QUrl(first.webhook.url);
    r.body = body;
    r.headers = {{"Content-Type", "application/json"}, {"User-Agent", "Countersign-Webhook/1"},
        {"X-Countersign-Event", "action.digest"}, {"X-Countersign-Delivery", first.delivery.id.toUtf8()},
        {"X-Countersign-Timestamp", QByteArray::number(timestamp)},
        {"X-Countersign-Signature", WebhookSignature::sign(first.webhook.secret.toUtf8(), timestamp, r.body)}};
    return r;
}

void WebhookDispatcher::claim()
{
    if (m_stopped || m_claiming || m_inFlight >= m_settings.maxInFlight)
        return;
    m_claiming = true;
    const auto lease = m_settings.lease;
    const int limit = m_settings.maxInFlight - m_inFlight;
    QPointer<WebhookDispatcher> self(this);
    m_worker->read<QList<ClaimedDelivery>>(
        this,
        [lease, limit](Store &store) {
            return store.claimWebhookDeliveries(lease, limit);
        },
        [self](Result<QList<ClaimedDelivery>> claimed) {
            if (!self)
                return;
            self->m_claiming = false;
            if (!claimed) {
                qCWarning(lcServer).noquote() << "claiming webhook deliveries failed:" << claimed.error().message;
                return;
            }
            const QList<QList<ClaimedDelivery>> groups = self->m_digest.group(*claimed);
            for (const QList<ClaimedDelivery> &group : groups)
                self->send(group);
            // A full page: more may be due now.
            if (!claimed->isEmpty() && self->m_inFlight < self->m_settings.maxInFlight)
                self->poke();
        });
}

void WebhookDispatcher::send(const QList<ClaimedDelivery> &group)
{
    m_inFlight += int(group.size());
    auto finishAll = [this](const QList<ClaimedDelivery> &all, int status, const QString &error) {
        for (const ClaimedDelivery &c : all)
            finish(c, status, error);
    };
    // Checked again now: a name may resolve elsewhere than when the subscription was made.
    auto url = WebhookUrlCheck::parse(group.first().webhook.url);
    if (!url) {
        finishAll(group, 0, url.error().message);
        return;
    }
    QPointer<WebhookDispatcher> self(this);
    WebhookUrlCheck::check(*url, m_settings.allowPrivate, this, [self, group, finishAll](Result<void> allowed) {
        if (!self)
            return;
        if (!allowed) {
            finishAll(group, 0, QStringLiteral("url ") + allowed.error().message);
            return;
        }
        self->post(group);
    });
}

void WebhookDispatcher::post(const QList<ClaimedDelivery> &group)
{
    const qint64 timestamp = m_clock.now().toSecsSinceEpoch();
    const Request r = group.size() == 1 ? requestFor(group.first(), m_publicUrl, timestamp)
                                        : digestRequestFor(group, m_digest.body(group, m_publicUrl), timestamp);
    QNetworkRequest request(r.url);
    for (const auto &[name, value] : r.headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(int(m_settings.timeout.count()));
    QNetworkReply *reply = m_network.post(request, r.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, group] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QString error;
        if (reply->error() != QNetworkReply::NoError && status == 0)
            error = reply->errorString();
        // A digest's attempt is each grouped delivery's attempt.
        for (const ClaimedDelivery &c : group)
            finish(c, status, error);
    });
}

void WebhookDispatcher::finish(ClaimedDelivery claimed, int httpStatus, const QString &error)
{
    --m_inFlight;
    WebhookDelivery &d = claimed.delivery;
    d.attempts += 1;
    d.lastStatus = httpStatus;
    d.lastError = error;
    if (httpStatus >= 200 && httpStatus < 300) {
        d.status = DeliveryStatus::Delivered;
        d.deliveredAt = m_clock.now();
        d.lastError.clear();
    } else {
        if (d.lastError.isEmpty())
            d.lastError = QStringLiteral("HTTP status %1").arg(httpStatus);
        const WebhookRetry::Next next
            = m_retry.afterFailure(d.attempts, d.createdAt, QRandomGenerator::global()->generateDouble());
        if (next.giveUp) {
            d.status = DeliveryStatus::Failed;
            qCWarning(lcServer).noquote() << "webhook delivery" << d.id << "to" << claimed.webhook.url
                                          << "given up after" << d.attempts << "attempts:" << d.lastError;
        } else {
            d.nextAttemptAt = next.at;
        }
    }
    const QString claim = claimed.claim;
    const QString id = d.id;
    QPointer<WebhookDispatcher> self(this);
    m_worker->read<bool>(
        this,
        [d, claim](Store &store) {
            return store.finishWebhookDelivery(d, claim);
        },
        [self, id, httpStatus, error](Result<bool> recorded) {
            if (!recorded)
                qCWarning(lcServer).noquote()
                    << "recording webhook delivery" << id << "failed:" << recorded.error().message;
            else if (!*recorded)
                qCWarning(lcServer).noquote()
                    << "webhook delivery" << id
                    << "was taken over by another sender (its claim lapsed) or deleted meanwhile";
            if (!self)
                return;
            Q_EMIT self->attempted(id, httpStatus, error);
            self->poke();
        });
}

} // namespace Countersign
