#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace Countersign {

// A token bucket per caller: `burst` requests at once, refilled at `ratePerSecond`. Time is a
// monotonic millisecond count passed in, so tests can drive it.
class RateLimiter
{
public:
    RateLimiter(double ratePerSecond, double burst);

    struct Verdict {
        bool allowed = true;
        int retryAfterSeconds = 0; // when refused: how long until one request is allowed again
    };

    Verdict take(const QString &key, qint64 nowMs);
    Verdict take(const QString &key); // with the process's monotonic clock

    qsizetype trackedKeys() const { return m_buckets.size(); }

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    void prune(qint64 nowMs);

    double m_rate;
    double m_burst;
    QHash<QString, Bucket> m_buckets;
    QElapsedTimer m_clock;
    qint64 m_lastPruneMs = 0;
};

} // namespace Countersign
