#pragma once

#include "domain/expiryoutcome.h"

#include <QString>
#include <QStringList>

#include <chrono>

namespace Countersign {

// One category of a policy: how long reviewers have (SLA, then escalation) and what happens
// when nobody decides before the expiry.
struct CategoryPolicy {
    QString name;
    QString description;
    std::chrono::seconds sla{};
    std::chrono::seconds expiresAfter{};
    ExpiryOutcome onExpiry = ExpiryOutcome::Reject;
    // Approval on expiry needs this explicit opt-in; the parser refuses "approve" without it.
    bool allowExpiryApproval = false;
    QStringList escalateTo;

    friend bool operator==(const CategoryPolicy &, const CategoryPolicy &) = default;
};

} // namespace Countersign
