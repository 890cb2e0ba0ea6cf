#pragma once

#include <QCoreApplication>

namespace Countersign {

// The translated names of the server's roles (agent, reviewer, lead, admin), for every place
// the app shows who is signed in: the status bar, the connect dialog, the About box.
class RoleNames
{
    Q_DECLARE_TR_FUNCTIONS(RoleNames)

public:
    // "lead" -> "lead reviewer" ("Teamleitung"); an unknown role is shown as sent.
    static QString displayName(const QString &role);
};

} // namespace Countersign
