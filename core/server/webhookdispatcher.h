#pragma once

#include "serverconfig.h"
#include "webhook/webhookdelivery.h"
#include "webhook/webhookdigest.h"
#include "webhook/webhookretry.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

namespace Countersign {

class Clock;
class StoreWorker;

// Sends the webhook outbox, on the HTTP thread's event loop: claims due deliveries through the
// store worker (a lease, so two instances never send the same attempt), POSTs each with
// QNetworkAccessManager (never waiting on the network or the store), and records the outcome:
// 2xx delivered; anything else, a timeout or no connection is retried on WebhookRetry's
// schedule until it gives up. What was committed and not yet sent when the process died is
// still pending in the store and goes out after the restart (or from another instance once
// the lease lapses).
class WebhookDispatcher : public QObject
{
    Q_OBJECT
public:
    WebhookDispatcher(StoreWorker *worker, const Clock &clock, const ServerConfig &config, QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    void start();
    void stop();
    // Claim now rather than at the next tick (a test delivery was queued).
    void poke();
    // Links in chat messages point here (GET /open/{id}).
    void setPublicUrl(const QUrl &url) { m_publicUrl = url; }

    // The request an attempt sends: the headers and the signed body.
    struct Request {
        QUrl url;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    static Request requestFor(const ClaimedDelivery &claimed, const QUrl &publicUrl, qint64 timestamp);
    // One digest message for a group of one webhook's deliveries (WebhookDigest): signed like
    // any attempt, X-Countersign-Event "action.digest", the first delivery's id.
    static Request digestRequestFor(const QList<ClaimedDelivery> &group, const QByteArray &body, qint64 timestamp);

Q_SIGNALS:
    // An attempt ended and its outcome was recorded (tests wait on it).
    void attempted(const QString &deliveryId, int httpStatus, const QString &error);

private:
    void claim();
    // One delivery, or a digest's group (all to one webhook) sent as one message whose outcome
    // is recorded for each of them.
    void send(const QList<ClaimedDelivery> &group);
    void post(const QList<ClaimedDelivery> &group);
    void finish(ClaimedDelivery claimed, int httpStatus, const QString &error);

    StoreWorker *m_worker;
    const Clock &m_clock;
    WebhookSettings m_settings;
    WebhookRetry m_retry;
    WebhookDigest m_digest;
    QUrl m_publicUrl;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    bool m_claiming = false;
    bool m_stopped = false;
    int m_inFlight = 0;
};

} // namespace Countersign
