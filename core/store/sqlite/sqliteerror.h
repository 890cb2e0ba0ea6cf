#pragma once

#include "domain/error.h"

class QSqlError;

namespace Countersign {

// SQLite primary result codes the store tells apart (extended codes are masked to these).
enum class SqliteResult {
    Error = 1,
    Busy = 5,
    Locked = 6,
    NoMemory = 7,
    ReadOnly = 8,
    IoError = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    Constraint = 19,
    NotADatabase = 26,
};

// The primary SQLite result code behind a QtSql error, 0 when there is none.
int sqlitePrimaryCode(const QSqlError &error);

// Maps a driver error to an Error value: storage conditions (busy, locked, read-only, full,
// I/O, damaged file) become Unavailable with a message naming the file, a violated constraint
// (unique key, append-only trigger) becomes Conflict, anything else is Internal. `doing` says what the store was doing
// ("committing 3 changes").
Error sqliteError(const QSqlError &error, const QString &path, const QString &doing);

} // namespace Countersign
