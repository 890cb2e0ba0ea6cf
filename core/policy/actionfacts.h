#pragma once

#include <QJsonObject>
#include <QString>

namespace Countersign {

// What the policy looks at when it places an action in a tier: the already validated
// request of an agent, reduced to the fields that rules can match on.
struct ActionFacts {
    QString type; // e.g. "refund.issue"
    QString categoryHint; // the agent's guess, used only for types the policy does not name
    double confidence = 1.0; // 0..1; a value that is not a number counts as 0 (no confidence)
    QJsonObject context; // rules look into it with `context.<dotted.path>_above` and friends
};

} // namespace Countersign
