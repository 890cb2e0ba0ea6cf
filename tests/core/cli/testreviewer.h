#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace Countersign::Test {

class TestServer;

// The reviewer's side of the integration tests, over the real API of an in-process server:
// what is pending, what state an action is in, and a decision.
class TestReviewer
{
public:
    TestReviewer(TestServer &server, QByteArray token);

    QJsonArray pendingActions();
    QJsonObject action(const QString &id);
    QString stateOf(const QString &id) { return action(id).value(QLatin1String("state")).toString(); }
    // The first pending action once there is one; empty after 10 s, or as soon as
    // `agentRunning` says the agent side ended without submitting.
    QJsonObject waitForPending(const std::function<bool()> &agentRunning = {});
    // POST /v1/actions/{id}/decision; the HTTP status.
    int decide(const QString &id, const QJsonObject &decision);
    int decide(const QString &id, const QString &outcome, const QString &reason = QStringLiteral("test"));

private:
    TestServer &m_server;
    QByteArray m_token;
};

} // namespace Countersign::Test
