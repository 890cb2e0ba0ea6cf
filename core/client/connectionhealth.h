#pragma once

#include "domain/clock.h"

#include <QDateTime>
#include <QString>

namespace Countersign {

// Whether the server can be reached right now, judged only from evidence: every answered
// request and every event-stream message says yes, every request or stream that could not get
// through says no. While it cannot be reached, it says when to try again (1 s, doubling to 15 s),
// so the app never claims "online" on hope and never hammers a server that is down.
class ConnectionHealth
{
public:
    enum class State { Unknown, Reachable, Unreachable };

    explicit ConnectionHealth(const Clock &clock);

    void reset(); // a new connection: nothing known yet
    // Each returns true when the state changed.
    bool reached();
    bool unreachable(const QString &why);

    State state() const { return m_state; }
    QDateTime since() const { return m_since; } // when the current state began
    QString lastError() const { return m_lastError; }

    // While unreachable: whether a probe is due, and the countdown to it for the banner.
    bool probeDue() const;
    int secondsUntilProbe() const;
    void probeStarted(); // schedules the next probe, backing off

    static constexpr qint64 FirstRetryMs = 1000;
    static constexpr qint64 MaxRetryMs = 15000;

private:
    const Clock &m_clock;
    State m_state = State::Unknown;
    QDateTime m_since;
    QDateTime m_nextProbe;
    qint64 m_retryMs = FirstRetryMs;
    QString m_lastError;
};

} // namespace Countersign
