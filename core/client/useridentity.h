#pragma once

#include <QString>

namespace Countersign {

// Who the server says the token belongs to.
struct UserIdentity {
    QString name;
    QString role; // agent | reviewer | lead | admin

    bool canReview() const { return role != QLatin1String("agent") && !role.isEmpty(); }
    bool isLead() const { return role == QLatin1String("lead") || role == QLatin1String("admin"); }
};

} // namespace Countersign
