#include "ratelimiter.h"

#include <cmath>

namespace Countersign {

RateLimiter::RateLimiter(double ratePerSecond, double burst)
    : m_rate(ratePerSecond > 0 ? ratePerSecond : 1)
    , m_burst(burst >= 1 ? burst : 1)
{
    m_clock.start();
}

RateLimiter::Verdict RateLimiter::take(const QString &key)
{
    return take(key, m_clock.elapsed());
}

RateLimiter::Verdict RateLimiter::take(const QString &key, qint64 nowMs)
{
    prune(nowMs);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{m_burst, nowMs});
    Bucket &b = *it;
    const double elapsed = double(qMax<qint64>(0, nowMs - b.updatedMs)) / 1000.0;
    b.tokens = qMin(m_burst, b.tokens + elapsed * m_rate);
    b.updatedMs = nowMs;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return {};
    }
    const double wait = (1.0 - b.tokens) / m_rate;
    return Verdict{false, qMax(1, int(std::ceil(wait)))};
}

void RateLimiter::prune(qint64 nowMs)
{
    // Buckets that have refilled completely carry no information: drop them now and then so
    // the table does not grow with every token ever seen.
    if (nowMs - m_lastPruneMs < 60'000)
        return;
    m_lastPruneMs = nowMs;
    const double fullAfterMs = m_burst / m_rate * 1000.0;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (double(nowMs - it->updatedMs) > fullAfterMs)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace Countersign
