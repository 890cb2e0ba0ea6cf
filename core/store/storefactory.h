#pragma once

#include "store.h"
#include "storenotifier.h"

namespace Countersign {

class Clock;

// Creates a store from a location: a file path or "sqlite:PATH" for SQLite,
// "postgresql://user@host:port/db?options" for PostgreSQL (see PostgresOptions). The store is
// not opened yet.
Result<std::unique_ptr<Store>> createStore(const QString &location, const Clock &clock);

// The cross-instance change feed for stores several server instances share (PostgreSQL), not
// started yet; nullptr for a store only one process writes (SQLite).
Result<std::unique_ptr<StoreNotifier>> createStoreNotifier(const QString &location);

} // namespace Countersign
