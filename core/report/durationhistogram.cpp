#include "durationhistogram.h"

#include <algorithm>
#include <cmath>

namespace Countersign {

namespace {

// round(1000 * 2^(k/3)) for k = 0..62: the upper bound of bucket k in milliseconds. Kept as
// literals so the SQL backfill of migration 0004 (which spells the same numbers) matches exactly.
constexpr std::array<qint64, DurationHistogram::Buckets - 1> UpperBoundsMs{1000, 1260, 1587, 2000, 2520, 3175, 4000,
    5040, 6350, 8000, 10079, 12699, 16000, 20159, 25398, 32000, 40317, 50797, 64000, 80635, 101594, 128000, 161270,
    203187, 256000, 322540, 406375, 512000, 645080, 812749, 1024000, 1290159, 1625499, 2048000, 2580318, 3250997,
    4096000, 5160637, 6501995, 8192000, 10321273, 13003989, 16384000, 20642546, 26007979, 32768000, 41285093, 52015958,
    65536000, 82570186, 104031915, 131072000, 165140372, 208063831, 262144000, 330280744, 416127661, 524288000,
    660561487, 832255323, 1048576000, 1321122975, 1664510645};

} // namespace

int DurationHistogram::bucketOf(qint64 milliseconds)
{
    const auto it = std::upper_bound(UpperBoundsMs.begin(), UpperBoundsMs.end(), milliseconds);
    return int(it - UpperBoundsMs.begin());
}

qint64 DurationHistogram::lowerBoundMs(int index)
{
    if (index <= 0)
        return 0;
    return UpperBoundsMs.at(std::min<std::size_t>(std::size_t(index - 1), UpperBoundsMs.size() - 1));
}

double DurationHistogram::representativeSeconds(int index)
{
    if (index <= 0)
        return 0.5;
    if (index >= Buckets - 1)
        return double(lowerBoundMs(Buckets - 1)) / 1000.0;
    return std::sqrt(double(lowerBoundMs(index)) * double(UpperBoundsMs.at(std::size_t(index)))) / 1000.0;
}

qint64 DurationHistogram::total(const Counts &counts)
{
    qint64 n = 0;
    for (qint64 c : counts)
        n += c;
    return n;
}

double DurationHistogram::quantileSeconds(const Counts &counts, double q)
{
    const qint64 n = total(counts);
    if (n <= 0)
        return -1;
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(std::clamp(q, 0.0, 1.0) * double(n) - 1e-9)));
    qint64 seen = 0;
    for (int i = 0; i < Buckets; ++i) {
        seen += counts.at(std::size_t(i));
        if (seen >= rank)
            return representativeSeconds(i);
    }
    return representativeSeconds(Buckets - 1);
}

} // namespace Countersign
