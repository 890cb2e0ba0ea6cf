#pragma once

#include <QtGlobal>

#include <array>

namespace Countersign {

// A histogram of durations in fixed log-scale buckets, so rollups can store it as plain counters
// and a report can sum them and read quantiles without the raw samples.
//
// Bucket 0 holds [0, 1 s); bucket k (1..62) holds [2^((k-1)/3), 2^(k/3)) seconds; bucket 63 holds
// everything from 2^(62/3) s (about 19 days) up. Each bucket spans a factor of 2^(1/3), and a
// quantile is reported as the geometric midpoint of the bucket holding it, so the reported value is
// within a factor of 2^(1/6) (-11 % .. +12.2 %) of the true sample (bucket 0 reports 0.5 s, the
// open last bucket its lower bound). Quantiles use the nearest rank: the ceil(q * n)-th smallest.
class DurationHistogram
{
public:
    static constexpr int Buckets = 64;
    using Counts = std::array<qint64, Buckets>;

    // The bucket of a duration in milliseconds (negative counts as 0).
    static int bucketOf(qint64 milliseconds);
    // The lower bound of bucket `index` in milliseconds (0 for bucket 0).
    static qint64 lowerBoundMs(int index);
    // The value reported for samples in bucket `index`, in seconds.
    static double representativeSeconds(int index);

    // The q-quantile (0 < q <= 1) in seconds, or -1 when the histogram is empty.
    static double quantileSeconds(const Counts &counts, double q);
    static qint64 total(const Counts &counts);
};

} // namespace Countersign
