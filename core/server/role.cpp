#include "role.h"

namespace Countersign {

QString roleName(Role role)
{
    switch (role) {
    case Role::Agent:
        return QStringLiteral("agent");
    case Role::Reviewer:
        return QStringLiteral("reviewer");
    case Role::Lead:
        return QStringLiteral("lead");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (auto r : {Role::Agent, Role::Reviewer, Role::Lead, Role::Admin}) {
        if (roleName(r) == name)
            return r;
    }
    return std::nullopt;
}

QString accessName(Access access)
{
    switch (access) {
    case Access::Public:
        return QStringLiteral("public");
    case Access::Authenticated:
        return QStringLiteral("any role");
    case Access::Agent:
        return QStringLiteral("agent");
    case Access::Reviewer:
        return QStringLiteral("reviewer, lead or admin");
    case Access::Lead:
        return QStringLiteral("lead or admin");
    case Access::Admin:
        return QStringLiteral("admin");
    case Access::Subscriber:
        return QStringLiteral("agent or admin");
    }
    return {};
}

bool roleHasAccess(Role role, Access access)
{
    switch (access) {
    case Access::Public:
    case Access::Authenticated:
        return true;
    case Access::Agent:
        return role == Role::Agent;
    case Access::Reviewer:
        return role == Role::Reviewer || role == Role::Lead || role == Role::Admin;
    case Access::Lead:
        return role == Role::Lead || role == Role::Admin;
    case Access::Admin:
        return role == Role::Admin;
    case Access::Subscriber:
        return role == Role::Agent || role == Role::Admin;
    }
    return false;
}

} // namespace Countersign
