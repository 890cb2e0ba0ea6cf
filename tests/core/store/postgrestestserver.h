#pragma once

#include "domain/error.h"

#include <QString>
#include <QVariantList>

#include <optional>

namespace Countersign::Test {

// The PostgreSQL server the ctest fixture "postgres" started (tests/support/postgres-fixture.sh),
// reached through COUNTERSIGN_TEST_PG_URL. Each test gets databases of its own, named after the
// process so parallel test executables never share one.
class PostgresTestServer
{
public:
    // Why PostgreSQL tests cannot run here ("PostgreSQL unavailable: ..."), or nothing.
    static std::optional<QString> unavailableReason();
    // The URL of the maintenance database ("postgres").
    static QString adminUrl();
    // Creates an empty database and returns its URL.
    static Result<QString> createDatabase();
    // The same URL pointing at another database of the server.
    static QString urlFor(const QString &database);
    // Runs statements on the database of `url` outside the store (tampering, inspection).
    static Result<QVariant> exec(const QString &url, const QString &sql, const QVariantList &values = {});
};

} // namespace Countersign::Test
