#pragma once

#include "store.h"

namespace Countersign {

class Clock;

// Creates a store from a location: a file path or "sqlite:PATH" for SQLite,
// "postgresql://user@host:port/db" for PostgreSQL. The store is not opened yet.
Result<std::unique_ptr<Store>> createStore(const QString &location, const Clock &clock);

} // namespace Countersign
