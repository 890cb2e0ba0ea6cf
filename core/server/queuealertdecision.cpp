#include "queuealertdecision.h"

#include "domain/timeformat.h"
#include "metrics.h"

namespace Countersign {

QueueAlertDecision::QueueAlertDecision(AlertThresholds thresholds, std::optional<bool> known)
    : m_thresholds(thresholds)
    , m_alerting(known)
{ }

bool QueueAlertDecision::over(const QueueStats &stats, const AlertThresholds &thresholds)
{
    return Metrics::depthAlert(stats, thresholds) || Metrics::ageAlert(stats, thresholds);
}

std::optional<bool> QueueAlertDecision::update(const QueueStats &stats)
{
    const bool alerting = over(stats, m_thresholds);
    if (m_alerting == alerting)
        return std::nullopt;
    m_alerting = alerting;
    return alerting;
}

QJsonObject QueueAlertDecision::eventBody(
    bool raised, const QueueStats &stats, const AlertThresholds &thresholds, const QDateTime &time)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("queue.alert")},
        {QStringLiteral("state"), raised ? QStringLiteral("raised") : QStringLiteral("cleared")},
        {QStringLiteral("depth"), stats.totalDepth}, {QStringLiteral("oldest_age_seconds"), stats.oldestAgeSeconds},
        {QStringLiteral("thresholds"),
            QJsonObject{{QStringLiteral("depth"), thresholds.queueDepth},
                {QStringLiteral("oldest_age_seconds"), thresholds.oldestAgeSeconds}}},
        {QStringLiteral("time"), toIsoUtc(time)}};
}

} // namespace Countersign
