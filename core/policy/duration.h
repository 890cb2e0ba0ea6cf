#pragma once

#include "domain/error.h"

#include <QString>

#include <chrono>

namespace Countersign {

// Durations as people write them in a policy: "90s", "15m", "4h", "2d" and combinations such as
// "1h30m" or "2d12h". Units are s, m, h, d, each at most once and from the largest down, so that
// a document reads one way only. No spaces, no signs, no fractions. "0s" parses (callers decide
// whether zero makes sense); the total may not exceed ten years.
// Errors are InvalidArgument without a field: the caller knows the JSON path.
Result<std::chrono::seconds> parseDuration(const QString &text);

// The inverse of parseDuration: the shortest combination of units ("1h30m", "2d", "0s").
// Negative values get a leading '-' (parseDuration does not accept them back).
QString formatDuration(std::chrono::seconds duration);

} // namespace Countersign
