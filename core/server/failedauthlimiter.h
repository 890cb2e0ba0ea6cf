#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace Countersign {

class Clock;

// Back-off for failed authentication, per client address: a token bucket of `failures`
// failures, refilled over `windowSeconds` (20 a minute by default). An address that has used
// its bucket gets 429 for unknown tokens until it refills; tokens the server already knows
// as valid are never held back, so one guessing client does not lock out its neighbours
// behind the same address. Time comes from the injected Clock.
class FailedAuthLimiter
{
public:
    FailedAuthLimiter(const Clock &clock, int failures, int windowSeconds);

    // Seconds until this address may try an unknown token again; 0 if it may now.
    int retryAfterSeconds(const QString &address) const;
    // Takes one failure from the address's bucket.
    void recordFailure(const QString &address);

    qsizetype trackedAddresses() const { return m_buckets.size(); }

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    double level(const Bucket &bucket, qint64 nowMs) const;
    qint64 nowMs() const;
    void prune(qint64 nowMs);

    const Clock &m_clock;
    double m_capacity;
    double m_perMs; // refill rate
    QHash<QString, Bucket> m_buckets;
    qint64 m_lastPruneMs = 0;
};

} // namespace Countersign
