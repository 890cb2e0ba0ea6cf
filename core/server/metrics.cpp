#include "metrics.h"

#include "lifecycle/statemachine.h"

namespace Countersign {

namespace {

QByteArray label(const QString &value)
{
    QByteArray v = value.toUtf8();
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return v;
}

void header(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

} // namespace

Metrics::Metrics(QObject *parent)
    : QObject(parent)
{ }

void Metrics::observeRequest(const QString &route, int status, qint64 elapsedNanos)
{
    auto it = m_latency.find(route);
    if (it == m_latency.end())
        it = m_latency.insert(route, Histogram());
    it->observe(double(elapsedNanos) / 1e9);
    ++m_requests[{route, status}];
}

void Metrics::observeRejected(int status)
{
    ++m_rejected[status];
}

void Metrics::observeChanges(const QList<CommittedChange> &changes)
{
    for (const CommittedChange &c : changes) {
        const Action &a = c.action;
        if (a.state == ActionState::Pending)
            continue;
        // A settled action's creation counts only when the policy settled it at once; other
        // events of settled actions (none today) would not count twice.
        if (c.type != QLatin1String("action.created") && c.type != QLatin1String("action.decided")
            && c.type != QLatin1String("action.expired") && c.type != QLatin1String("action.withdrawn"))
            continue;
        QString outcome = actionStateName(a.state);
        if (a.state == ActionState::Approved && a.modified)
            outcome = QStringLiteral("modified");
        QString by = a.decidedBy;
        if (by != QLatin1String(StateMachine::PolicyActor) && by != QLatin1String(StateMachine::ExpiryActor))
            by = a.state == ActionState::Withdrawn ? QStringLiteral("agent") : QStringLiteral("reviewer");
        ++m_decisions[{outcome, by}];
        if (a.createdAt.isValid() && a.decidedAt.isValid())
            m_ageAtDecision.observe(double(a.createdAt.msecsTo(a.decidedAt)) / 1000.0);
    }
}

void Metrics::observeMail(const QString &kind, bool sent)
{
    ++m_mail[{kind, sent ? QStringLiteral("sent") : QStringLiteral("failed")}];
}

void Metrics::observeMailAttemptFailed(const QString &kind)
{
    ++m_mailAttemptFailures[kind];
}

bool Metrics::depthAlert(const QueueStats &stats, const AlertThresholds &thresholds)
{
    return thresholds.queueDepth > 0 && stats.totalDepth >= thresholds.queueDepth;
}

bool Metrics::ageAlert(const QueueStats &stats, const AlertThresholds &thresholds)
{
    return thresholds.oldestAgeSeconds > 0 && stats.oldestAgeSeconds >= thresholds.oldestAgeSeconds;
}

QByteArray Metrics::render(const MetricsSnapshot &s) const
{
    QByteArray out;
    header(out, "countersign_queue_depth", "gauge", "Pending actions by category.");
    for (const auto &c : s.queue.categories)
        out += "countersign_queue_depth{category=\"" + label(c.name) + "\"} " + QByteArray::number(c.depth) + '\n';
    header(out, "countersign_queue_depth_total", "gauge", "Pending actions in all categories.");
    out += "countersign_queue_depth_total " + QByteArray::number(s.queue.totalDepth) + '\n';
    header(out, "countersign_queue_oldest_age_seconds", "gauge", "Age of the oldest pending action.");
    for (const auto &c : s.queue.categories)
        out += "countersign_queue_oldest_age_seconds{category=\"" + label(c.name) + "\"} "
            + QByteArray::number(c.oldestAgeSeconds) + '\n';
    header(out, "countersign_queue_sla_breaches", "gauge", "Pending actions past their category's SLA.");
    for (const auto &c : s.queue.categories)
        out += "countersign_queue_sla_breaches{category=\"" + label(c.name) + "\"} " + QByteArray::number(c.slaBreaches)
            + '\n';
    header(out, "countersign_queue_alert", "gauge", "1 when a queue alert threshold is passed.");
    out += "countersign_queue_alert{kind=\"depth\"} " + QByteArray::number(depthAlert(s.queue, s.thresholds) ? 1 : 0)
        + '\n';
    out += "countersign_queue_alert{kind=\"oldest_age\"} " + QByteArray::number(ageAlert(s.queue, s.thresholds) ? 1 : 0)
        + '\n';
    header(out, "countersign_claimed_actions", "gauge", "Actions each reviewer holds a claim on.");
    for (auto it = s.queue.claimedByReviewer.cbegin(); it != s.queue.claimedByReviewer.cend(); ++it)
        out += "countersign_claimed_actions{reviewer=\"" + label(it.key()) + "\"} " + QByteArray::number(it.value())
            + '\n';

    header(out, "countersign_decisions_total", "counter", "Settled actions by outcome and by whom.");
    for (auto it = m_decisions.cbegin(); it != m_decisions.cend(); ++it)
        out += "countersign_decisions_total{outcome=\"" + label(it.key().first) + "\",by=\"" + label(it.key().second)
            + "\"} " + QByteArray::number(it.value()) + '\n';
    header(out, "countersign_action_age_at_decision_seconds", "histogram",
        "Time from submission to the decision, expiry or withdrawal.");
    out += m_ageAtDecision.render("countersign_action_age_at_decision_seconds");

    header(out, "countersign_http_requests_total", "counter", "HTTP requests answered, by route and status.");
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
        out += "countersign_http_requests_total{route=\"" + label(it.key().first) + "\",status=\""
            + QByteArray::number(it.key().second) + "\"} " + QByteArray::number(it.value()) + '\n';
    header(out, "countersign_http_request_duration_seconds", "histogram",
        "Time from routing a request to sending its answer.");
    for (auto it = m_latency.cbegin(); it != m_latency.cend(); ++it)
        out += it->render("countersign_http_request_duration_seconds", "route=\"" + label(it.key()) + '"');
    header(out, "countersign_http_refused_total", "counter", "Requests refused before routing, by status.");
    for (auto it = m_rejected.cbegin(); it != m_rejected.cend(); ++it)
        out += "countersign_http_refused_total{status=\"" + QByteArray::number(it.key()) + "\"} "
            + QByteArray::number(it.value()) + '\n';

    header(out, "countersign_mail_messages_total", "counter",
        "Alert emails by kind, sent or given up after their last attempt.");
    for (auto it = m_mail.cbegin(); it != m_mail.cend(); ++it)
        out += "countersign_mail_messages_total{kind=\"" + label(it.key().first) + "\",outcome=\""
            + label(it.key().second) + "\"} " + QByteArray::number(it.value()) + '\n';
    header(out, "countersign_mail_attempt_failures_total", "counter", "SMTP attempts that failed, by kind of email.");
    for (auto it = m_mailAttemptFailures.cbegin(); it != m_mailAttemptFailures.cend(); ++it)
        out += "countersign_mail_attempt_failures_total{kind=\"" + label(it.key()) + "\"} "
            + QByteArray::number(it.value()) + '\n';

    header(out, "countersign_open_connections", "gauge", "Open HTTP and WebSocket connections.");
    out += "countersign_open_connections " + QByteArray::number(s.openConnections) + '\n';
    header(out, "countersign_event_subscribers", "gauge", "Connected WebSocket event subscribers.");
    out += "countersign_event_subscribers " + QByteArray::number(s.subscribers) + '\n';
    header(out, "countersign_event_subscriber_bytes", "gauge",
        "Bytes of events waiting in the subscribers' sockets (bounded per subscriber and in total).");
    out += "countersign_event_subscriber_bytes " + QByteArray::number(s.subscriberBytes) + '\n';
    header(out, "countersign_event_subscribers_waiting", "gauge",
        "Subscribers behind the live stream, waiting for their client to read before more is sent.");
    out += "countersign_event_subscribers_waiting " + QByteArray::number(s.subscribersWaiting) + '\n';
    header(out, "countersign_long_poll_waiters", "gauge", "Requests waiting for a decision.");
    out += "countersign_long_poll_waiters " + QByteArray::number(s.waiters) + '\n';
    header(out, "countersign_store_batches_total", "counter", "Group commits and reads run by the store thread.");
    out += "countersign_store_batches_total " + QByteArray::number(s.storeBatches) + '\n';
    header(out, "countersign_store_changes_total", "counter", "Action changes committed.");
    out += "countersign_store_changes_total " + QByteArray::number(s.storeChanges) + '\n';
    header(out, "countersign_store_commit_seconds_total", "counter", "Time spent committing.");
    out += "countersign_store_commit_seconds_total " + QByteArray::number(double(s.storeCommitMicros) / 1e6, 'g', 12)
        + '\n';
    header(out, "countersign_store_queue", "gauge", "Store tasks waiting for the next batch.");
    out += "countersign_store_queue " + QByteArray::number(s.storeQueued) + '\n';
    return out;
}

} // namespace Countersign
