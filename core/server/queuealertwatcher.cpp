#include "queuealertwatcher.h"

#include "domain/clock.h"
#include "logging.h"
#include "storeworker.h"

#include <QJsonDocument>

namespace Countersign {

namespace {

struct AlertCheck {
    std::optional<bool> state; // the queue's state, when it was new to this instance
    bool written = false; // this instance's update changed the stored state
};

} // namespace

QueueAlertWatcher::QueueAlertWatcher(
    AlertThresholds thresholds, const Clock &clock, StoreWorker *worker, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_worker(worker)
    , m_thresholds(thresholds)
{ }

void QueueAlertWatcher::checkQueue()
{
    if (m_checking || (m_thresholds.queueDepth <= 0 && m_thresholds.oldestAgeSeconds <= 0))
        return;
    m_checking = true;
    const QDateTime now = m_clock.now();
    // One store task: read the queue, and write only when its state is new to this instance.
    m_worker->read<AlertCheck>(
        this,
        [now, known = m_known, thresholds = m_thresholds](Store &store) -> Result<AlertCheck> {
            auto stats = store.queueStats(now);
            if (!stats)
                return fail(stats.error());
            QueueAlertDecision decision(thresholds, known);
            const std::optional<bool> changed = decision.update(*stats);
            if (!changed)
                return AlertCheck{};
            const QByteArray body = QJsonDocument(QueueAlertDecision::eventBody(*changed, *stats, thresholds, now))
                                        .toJson(QJsonDocument::Compact);
            auto written = store.recordQueueAlert(*changed, body);
            if (!written)
                return fail(written.error());
            return AlertCheck{changed, *written};
        },
        [this](Result<AlertCheck> outcome) {
            m_checking = false;
            if (!outcome) {
                qCWarning(lcServer) << "cannot record the queue alert:" << outcome.error().toString();
                return;
            }
            if (!outcome->state)
                return;
            m_known = outcome->state;
            if (outcome->written) {
                qCInfo(lcServer) << "queue alert" << (*outcome->state ? "raised" : "cleared");
                Q_EMIT recorded(*outcome->state);
            }
        });
}

} // namespace Countersign
