#pragma once

#include <QDateTime>

namespace Countersign {

// Time is injected so that SLA, expiry and lease logic can be tested without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace Countersign
