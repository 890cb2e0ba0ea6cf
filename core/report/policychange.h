#pragma once

#include "domain/error.h"
#include "domain/tier.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Countersign {

// One edit of a policy document a recommendation or proposal suggests: give `type` this tier,
// and, when `category` is set, move it to that category (how an unassigned type gets a home).
struct PolicyChange {
    QString type;
    Tier tier = Tier::Review;
    QString category = QString(); // empty: a named type keeps its category, a new one gets the default

    QJsonObject toJson() const;
    // Errors name "type", "tier" or "category".
    static Result<PolicyChange> fromJson(const QJsonObject &object);

    // `document` (a policy's JSON) with each change applied: a named type keeps its entry with the
    // new tier, a type the policy does not name gets an entry in `newTypeCategory`; a change's own
    // category, when set, wins in both cases. The document's
    // own "version" goes up by one. The result still has to pass the policy parser.
    static Result<QByteArray> applyAll(
        const QByteArray &document, const QList<PolicyChange> &changes, const QString &newTypeCategory);

    friend bool operator==(const PolicyChange &, const PolicyChange &) = default;
};

} // namespace Countersign
