#include "tier.h"

namespace Countersign {

QString tierName(Tier tier)
{
    switch (tier) {
    case Tier::Auto:
        return QStringLiteral("auto");
    case Tier::Review:
        return QStringLiteral("review");
    case Tier::Prohibited:
        return QStringLiteral("prohibited");
    }
    return {};
}

std::optional<Tier> tierFromName(const QString &name)
{
    if (name == QLatin1String("auto"))
        return Tier::Auto;
    if (name == QLatin1String("review"))
        return Tier::Review;
    if (name == QLatin1String("prohibited"))
        return Tier::Prohibited;
    return std::nullopt;
}

} // namespace Countersign
