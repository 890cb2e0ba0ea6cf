#include "scheduler.h"

#include "domain/clock.h"
#include "logging.h"
#include "policy/policyengine.h"
#include "schedulerplanner.h"
#include "storeworker.h"

namespace Countersign {

Scheduler::Scheduler(
    StoreWorker *worker, const PolicyEngine *policy, const Clock *clock, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_policy(policy)
    , m_clock(clock)
    , m_batch(qMax(1, config.schedulerBatch))
{
    m_timer.setInterval(config.schedulerInterval);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_busy)
            pass();
    });
}

void Scheduler::start()
{
    m_timer.start();
}

void Scheduler::stop()
{
    m_timer.stop();
    m_again = false;
}

void Scheduler::runOnce()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    pass();
}

void Scheduler::pass()
{
    m_busy = true;
    const QDateTime now = m_clock->now();
    auto report = std::make_shared<SchedulerReport>();
    const PolicyEngine *policy = m_policy;
    const int limit = m_batch;
    StoreTask task;
    task.context = this;
    task.plan = [report, policy, now, limit](Store &store) -> QList<ActionChange> {
        auto due = store.dueActions(now, limit);
        if (!due) {
            report->error = due.error().toString();
            return {};
        }
        report->due = int(due->size());
        // The engine is safe to read from the store thread.
        const auto rules = [policy](const Action &a) {
            const PolicyEvaluation e = policy->evaluate(ActionFacts{a.type, a.category, a.confidence, a.context});
            return SchedulerPlanner::CategoryRules{e.onExpiry, e.expiryApprovalAllowed, e.escalateTo};
        };
        SchedulerPlanner::Plan plan = SchedulerPlanner::plan(*due, rules, now);
        report->expired = plan.expired;
        report->escalated = plan.escalated;
        report->leasesReleased = plan.leasesReleased;
        report->reassigned = plan.reassigned;
        return plan.changes;
    };
    task.committed = [report](const QList<Result<CommitResult>> &results) {
        for (const auto &r : results) {
            if (r)
                ++report->committed;
            else if (r.error().code == ErrorCode::Conflict)
                ++report->conflicts;
            else
                report->error = r.error().toString();
        }
        return false;
    };
    task.deliver = [this, report, limit] {
        m_busy = false;
        if (!report->error.isEmpty())
            qCWarning(lcServer) << "scheduler pass failed:" << report->error;
        else if (report->committed > 0)
            qCInfo(lcServer) << "scheduler:" << report->expired << "expired," << report->escalated << "escalated,"
                             << report->leasesReleased << "claims lapsed," << report->reassigned << "reassigned";
        Q_EMIT passFinished(*report);
        // A full page means more may be due: go again without waiting for the timer.
        if (std::exchange(m_again, false) || (report->due >= limit && report->committed > 0))
            pass();
    };
    m_worker->post(std::move(task));
}

} // namespace Countersign
