#include "failedauthlimiter.h"

#include "domain/clock.h"

#include <cmath>

namespace Countersign {

namespace {

constexpr qint64 PruneEveryMs = 60'000;

} // namespace

FailedAuthLimiter::FailedAuthLimiter(const Clock &clock, int failures, int windowSeconds)
    : m_clock(clock)
    , m_capacity(qMax(1, failures))
    , m_perMs(double(qMax(1, failures)) / (double(qMax(1, windowSeconds)) * 1000.0))
{ }

qint64 FailedAuthLimiter::nowMs() const
{
    return m_clock.now().toMSecsSinceEpoch();
}

double FailedAuthLimiter::level(const Bucket &bucket, qint64 now) const
{
    const double elapsed = double(qMax<qint64>(0, now - bucket.updatedMs));
    return qMin(m_capacity, bucket.tokens + elapsed * m_perMs);
}

int FailedAuthLimiter::retryAfterSeconds(const QString &address) const
{
    const auto it = m_buckets.constFind(address);
    if (it == m_buckets.cend())
        return 0;
    const double tokens = level(*it, nowMs());
    if (tokens >= 1.0)
        return 0;
    // The epsilon keeps rounding noise (1.0000000002 s) from adding a whole second.
    return qMax(1, int(std::ceil((1.0 - tokens) / m_perMs / 1000.0 - 1e-6)));
}

void FailedAuthLimiter::recordFailure(const QString &address)
{
    const qint64 now = nowMs();
    prune(now);
    auto it = m_buckets.find(address);
    if (it == m_buckets.end())
        it = m_buckets.insert(address, Bucket{m_capacity, now});
    it->tokens = qMax(0.0, level(*it, now) - 1.0);
    it->updatedMs = now;
}

void FailedAuthLimiter::prune(qint64 now)
{
    // A bucket that has refilled says nothing: drop those now and then, so addresses that
    // failed once do not pile up.
    if (now - m_lastPruneMs < PruneEveryMs)
        return;
    m_lastPruneMs = now;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (level(*it, now) >= m_capacity)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace Countersign
