#pragma once

#include "serverconfig.h"

#include <QMetaType>
#include <QObject>
#include <QTimer>

namespace Countersign {

class Clock;
class PolicyEngine;
class StoreWorker;

// What one scheduler pass did.
struct SchedulerReport {
    int due = 0;
    int expired = 0;
    int escalated = 0;
    int leasesReleased = 0;
    int reassigned = 0;
    int committed = 0;
    int conflicts = 0; // changed by someone else meanwhile: looked at again next pass
    QString error;
};

// Keeps the queue from backing up: a timer (or an explicit runOnce()) asks the store for due
// actions as of the injected clock, plans their transitions with SchedulerPlanner and commits
// them. Runs as one task on the store thread, so a pass never blocks the event loop.
class Scheduler : public QObject
{
    Q_OBJECT
public:
    Scheduler(StoreWorker *worker, const PolicyEngine *policy, const Clock *clock, const ServerConfig &config,
        QObject *parent = nullptr);

    void start(); // the periodic timer
    void stop();
    // One pass now (or right after the pass in flight); passFinished reports it.
    void runOnce();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void passFinished(const Countersign::SchedulerReport &report);

private:
    void pass();

    StoreWorker *m_worker;
    const PolicyEngine *m_policy;
    const Clock *m_clock;
    int m_batch;
    QTimer m_timer;
    bool m_busy = false;
    bool m_again = false;
};

} // namespace Countersign

Q_DECLARE_METATYPE(Countersign::SchedulerReport)
