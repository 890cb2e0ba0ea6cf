#pragma once

#include "domain/tier.h"

#include <QString>

namespace Countersign {

// One entry of `action_types`: the category of the type and its base tier. Rules may make an
// action of this type stricter, never looser.
struct ActionTypePolicy {
    QString name;
    QString category;
    Tier tier = Tier::Review;
    QString description;

    friend bool operator==(const ActionTypePolicy &, const ActionTypePolicy &) = default;
};

} // namespace Countersign
