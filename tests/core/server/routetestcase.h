#pragma once

#include "testserver.h"

#include <QObject>

#include <memory>

namespace Countersign::Test {

// What every route test starts from: a fresh in-process server per test function, an agent
// ("bot") and a reviewer ("rita"). A test class that needs more tokens extends init().
class RouteTestCase : public QObject
{
    Q_OBJECT

protected Q_SLOTS:
    void init();
    void cleanup();

protected:
    // Submits a valid action as the agent; its id (empty, and a test failure, if refused).
    QString submitPending(const QJsonObject &overrides = {});

    std::unique_ptr<TestServer> m_server;
    QByteArray m_agent;
    QByteArray m_rita;
};

} // namespace Countersign::Test
