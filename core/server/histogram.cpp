#include "histogram.h"

#include <algorithm>

namespace Countersign {

Histogram::Histogram(QList<double> upperBounds)
    : m_bounds(std::move(upperBounds))
    , m_counts(m_bounds.size(), 0)
{
    std::sort(m_bounds.begin(), m_bounds.end());
}

QList<double> Histogram::defaultLatencyBounds()
{
    return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
}

QList<double> Histogram::ageBounds()
{
    return {1, 10, 30, 60, 300, 900, 1800, 3600, 4 * 3600, 12 * 3600, 86400, 3 * 86400, 7 * 86400};
}

void Histogram::observe(double value)
{
    ++m_count;
    m_sum += value;
    const auto it = std::lower_bound(m_bounds.cbegin(), m_bounds.cend(), value);
    if (it != m_bounds.cend())
        ++m_counts[it - m_bounds.cbegin()];
}

QByteArray Histogram::render(const QByteArray &name, const QByteArray &labels) const
{
    QByteArray out;
    const QByteArray prefix = labels.isEmpty() ? QByteArray() : labels + ',';
    qint64 cumulative = 0;
    for (qsizetype i = 0; i < m_bounds.size(); ++i) {
        cumulative += m_counts.at(i);
        out += name + "_bucket{" + prefix + "le=\"" + QByteArray::number(m_bounds.at(i), 'g', 6) + "\"} "
            + QByteArray::number(cumulative) + '\n';
    }
    out += name + "_bucket{" + prefix + "le=\"+Inf\"} " + QByteArray::number(m_count) + '\n';
    const QByteArray plain = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += name + "_sum" + plain + ' ' + QByteArray::number(m_sum, 'g', 12) + '\n';
    out += name + "_count" + plain + ' ' + QByteArray::number(m_count) + '\n';
    return out;
}

} // namespace Countersign
