#include "connectionhealth.h"

namespace Countersign {

ConnectionHealth::ConnectionHealth(const Clock &clock)
    : m_clock(clock)
{ }

void ConnectionHealth::reset()
{
    m_state = State::Unknown;
    m_since = m_clock.now();
    m_nextProbe = {};
    m_retryMs = FirstRetryMs;
    m_lastError.clear();
}

bool ConnectionHealth::reached()
{
    m_retryMs = FirstRetryMs;
    m_nextProbe = {};
    if (m_state == State::Reachable)
        return false;
    m_state = State::Reachable;
    m_since = m_clock.now();
    m_lastError.clear();
    return true;
}

bool ConnectionHealth::unreachable(const QString &why)
{
    m_lastError = why;
    if (m_state == State::Unreachable)
        return false;
    m_state = State::Unreachable;
    m_since = m_clock.now();
    m_retryMs = FirstRetryMs;
    m_nextProbe = m_since.addMSecs(m_retryMs);
    return true;
}

bool ConnectionHealth::probeDue() const
{
    return m_state == State::Unreachable && m_nextProbe.isValid() && m_clock.now() >= m_nextProbe;
}

int ConnectionHealth::secondsUntilProbe() const
{
    if (m_state != State::Unreachable || !m_nextProbe.isValid())
        return 0;
    const qint64 ms = m_clock.now().msecsTo(m_nextProbe);
    return int(std::max<qint64>(0, (ms + 999) / 1000));
}

void ConnectionHealth::probeStarted()
{
    m_retryMs = std::min(m_retryMs * 2, MaxRetryMs);
    m_nextProbe = m_clock.now().addMSecs(m_retryMs);
}

} // namespace Countersign
