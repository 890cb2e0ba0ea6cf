#include "apicall.h"

#include "client/apireply.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Countersign::Cli {

namespace {

// Slack for the answer to a long poll to travel back after the server's wait ends.
constexpr qint64 LongPollSlackMs = 10'000;
constexpr int MaxAttempts = 4;

QString actionPath(const QString &id)
{
    return QStringLiteral("/v1/actions/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

ApiCall::ApiCall(QNetworkAccessManager &network, QUrl server, QByteArray token, Spec spec, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_token(std::move(token))
    , m_spec(std::move(spec))
    , m_server(std::move(server))
{
    m_url = m_server;
    QString base = m_url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    m_url.setPath(base + m_spec.path);
    m_url.setQuery(m_spec.query);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ApiCall::attempt);
}

ApiCall::~ApiCall()
{
    abort();
}

void ApiCall::start(Done done)
{
    m_done = std::move(done);
    attempt();
}

void ApiCall::abort()
{
    m_done = nullptr;
    m_retry.stop();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

ApiCall::Spec ApiCall::submit(const QJsonObject &body, QDeadlineTimer deadline)
{
    return Spec{
        "POST", QStringLiteral("/v1/actions"), {}, QJsonDocument(body).toJson(QJsonDocument::Compact), deadline};
}

ApiCall::Spec ApiCall::fetch(const QString &id, int waitSeconds, QDeadlineTimer deadline)
{
    const qint64 leftSeconds = deadline.isForever() ? MaxServerWaitSeconds : deadline.remainingTime() / 1000;
    const int wait = int(qBound<qint64>(0, qMin<qint64>(waitSeconds, leftSeconds), qint64(MaxServerWaitSeconds)));
    // A caller that must answer in time gets its answer in time: the request may outlive the
    // server's wait by the slack, but not the caller's deadline by more than two seconds.
    QDeadlineTimer requestDeadline(qint64(wait) * 1000 + LongPollSlackMs);
    if (!deadline.isForever() && deadline < requestDeadline)
        requestDeadline = QDeadlineTimer(deadline.remainingTime() + 2000);
    return Spec{"GET", actionPath(id), QStringLiteral("wait=%1").arg(wait), {}, requestDeadline};
}

ApiCall::Spec ApiCall::withdraw(const QString &id, QDeadlineTimer deadline)
{
    return Spec{"POST", actionPath(id) + QStringLiteral("/withdraw"), {}, QByteArrayLiteral("{}"), deadline};
}

void ApiCall::attempt()
{
    ++m_attempt;
    const qint64 left = m_spec.deadline.isForever() ? 60'000 : m_spec.deadline.remainingTime();
    if (left <= 0) {
        finish(fail(Error::unavailable(QStringLiteral("no answer from %1 in time").arg(m_server.toString()))));
        return;
    }
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(int(qMin<qint64>(left, std::numeric_limits<int>::max())));
    m_reply = m_network.sendCustomRequest(request, m_spec.verb, m_spec.body);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::replied);
}

void ApiCall::replied()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const int retryAfter = reply->rawHeader("Retry-After").toInt();
    auto answer = ApiReply::read(reply);
    if (answer) {
        finish(answer->object());
        return;
    }
    // No answer, overloaded or rate limited: worth another try while time allows.
    const bool retryable = status == 0 || status == 429 || status == 503;
    const qint64 delay = retryAfter > 0 ? retryAfter * 1000LL : qMin(250LL << m_attempt, 4000LL);
    if (!retryable || m_attempt >= MaxAttempts
        || (!m_spec.deadline.isForever() && m_spec.deadline.remainingTime() <= delay)) {
        finish(fail(answer.error()));
        return;
    }
    m_retry.start(std::chrono::milliseconds(delay));
}

void ApiCall::finish(Result<QJsonObject> result)
{
    // The callback may delete this object: nothing of it is touched afterwards.
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(result));
}

} // namespace Countersign::Cli
