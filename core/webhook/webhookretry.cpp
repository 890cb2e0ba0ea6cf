#include "webhookretry.h"

#include "domain/clock.h"

#include <algorithm>

namespace Countersign {

WebhookRetry::WebhookRetry(const Clock &clock, Schedule schedule)
    : m_clock(clock)
    , m_schedule(schedule)
{ }

std::chrono::milliseconds WebhookRetry::delay(int attempts) const
{
    const qint64 base = std::max<qint64>(1, m_schedule.base.count());
    const qint64 cap = std::max<qint64>(base, m_schedule.cap.count());
    qint64 d = base;
    // Doubling stops at the cap, so the shift never overflows however many attempts were made.
    for (int i = 1; i < attempts && d < cap; ++i)
        d *= 2;
    return std::chrono::milliseconds(std::min(d, cap));
}

WebhookRetry::Next WebhookRetry::afterFailure(int attempts, const QDateTime &createdAt, double jitter) const
{
    const QDateTime now = m_clock.now();
    const QDateTime deadline = createdAt.addMSecs(m_schedule.giveUpAfter.count());
    if (now >= deadline)
        return Next{true, {}};
    const qint64 d = delay(std::max(1, attempts)).count();
    const double j = std::clamp(jitter, 0.0, 1.0);
    const qint64 wait = d / 2 + qint64(double(d - d / 2) * j);
    return Next{false, std::min(now.addMSecs(std::max<qint64>(1, wait)), deadline)};
}

} // namespace Countersign
