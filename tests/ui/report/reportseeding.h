#pragma once

#include "client/serverconnection.h"
#include "server/queueserver.h"
#include "server/role.h"

#include <QJsonObject>

#include <memory>

namespace Countersign::Test {

// A client of `server` with a new token of this role and name; null when no token was issued.
std::unique_ptr<ServerConnection> connectAs(QueueServer &server, Role role, const QString &name);

// Submits action number `n` of `type` (a markdown draft, confidence 0.9) as `agent`; the
// server's answer, or an empty object when it refused.
QJsonObject submitSeedAction(ServerConnection &agent, const QString &type, int n, const QString &reasoning);

} // namespace Countersign::Test
