#pragma once

#include "client/serverconnection.h"
#include "server/queueserver.h"
#include "server/role.h"

#include <QJsonObject>

#include <memory>

namespace Countersign {
class ReportWindow;
}

namespace Countersign::Test {

// A client of `server` with a new token of this role and name; null when no token was issued.
std::unique_ptr<ServerConnection> connectAs(QueueServer &server, Role role, const QString &name);

// Submits action number `n` of `type` (a markdown draft, confidence 0.9) as `agent`; the
// server's answer, or an empty object when it refused.
QJsonObject submitSeedAction(ServerConnection &agent, const QString &type, int n, const QString &reasoning);

// A shown report window of `lead` over yesterday to tomorrow (UTC), once its first load has
// come; null when none came within 20 s.
std::unique_ptr<ReportWindow> openTodaysReport(ServerConnection *lead);

} // namespace Countersign::Test
