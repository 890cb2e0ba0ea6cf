#pragma once

#include "domain/error.h"

#include <QFuture>

namespace Countersign {

class ServerConnection;

// The version a countersign-server reports on GET /healthz (for the About box). Servers from
// before the version was reported there answer with an error value, not an empty string.
QFuture<Result<QString>> fetchServerVersion(ServerConnection *connection);

} // namespace Countersign
