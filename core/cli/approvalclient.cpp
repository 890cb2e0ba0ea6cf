#include "approvalclient.h"

#include <QEventLoop>
#include <QTimer>

#include <optional>

namespace Countersign::Cli {

namespace {

constexpr qint64 LongPollSlackMs = 10'000;

void pause(qint64 ms)
{
    if (ms <= 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(ms), &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

ApprovalClient::ApprovalClient(QUrl server, QByteArray token)
    : m_server(std::move(server))
    , m_token(std::move(token))
{ }

bool ApprovalClient::isPending(const QJsonObject &action)
{
    return action.value(QLatin1String("state")).toString() == QLatin1String("pending");
}

Result<QJsonObject> ApprovalClient::submit(const QJsonObject &body, QDeadlineTimer deadline)
{
    return run(ApiCall::submit(body, deadline));
}

Result<QJsonObject> ApprovalClient::fetch(const QString &id, int waitSeconds, QDeadlineTimer deadline)
{
    return run(ApiCall::fetch(id, waitSeconds, deadline));
}

Result<QJsonObject> ApprovalClient::awaitDecision(const QJsonObject &action, QDeadlineTimer deadline)
{
    QJsonObject current = action;
    const QString id = action.value(QLatin1String("id")).toString();
    while (isPending(current) && !deadline.hasExpired()) {
        // The server waits in whole seconds: the last fraction is slept here, then read once,
        // rather than asked for again and again with wait=0.
        if (!deadline.isForever() && deadline.remainingTime() < 1000) {
            pause(deadline.remainingTime());
            return fetch(id, 0, QDeadlineTimer(LongPollSlackMs));
        }
        auto next = fetch(id, ApiCall::MaxServerWaitSeconds, deadline);
        if (!next)
            return next;
        current = *next;
    }
    return current;
}

Result<QJsonObject> ApprovalClient::withdraw(const QString &id, QDeadlineTimer deadline)
{
    return run(ApiCall::withdraw(id, deadline));
}

Result<QJsonObject> ApprovalClient::run(ApiCall::Spec spec)
{
    ApiCall call(m_network, m_server, m_token, std::move(spec));
    std::optional<Result<QJsonObject>> result;
    QEventLoop loop;
    call.start([&](Result<QJsonObject> r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result) // a deadline already passed answers at once
        loop.exec();
    return std::move(*result);
}

} // namespace Countersign::Cli
