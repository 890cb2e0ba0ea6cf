#pragma once

#include "serverconfig.h"
#include "store/queuestats.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace Countersign {

// Whether the queue is over an alert threshold (depth or oldest age), and when that has just
// changed: the alert once when it crosses, the all-clear once when both are back under, never
// once per scheduler pass. Pure logic over values; AlertMailPlanner (email) and
// QueueAlertWatcher (queue.alert webhooks) both decide with it.
class QueueAlertDecision
{
public:
    // `known`: the state before the first look; none when it is unknown (then the first
    // update() reports the state whatever it is).
    QueueAlertDecision(AlertThresholds thresholds, std::optional<bool> known);

    // The new state (true: over a threshold) when it differs from the last one, else none.
    std::optional<bool> update(const QueueStats &stats);
    bool alerting() const { return m_alerting.value_or(false); }
    const AlertThresholds &thresholds() const { return m_thresholds; }

    static bool over(const QueueStats &stats, const AlertThresholds &thresholds);
    // The queue.alert webhook body: {type, state, depth, oldest_age_seconds, thresholds, time}.
    static QJsonObject eventBody(
        bool raised, const QueueStats &stats, const AlertThresholds &thresholds, const QDateTime &time);

private:
    AlertThresholds m_thresholds;
    std::optional<bool> m_alerting;
};

} // namespace Countersign
