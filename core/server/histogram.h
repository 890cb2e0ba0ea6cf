#pragma once

#include <QByteArray>
#include <QList>

namespace Countersign {

// A Prometheus histogram: counts per upper bound, plus sum and count.
class Histogram
{
public:
    explicit Histogram(QList<double> upperBounds = defaultLatencyBounds());

    void observe(double value);
    qint64 count() const { return m_count; }
    double sum() const { return m_sum; }
    // "<name>_bucket{<labels>,le="..."} N" lines, then _sum and _count.
    QByteArray render(const QByteArray &name, const QByteArray &labels = {}) const;

    static QList<double> defaultLatencyBounds(); // seconds, 0.5 ms .. 60 s
    static QList<double> ageBounds(); // seconds, 1 s .. 7 days

private:
    QList<double> m_bounds;
    QList<qint64> m_counts; // per bound, not cumulative
    qint64 m_count = 0;
    double m_sum = 0;
};

} // namespace Countersign
