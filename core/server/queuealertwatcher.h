#pragma once

#include "queuealertdecision.h"
#include "serverconfig.h"

#include <QObject>

#include <optional>

namespace Countersign {

class Clock;
class StoreWorker;

// Raises and clears the queue.alert webhook event: after each scheduler pass it reads the queue
// (on the store thread, like any read) and, when its alert state is new to this instance,
// records the state in the store, which writes the deliveries only when its update changed the
// stored state. So each crossing is delivered once however many instances see it, and without
// SMTP. The first look after a start always asks the store (the state before it is unknown).
class QueueAlertWatcher : public QObject
{
    Q_OBJECT
public:
    QueueAlertWatcher(AlertThresholds thresholds, const Clock &clock, StoreWorker *worker, QObject *parent = nullptr);

    void checkQueue();

Q_SIGNALS:
    // This instance wrote the queue.alert deliveries of a crossing (raised) or of its clearing.
    void recorded(bool raised);

private:
    const Clock &m_clock;
    StoreWorker *m_worker;
    AlertThresholds m_thresholds;
    std::optional<bool> m_known; // the state last recorded or found in the store
    bool m_checking = false;
};

} // namespace Countersign
