#pragma once

#include "domain/clock.h"
#include "store/store.h"

#include <functional>

namespace Countersign::Test {

// How the backend-neutral store tests reach a backend (SQLite, PostgreSQL), with the same
// tests unchanged.
struct StoreBackend {
    QString name;
    // A location (file path, connection URL, ...) of a fresh, empty database.
    std::function<QString()> freshLocation;
    // A new, unopened store on `location`; called again with the same location to reopen.
    std::function<Result<std::unique_ptr<Store>>(const QString &location, const Clock &clock)> create;
    // Why the backend cannot be tested here (the suites then skip with that message), or empty.
    std::function<QString()> unavailable;
};

} // namespace Countersign::Test
