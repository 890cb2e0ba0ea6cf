#pragma once

#include "domain/error.h"

class QSqlError;

namespace Countersign {

// Maps a QPSQL error to an Error value by its SQLSTATE: a violated unique key, check or
// append-only trigger becomes Conflict; lost connections, timeouts, lock waits, serialization
// failures, a read-only or full server become Unavailable (retry later); anything else is
// Internal. `where` names the database (without password), `doing` what the store was doing.
Error postgresError(const QSqlError &error, const QString &where, const QString &doing);

// True when the error means the connection is gone and must be opened again.
bool isPostgresConnectionLoss(const QSqlError &error);

} // namespace Countersign
