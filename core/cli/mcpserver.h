#pragma once

#include "mcpapprovalcall.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace Countersign::Cli {

// The Model Context Protocol over JSON-RPC 2.0, one message per line (the stdio transport),
// without the transport: lines come in through handleLine(), lines to send go out through
// send() (each with its newline).
//
// Requests are handled concurrently: tools/call runs as an McpApprovalCall that waits
// asynchronously, so ping, tools/list and further tool calls are answered while a
// request_approval waits for a reviewer. notifications/cancelled stops a call (its action is
// withdrawn, and it gets no response); a request with params._meta.progressToken gets
// notifications/progress while it waits.
//
// Methods: initialize (with protocol version negotiation: the client's version if we speak it,
// else our newest), notifications/initialized, notifications/cancelled, ping, tools/list,
// tools/call. Errors follow JSON-RPC: -32700 parse error, -32600 invalid request (also batches,
// which MCP no longer has, and an id still in use), -32601 unknown method, -32602 invalid
// params (also an unknown tool).
class McpServer : public QObject
{
    Q_OBJECT
public:
    explicit McpServer(McpApprovalCall::Settings settings, QObject *parent = nullptr);

    static QStringList supportedProtocolVersions(); // newest first
    bool initialized() const { return m_initialized; }
    QString protocolVersion() const { return m_protocolVersion; }
    qsizetype runningCalls() const { return m_running.size(); }

    static constexpr qsizetype MaxRunningCalls = 64;

public Q_SLOTS:
    void handleLine(const QByteArray &line);
    // The client closed its side: every call still running is cancelled (as by
    // notifications/cancelled); finished() follows once all of them are closed.
    void closeInput();

Q_SIGNALS:
    void send(const QByteArray &line);
    void finished();

private:
    void handleNotification(const QString &method, const QJsonObject &params);
    void handleRequest(const QString &method, const QJsonObject &params, const QJsonValue &id);
    QJsonObject initialize(const QJsonObject &params, const QJsonValue &id);
    void callTool(const QJsonObject &params, const QJsonValue &id);
    void cancel(const QJsonObject &params);
    void callClosed(McpApprovalCall *call);
    void reply(const QJsonObject &message);
    static QString idKey(const QJsonValue &id);
    static QJsonObject result(const QJsonValue &id, const QJsonObject &result);
    static QJsonObject error(const QJsonValue &id, int code, const QString &message);

    McpApprovalCall::Settings m_settings;
    bool m_initialized = false;
    bool m_inputClosed = false;
    QString m_protocolVersion;
    QHash<QString, McpApprovalCall *> m_running; // by request id, until answered or cancelled
    QSet<McpApprovalCall *> m_open; // not closed yet (cancelled ones may still withdraw)
};

} // namespace Countersign::Cli
