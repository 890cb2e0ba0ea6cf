#pragma once

#include "durationhistogram.h"

#include <QStringList>

namespace Countersign {

// The additive figures of one rollup row: counters and two duration histograms. Every field is a
// plain sum, so rows merge by addition, in C++ (operator+=) or in SQL (sum() per column).
struct RollupCounts {
    qint64 submitted = 0;
    qint64 autoApproved = 0;
    qint64 prohibited = 0;
    qint64 approved = 0; // by a reviewer, unmodified
    qint64 modified = 0;
    qint64 rejected = 0; // by a reviewer
    qint64 expired = 0;
    qint64 withdrawn = 0;
    qint64 slaBreaches = 0;
    qint64 escalations = 0;
    DurationHistogram::Counts queueTime{}; // submission -> reviewer's decision or expiry
    DurationHistogram::Counts decideTime{}; // decider's claim -> decision

    qint64 reviewed() const { return approved + modified + rejected; }
    bool isEmpty() const;
    RollupCounts &operator+=(const RollupCounts &other);

    // The store's columns, in a fixed order: the ten counters (snake_case), then q00..q63 and
    // d00..d63 for the histogram buckets.
    static constexpr int Counters = 10;
    static constexpr int ColumnCount = Counters + 2 * DurationHistogram::Buckets;
    static const QStringList &columnNames();
    qint64 column(int index) const;
    void setColumn(int index, qint64 value);

    friend bool operator==(const RollupCounts &, const RollupCounts &) = default;
};

} // namespace Countersign
