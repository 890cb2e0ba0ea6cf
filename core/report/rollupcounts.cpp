#include "rollupcounts.h"

#include <array>

namespace Countersign {

namespace {

using Counter = qint64 RollupCounts::*;
constexpr std::array<Counter, RollupCounts::Counters> CounterMembers{&RollupCounts::submitted,
    &RollupCounts::autoApproved, &RollupCounts::prohibited, &RollupCounts::approved, &RollupCounts::modified,
    &RollupCounts::rejected, &RollupCounts::expired, &RollupCounts::withdrawn, &RollupCounts::slaBreaches,
    &RollupCounts::escalations};

QStringList makeColumnNames()
{
    QStringList names{QStringLiteral("submitted"), QStringLiteral("auto_approved"), QStringLiteral("prohibited"),
        QStringLiteral("approved"), QStringLiteral("modified"), QStringLiteral("rejected"), QStringLiteral("expired"),
        QStringLiteral("withdrawn"), QStringLiteral("sla_breaches"), QStringLiteral("escalations")};
    for (const QChar prefix : {u'q', u'd'}) {
        for (int i = 0; i < DurationHistogram::Buckets; ++i)
            names.append(prefix + QStringLiteral("%1").arg(i, 2, 10, QLatin1Char('0')));
    }
    return names;
}

} // namespace

bool RollupCounts::isEmpty() const
{
    return *this == RollupCounts();
}

RollupCounts &RollupCounts::operator+=(const RollupCounts &other)
{
    for (Counter c : CounterMembers)
        this->*c += other.*c;
    for (int i = 0; i < DurationHistogram::Buckets; ++i) {
        queueTime[std::size_t(i)] += other.queueTime[std::size_t(i)];
        decideTime[std::size_t(i)] += other.decideTime[std::size_t(i)];
    }
    return *this;
}

const QStringList &RollupCounts::columnNames()
{
    static const QStringList names = makeColumnNames();
    return names;
}

qint64 RollupCounts::column(int index) const
{
    if (index < Counters)
        return this->*CounterMembers.at(std::size_t(index));
    index -= Counters;
    if (index < DurationHistogram::Buckets)
        return queueTime.at(std::size_t(index));
    return decideTime.at(std::size_t(index - DurationHistogram::Buckets));
}

void RollupCounts::setColumn(int index, qint64 value)
{
    if (index < Counters) {
        this->*CounterMembers.at(std::size_t(index)) = value;
        return;
    }
    index -= Counters;
    if (index < DurationHistogram::Buckets)
        queueTime.at(std::size_t(index)) = value;
    else
        decideTime.at(std::size_t(index - DurationHistogram::Buckets)) = value;
}

} // namespace Countersign
