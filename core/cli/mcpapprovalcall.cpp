#include "mcpapprovalcall.h"

#include "approvalclient.h"
#include "logging.h"
#include "mcpapprovaltools.h"

namespace Countersign::Cli {

namespace {

constexpr int SubmitTimeoutSeconds = 30;
constexpr int WithdrawTimeoutSeconds = 5;
constexpr qint64 FinalReadTimeoutMs = 10'000;
constexpr int CheckSlackSeconds = 15;

} // namespace

McpApprovalCall::McpApprovalCall(Settings settings, QString tool, QJsonObject arguments, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_tool(std::move(tool))
    , m_arguments(std::move(arguments))
{
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        reportProgress(QStringLiteral("Still waiting for a reviewer: %1 s of %2 s")
                .arg(m_waiting.elapsed() / 1000)
                .arg(m_waitSeconds));
    });
    m_lastStretch.setSingleShot(true);
    connect(&m_lastStretch, &QTimer::timeout, this, [this] {
        m_finalRead = true;
        startApiCall(ApiCall::fetch(m_id, 0, QDeadlineTimer(FinalReadTimeoutMs)), [this](Result<QJsonObject> action) {
            polled(std::move(action));
        });
    });
}

McpApprovalCall::~McpApprovalCall()
{
    // The API calls use m_network, which goes before the QObject children would.
    if (m_call)
        m_call->abort();
    qDeleteAll(findChildren<ApiCall *>(Qt::FindDirectChildrenOnly));
}

void McpApprovalCall::start()
{
    if (m_tool == QLatin1String("request_approval"))
        startRequest();
    else if (m_tool == QLatin1String("check_approval"))
        startCheck();
    else
        answer(McpApprovalTools::toolError(QStringLiteral("unknown tool %1").arg(m_tool)));
}

void McpApprovalCall::startRequest()
{
    auto body = McpApprovalTools::requestBody(m_arguments);
    if (!body) {
        answer(McpApprovalTools::toolError(body.error().message));
        return;
    }
    m_waitSeconds = m_settings.requestWaitSeconds;
    m_deadline = QDeadlineTimer(std::chrono::seconds(m_waitSeconds));
    m_state = State::Submitting;
    startApiCall(ApiCall::submit(*body, QDeadlineTimer(std::chrono::seconds(SubmitTimeoutSeconds))),
        [this](Result<QJsonObject> action) {
            submitted(std::move(action));
        });
}

void McpApprovalCall::startCheck()
{
    auto arguments = McpApprovalTools::checkArguments(m_arguments);
    if (!arguments) {
        answer(McpApprovalTools::toolError(arguments.error().message));
        return;
    }
    m_id = arguments->id;
    m_waitSeconds = arguments->waitSeconds;
    m_state = State::Waiting;
    m_waiting.start();
    if (m_waitSeconds > 0) {
        reportProgress(QStringLiteral("Waiting up to %1 s for a decision on %2").arg(m_waitSeconds).arg(m_id));
        m_progressTimer.start(m_settings.progressIntervalMs);
    }
    startApiCall(
        ApiCall::fetch(m_id, m_waitSeconds, QDeadlineTimer(std::chrono::seconds(m_waitSeconds + CheckSlackSeconds))),
        [this](Result<QJsonObject> action) {
            if (!action)
                answer(McpApprovalTools::toolError(
                    QStringLiteral("cannot read approval request %1: %2").arg(m_id, action.error().toString())));
            else
                answer(McpApprovalTools::decisionResult(*action));
        });
}

void McpApprovalCall::submitted(Result<QJsonObject> action)
{
    if (!action) {
        if (m_cancelled)
            close();
        else
            answer(McpApprovalTools::toolError(
                QStringLiteral("Countersign did not take the request: %1").arg(action.error().toString())));
        return;
    }
    m_action = *action;
    m_id = m_action.value(QLatin1String("id")).toString();
    const bool pending = ApprovalClient::isPending(m_action);
    if (m_cancelled) {
        // Cancelled while the submit was under way: what it made must not wait for a reviewer.
        if (pending && !m_id.isEmpty())
            withdraw();
        else
            close();
        return;
    }
    if (!pending || m_deadline.hasExpired()) {
        answer(McpApprovalTools::decisionResult(m_action));
        return;
    }
    m_state = State::Waiting;
    m_waiting.start();
    reportProgress(
        QStringLiteral("Submitted as action %1; waiting up to %2 s for a reviewer").arg(m_id).arg(m_waitSeconds));
    m_progressTimer.start(m_settings.progressIntervalMs);
    poll();
}

