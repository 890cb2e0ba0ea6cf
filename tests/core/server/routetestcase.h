#pragma once

#include "testserver.h"

#include <QObject>

#include <memory>
#include <optional>

namespace Countersign::Test {

// What every route test starts from: a fresh in-process server per test function, an agent
// ("bot") and a reviewer ("rita"). A test class that needs more (tokens, data) adds it in
// setUpServer(); one built for both backends derives from BackendRouteTestCase
// (backendtestserver.h) instead.
class RouteTestCase : public QObject
{
    Q_OBJECT

protected Q_SLOTS:
    // Skips the whole test when its backend cannot run here.
    void initTestCase();
    void init();
    void cleanup();

protected:
    // The configuration each test function's server starts with: the default one.
    virtual ServerConfig config() const;
    // After init() has started the server and made the agent's and rita's tokens.
    virtual void setUpServer() { }

    // A started server with `serverConfig`, null when it cannot start: SQLite in TestServer's
    // temporary directory.
    virtual std::unique_ptr<TestServer> startServer(ServerConfig serverConfig);
    // Why the backend cannot run here (the reason to skip with); nullopt when it can.
    virtual std::optional<QString> unavailableReason() const;

    // Submits a valid action as the agent; its id (empty, and a test failure, if refused).
    QString submitPending(const QJsonObject &overrides = {});

    std::unique_ptr<TestServer> m_server;
    QByteArray m_agent;
    QByteArray m_rita;
};

} // namespace Countersign::Test
