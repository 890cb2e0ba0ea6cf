#include "reportgroup.h"

#include <QJsonValue>

#include <array>
#include <utility>

namespace Countersign {

namespace {

using Counter = qint64 ReportGroup::*;
constexpr std::array<std::pair<const char *, Counter>, 11> Counters{{{"submitted", &ReportGroup::submitted},
    {"auto_approved", &ReportGroup::autoApproved}, {"prohibited", &ReportGroup::prohibited},
    {"reviewed", &ReportGroup::reviewed}, {"approved", &ReportGroup::approved}, {"modified", &ReportGroup::modified},
    {"rejected", &ReportGroup::rejected}, {"expired", &ReportGroup::expired}, {"withdrawn", &ReportGroup::withdrawn},
    {"sla_breaches", &ReportGroup::slaBreaches}, {"escalations", &ReportGroup::escalations}}};

using Rate = double ReportGroup::*;
constexpr std::array<std::pair<const char *, Rate>, 3> Rates{{{"approval_rate", &ReportGroup::approvalRate},
    {"modification_rate", &ReportGroup::modificationRate}, {"rejection_rate", &ReportGroup::rejectionRate}}};

// Durations are null when there is no data.
constexpr std::array<std::pair<const char *, Rate>, 3> Durations{
    {{"queue_time_median_s", &ReportGroup::queueMedianSeconds}, {"queue_time_p95_s", &ReportGroup::queueP95Seconds},
        {"decide_time_median_s", &ReportGroup::decideMedianSeconds}}};

} // namespace

QJsonObject ReportGroup::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key}};
    for (const auto &[name, member] : Counters)
        o.insert(QLatin1String(name), double(this->*member));
    for (const auto &[name, member] : Rates)
        o.insert(QLatin1String(name), this->*member);
    for (const auto &[name, member] : Durations)
        o.insert(QLatin1String(name), this->*member < 0 ? QJsonValue() : QJsonValue(this->*member));
    return o;
}

Result<ReportGroup> ReportGroup::fromJson(const QJsonObject &object)
{
    ReportGroup g;
    const QJsonValue key = object.value(QLatin1String("key"));
    if (!key.isString())
        return fail(Error::invalid(QStringLiteral("key"), QStringLiteral("must be a string")));
    g.key = key.toString();
    for (const auto &[name, member] : Counters) {
        const QJsonValue v = object.value(QLatin1String(name));
        if (v.isUndefined())
            continue;
        if (!v.isDouble() || v.toDouble() < 0)
            return fail(Error::invalid(QLatin1String(name), QStringLiteral("must be a count (a number >= 0)")));
        g.*member = v.toInteger();
    }
    for (const auto &[name, member] : Rates) {
        const QJsonValue v = object.value(QLatin1String(name));
        if (v.isUndefined())
            continue;
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1)
            return fail(Error::invalid(QLatin1String(name), QStringLiteral("must be a number from 0 to 1")));
        g.*member = v.toDouble();
    }
    for (const auto &[name, member] : Durations) {
        const QJsonValue v = object.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull()) {
            g.*member = -1;
            continue;
        }
        if (!v.isDouble() || v.toDouble() < 0)
            return fail(Error::invalid(QLatin1String(name), QStringLiteral("must be seconds (a number >= 0) or null")));
        g.*member = v.toDouble();
    }
    return g;
}

} // namespace Countersign
