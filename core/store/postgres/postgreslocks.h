#pragma once

#include <QString>

namespace Countersign {

// The advisory locks the PostgreSQL store takes, as (class, object) pairs so they cannot clash
// with another application's single-key locks. All are transaction-level: released at commit
// or rollback, never leaked by a crashed instance.
namespace PostgresLocks {

constexpr int Class = 0x43534e31; // "CSN1"

enum Object {
    Migrations = 1, // schema migrations, one instance at a time
    Log = 2, // appends to the event log and the audit chain: one linear history
    Policy = 3, // policy version numbers
};

inline QString lockSql(Object object)
{
    return QStringLiteral("SELECT pg_advisory_xact_lock(%1, %2)").arg(Class).arg(int(object));
}

} // namespace PostgresLocks

} // namespace Countersign
