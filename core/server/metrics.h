#pragma once

#include "committedchange.h"
#include "histogram.h"
#include "serverconfig.h"
#include "store/queuestats.h"

#include <QMap>
#include <QObject>

namespace Countersign {

// Gauges read at scrape time from the parts of the server that own them.
struct MetricsSnapshot {
    QueueStats queue;
    AlertThresholds thresholds;
    int openConnections = 0;
    int subscribers = 0;
    qint64 subscriberBytes = 0; // waiting in the subscribers' sockets
    int subscribersWaiting = 0; // behind, waiting for their client to read
    int waiters = 0;
    qint64 storeBatches = 0;
    qint64 storeChanges = 0;
    qint64 storeCommitMicros = 0;
    qint64 storeQueued = 0;
};

// Counters and histograms the server feeds as it works, rendered in the Prometheus text format
// for GET /metrics together with a snapshot of the gauges.
class Metrics : public QObject
{
    Q_OBJECT
public:
    explicit Metrics(QObject *parent = nullptr);

    void observeRequest(const QString &route, int status, qint64 elapsedNanos);
    void observeRejected(int status); // refused by the connection guard or the connection cap
    void observeChanges(const QList<CommittedChange> &changes); // decisions by outcome, age at decision
    // Email alerts (AlertMailer): a message sent or given up, an attempt that failed.
    void observeMail(const QString &kind, bool sent);
    void observeMailAttemptFailed(const QString &kind);

    QByteArray render(const MetricsSnapshot &snapshot) const;

    static bool depthAlert(const QueueStats &stats, const AlertThresholds &thresholds);
    static bool ageAlert(const QueueStats &stats, const AlertThresholds &thresholds);

private:
    QMap<QString, Histogram> m_latency; // by route
    QMap<QPair<QString, int>, qint64> m_requests; // (route, status)
    QMap<int, qint64> m_rejected;
    QMap<QPair<QString, QString>, qint64> m_decisions; // (outcome, by)
    Histogram m_ageAtDecision{Histogram::ageBounds()};
    QMap<QPair<QString, QString>, qint64> m_mail; // (kind, outcome)
    QMap<QString, qint64> m_mailAttemptFailures; // by kind
};

} // namespace Countersign
