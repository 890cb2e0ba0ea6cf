#pragma once

#include <QString>

#include <optional>

namespace Countersign {

// What a bearer token may do. Agents stand apart; the reviewer roles form a ladder where each
// step adds to the one below: reviewer < lead < admin.
enum class Role { Agent, Reviewer, Lead, Admin };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

// Who may call a route.
enum class Access {
    Public, // no token needed
    Authenticated, // any valid token; the handler narrows agents to their own actions
    Agent, // agents only
    Reviewer, // reviewer, lead, admin
    Lead, // lead, admin
    Admin,
    Subscriber, // agents (for their own actions) and admins: webhooks; reviewers and leads decide
};

QString accessName(Access access);
bool roleHasAccess(Role role, Access access);

// The caller a valid token identifies.
struct Identity {
    QString name;
    Role role = Role::Agent;
};

} // namespace Countersign
