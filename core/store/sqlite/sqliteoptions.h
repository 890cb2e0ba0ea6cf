#pragma once

#include <QtGlobal>

namespace Countersign {

// How a SQLite store opens its file. The defaults suit the server; "sqlite:PATH?mode=ro&..."
// locations set the others (see createStore()).
struct SqliteOptions {
    // Open without write access: reads work, every write fails with Unavailable. For audits
    // and reports on a copy, and for databases on read-only media.
    bool readOnly = false;
    // How long a write waits for another connection's lock before giving up with Unavailable.
    int busyTimeoutMs = 5000;
    // Upper bound of the database file (0: none). Past it, writes fail as on a full disk.
    qint64 maxSizeBytes = 0;
};

} // namespace Countersign
