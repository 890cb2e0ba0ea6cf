#pragma once

#include <QList>

#include <algorithm>

namespace Countersign::Bench {

// The middle value of a benchmark's repeated runs (0 for none): steadier than the mean when
// another program takes the core for a moment.
inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace Countersign::Bench
