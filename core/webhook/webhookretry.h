#pragma once

#include <QDateTime>

#include <chrono>

namespace Countersign {

class Clock;

// When a failed delivery is tried again, and when it is given up: exponential backoff from
// `base` doubling up to `cap`, with "equal jitter" (half the delay fixed, half random) so
// receivers that came back together are not hit together, for `giveUpAfter` from the
// delivery's creation. The last retry falls on that deadline rather than past it.
class WebhookRetry
{
public:
    struct Schedule {
        std::chrono::milliseconds base{5'000};
        std::chrono::milliseconds cap{3'600'000};
        std::chrono::milliseconds giveUpAfter{24 * 3'600'000};
    };
    struct Next {
        bool giveUp = false;
        QDateTime at; // when to try again (unset when giving up)
    };

    WebhookRetry(const Clock &clock, Schedule schedule);

    // After the `attempts`-th attempt failed (1 for the first) of a delivery created at
    // `createdAt`; `jitter` in [0, 1) picks the random half of the delay.
    Next afterFailure(int attempts, const QDateTime &createdAt, double jitter) const;
    // The delay before retry `attempts` without its jitter: base * 2^(attempts-1), at most cap.
    std::chrono::milliseconds delay(int attempts) const;

private:
    const Clock &m_clock;
    Schedule m_schedule;
};

} // namespace Countersign
