#include "approvalclient.h"

#include "client/apireply.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace Countersign::Cli {

namespace {

constexpr int MaxServerWaitSeconds = 55;
// Slack for the answer to a long poll to travel back after the server's wait ends.
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
    return call(
        "POST", QStringLiteral("/v1/actions"), {}, QJsonDocument(body).toJson(QJsonDocument::Compact), deadline);
}

Result<QJsonObject> ApprovalClient::fetch(const QString &id, int waitSeconds, QDeadlineTimer deadline)
{
    const qint64 leftSeconds = deadline.isForever() ? MaxServerWaitSeconds : deadline.remainingTime() / 1000;
    const int wait = int(qBound<qint64>(0, qMin<qint64>(waitSeconds, leftSeconds), qint64(MaxServerWaitSeconds)));
    // The HTTP request itself may outlive the server's wait by the slack, but not the caller's
    // deadline by more than that: a hook that must answer in time gets its answer in time.
    QDeadlineTimer requestDeadline(qint64(wait) * 1000 + LongPollSlackMs);
    if (!deadline.isForever() && deadline < requestDeadline)
        requestDeadline = QDeadlineTimer(deadline.remainingTime() + 2000);
    return call("GET", QStringLiteral("/v1/actions/") + QString::fromLatin1(QUrl::toPercentEncoding(id)),
        QStringLiteral("wait=%1").arg(wait), {}, requestDeadline);
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
            auto last = fetch(id, 0, QDeadlineTimer(LongPollSlackMs));
            if (!last)
                return last;
            return *last;
        }
        auto next = fetch(id, MaxServerWaitSeconds, deadline);
        if (!next)
            return next;
        current = *next;
    }
    return current;
}

Result<QJsonObject> ApprovalClient::withdraw(const QString &id, QDeadlineTimer deadline)
{
    return call("POST",
        QStringLiteral("/v1/actions/") + QString::fromLatin1(QUrl::toPercentEncoding(id)) + QStringLiteral("/withdraw"),
        {}, QByteArrayLiteral("{}"), deadline);
}

Result<QJsonObject> ApprovalClient::call(
    const QByteArray &verb, const QString &path, const QString &query, const QByteArray &body, QDeadlineTimer deadline)
{
    QUrl url = m_server;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(query);

    int attempt = 0;
    for (;;) {
        ++attempt;
        const qint64 left = deadline.isForever() ? 60'000 : deadline.remainingTime();
        if (left <= 0)
            return fail(Error::unavailable(QStringLiteral("no answer from %1 in time").arg(m_server.toString())));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setTransferTimeout(int(qMin<qint64>(left, std::numeric_limits<int>::max())));
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const int retryAfter = reply->rawHeader("Retry-After").toInt();
        auto answer = ApiReply::read(reply);
        reply->deleteLater();
        if (answer)
            return answer->object();
        // No answer, overloaded or rate limited: worth another try while time allows; the
        // submit carries an idempotency key, so a repeat never makes a duplicate.
        const bool retryable = status == 0 || status == 429 || status == 503;
        const qint64 delay = retryAfter > 0 ? retryAfter * 1000LL : qMin(250LL << attempt, 4000LL);
        if (!retryable || attempt >= 4 || (!deadline.isForever() && deadline.remainingTime() <= delay))
            return fail(answer.error());
        pause(delay);
    }
}

} // namespace Countersign::Cli
