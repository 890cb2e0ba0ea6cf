#pragma once

// Route tests that run on both backends are built twice: as tst_X on SQLite and as
// tst_X_postgres with COUNTERSIGN_TEST_POSTGRES (linking countersign-store-test-support). These
// helpers keep the difference in one place. Only test programs include this header (never the
// testkit library, which is built once for both).
#include "routetestcase.h"
#include "testserver.h"
#ifdef COUNTERSIGN_TEST_POSTGRES
#include "postgrestestserver.h"
#endif

#include <memory>
#include <optional>

namespace Countersign::Test {

// Why this binary's backend cannot run here (no PostgreSQL to start), to QSKIP with; nullopt
// when it can.
inline std::optional<QString> backendUnavailable()
{
#ifdef COUNTERSIGN_TEST_POSTGRES
    if (const auto reason = PostgresTestServer::unavailableReason())
        return QStringLiteral("PostgreSQL unavailable: %1").arg(*reason);
#endif
    return std::nullopt;
}

// A started TestServer with `config` on this binary's backend: a fresh PostgreSQL database, or
// the SQLite file TestServer makes in its temporary directory. Null (with the reason logged) if
// it cannot start.
inline std::unique_ptr<TestServer> startOnTestBackend(ServerConfig config = TestServer::defaultConfig())
{
#ifdef COUNTERSIGN_TEST_POSTGRES
    auto url = PostgresTestServer::createDatabase();
    if (!url) {
        qWarning("no PostgreSQL database: %s", qPrintable(url.error().toString()));
        return nullptr;
    }
    config.storeLocation = *url;
#endif
    auto server = std::make_unique<TestServer>(config);
    if (!server->start())
        return nullptr;
    return server;
}

// A RouteTestCase whose servers run on this binary's backend.
class BackendRouteTestCase : public RouteTestCase
{
protected:
    std::unique_ptr<TestServer> startServer(ServerConfig serverConfig) override
    {
        return startOnTestBackend(std::move(serverConfig));
    }
    std::optional<QString> unavailableReason() const override { return backendUnavailable(); }
};

} // namespace Countersign::Test
