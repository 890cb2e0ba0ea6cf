#pragma once

#include <QString>

#include <optional>

namespace Countersign {

// Ordered from loosest to strictest: comparisons use that order.
enum class Tier { Auto = 0, Review = 1, Prohibited = 2 };

QString tierName(Tier tier);
std::optional<Tier> tierFromName(const QString &name);

// The stricter of the two: policy rules may only move an action this way.
constexpr Tier stricterTier(Tier a, Tier b)
{
    return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

constexpr bool isStricter(Tier candidate, Tier than)
{
    return static_cast<int>(candidate) > static_cast<int>(than);
}

} // namespace Countersign
