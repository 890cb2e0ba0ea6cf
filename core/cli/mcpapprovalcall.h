#pragma once

#include "apicall.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace Countersign::Cli {

// One running tools/call of the MCP server: request_approval (submit, then long-poll until the
// decision or the request wait ends) or check_approval (one read, optionally waiting). It waits
// asynchronously, so the server answers other messages meanwhile.
//
// Signals: progress() while it waits (at once after the submit, then every progress interval),
// finished() once with the CallToolResult, and closed() when nothing of it runs any more (after
// finished(), or after cancel() and the withdrawal it starts); delete it after closed().
class McpApprovalCall : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        QUrl server;
        QByteArray token;
        int requestWaitSeconds = 55; // how long request_approval waits before it answers pending
        int progressIntervalMs = 5000;
    };

    McpApprovalCall(Settings settings, QString tool, QJsonObject arguments, QObject *parent = nullptr);
    ~McpApprovalCall() override;

    void start();
    // The client gave up on the call: no finished() any more. An action request_approval
    // submitted and that is still pending is withdrawn, so no reviewer decides a call nobody
    // waits for; closed() follows when that is done.
    void cancel();
    bool isClosed() const { return m_state == State::Closed; }

Q_SIGNALS:
    void progress(double progress, double total, const QString &message);
    void finished(const QJsonObject &result);
    void closed();

private:
    enum class State { Idle, Submitting, Waiting, Withdrawing, Closed };

    void startRequest();
    void startCheck();
    void submitted(Result<QJsonObject> action);
    void poll();
    void polled(Result<QJsonObject> action);
    void reportProgress(const QString &message);
    void answer(const QJsonObject &result);
    void withdraw();
    void close();
    void startApiCall(ApiCall::Spec spec, ApiCall::Done done);
    void abortApiCall();

    Settings m_settings;
    QString m_tool;
    QJsonObject m_arguments;
    QNetworkAccessManager m_network; // its own connections, so waits never queue behind each other
    QPointer<ApiCall> m_call; // the one in flight, or the last one
    State m_state = State::Idle;
    bool m_cancelled = false;
    QJsonObject m_action; // as last read
    QString m_id;
    QDeadlineTimer m_deadline;
    int m_waitSeconds = 0;
    QElapsedTimer m_waiting;
    double m_lastProgress = -1;
    QTimer m_progressTimer;
    QTimer m_lastStretch; // the final fraction of a second before the last read
    bool m_finalRead = false;
};

} // namespace Countersign::Cli
