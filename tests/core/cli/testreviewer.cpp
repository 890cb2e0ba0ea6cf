#include "testreviewer.h"

#include "testserver.h"

#include <QDeadlineTimer>
#include <QTest>

namespace Countersign::Test {

TestReviewer::TestReviewer(TestServer &server, QByteArray token)
    : m_server(server)
    , m_token(std::move(token))
{ }

QJsonArray TestReviewer::pendingActions()
{
    return m_server.http()
        .get(QStringLiteral("/v1/actions?state=pending"), m_token)
        .json()
        .value(QLatin1String("items"))
        .toArray();
}

QJsonObject TestReviewer::action(const QString &id)
{
    return m_server.http().get(QStringLiteral("/v1/actions/") + id, m_token).json();
}

QJsonObject TestReviewer::waitForPending(const std::function<bool()> &agentRunning)
{
    QJsonArray items;
    (void)QTest::qWaitFor(
        [&] {
            items = pendingActions(); // polls the server; the agent's process runs meanwhile
            return !items.isEmpty() || (agentRunning && !agentRunning());
        },
        10'000);
    return items.isEmpty() ? QJsonObject() : items.first().toObject();
}

int TestReviewer::decide(const QString &id, const QJsonObject &decision)
{
    return m_server.http().post(QStringLiteral("/v1/actions/%1/decision").arg(id), decision, m_token).status;
}

int TestReviewer::decide(const QString &id, const QString &outcome, const QString &reason)
{
    return decide(id, QJsonObject{{QStringLiteral("outcome"), outcome}, {QStringLiteral("reason"), reason}});
}

} // namespace Countersign::Test