void McpApprovalCall::poll()
{
    // The server waits in whole seconds: the last fraction is waited for here, then read once,
    // rather than asked for again and again with wait=0.
    if (m_deadline.remainingTime() < 1000) {
        m_lastStretch.start(std::chrono::milliseconds(qMax<qint64>(0, m_deadline.remainingTime())));
        return;
    }
    startApiCall(ApiCall::fetch(m_id, ApiCall::MaxServerWaitSeconds, m_deadline), [this](Result<QJsonObject> action) {
        polled(std::move(action));
    });
}

void McpApprovalCall::polled(Result<QJsonObject> action)
{
    if (!action) {
        // The action exists: report it as pending, with its id, rather than lose it.
        answer(McpApprovalTools::decisionResult(m_action));
        return;
    }
    m_action = *action;
    if (ApprovalClient::isPending(m_action) && !m_finalRead && !m_deadline.hasExpired()) {
        poll();
        return;
    }
    answer(McpApprovalTools::decisionResult(m_action));
}

void McpApprovalCall::cancel()
{
    if (m_cancelled || m_state == State::Closed)
        return;
    m_cancelled = true;
    m_progressTimer.stop();
    m_lastStretch.stop();
    switch (m_state) {
    case State::Idle:
        close();
        return;
    case State::Submitting:
        return; // submitted() withdraws what the submit made
    case State::Waiting:
        abortApiCall();
        if (m_tool == QLatin1String("request_approval") && !m_id.isEmpty())
            withdraw();
        else
            close(); // check_approval only read an earlier request; that one stays
        return;
    case State::Withdrawing:
    case State::Closed:
        return;
    }
}

void McpApprovalCall::withdraw()
{
    m_state = State::Withdrawing;
    startApiCall(ApiCall::withdraw(m_id, QDeadlineTimer(std::chrono::seconds(WithdrawTimeoutSeconds))),
        [this](Result<QJsonObject> withdrawn) {
            if (withdrawn)
                qCInfo(lcCliMcp).noquote() << "cancelled: withdrew action" << m_id;
            else if (withdrawn.error().code == ErrorCode::Conflict)
                qCInfo(lcCliMcp).noquote() << "cancelled: action" << m_id << "was decided meanwhile";
            else
                qCWarning(lcCliMcp).noquote()
                    << "cancelled, but cannot withdraw action" << m_id << ":" << withdrawn.error().toString();
            close();
        });
}

void McpApprovalCall::reportProgress(const QString &message)
{
    // MCP: the progress value must grow with every notification.
    double progress = double(m_waiting.elapsed()) / 1000.0;
    if (progress <= m_lastProgress)
        progress = m_lastProgress + 0.001;
    m_lastProgress = progress;
    Q_EMIT this->progress(progress, double(m_waitSeconds), message);
}

void McpApprovalCall::answer(const QJsonObject &result)
{
    m_progressTimer.stop();
    m_lastStretch.stop();
    if (m_state == State::Closed)
        return;
    if (m_cancelled) { // nobody wants the answer any more
        close();
        return;
    }
    Q_EMIT finished(result);
    close();
}

void McpApprovalCall::close()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_progressTimer.stop();
    m_lastStretch.stop();
    Q_EMIT closed();
}

void McpApprovalCall::startApiCall(ApiCall::Spec spec, ApiCall::Done done)
{
    // The previous call is done (or aborted); it goes once its callback has returned.
    if (m_call)
        m_call->deleteLater();
    m_call = new ApiCall(m_network, m_settings.server, m_settings.token, std::move(spec), this);
    m_call->start(std::move(done));
}

void McpApprovalCall::abortApiCall()
{
    if (m_call) {
        m_call->abort();
        m_call->deleteLater();
        m_call = nullptr;
    }
}

} // namespace Countersign::Cli
