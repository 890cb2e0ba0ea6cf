#pragma once

#include "domain/error.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

namespace Countersign::Cli {

// The agent's side of the API for command-line integrations (hook, MCP), synchronously:
// submit, read with a long poll, withdraw. Each call runs a local event loop until the answer
// arrives or its deadline passes; a tool that waits for a human has nothing else to do.
//
// Failures are values: Unavailable when the server cannot be reached in time (network errors,
// 429 and 503 are retried while the deadline allows), the server's own error otherwise.
class ApprovalClient
{
public:
    ApprovalClient(QUrl server, QByteArray token);

    QUrl server() const { return m_server; }

    Result<QJsonObject> submit(const QJsonObject &body, QDeadlineTimer deadline);
    // GET /v1/actions/{id}?wait=N (N is capped at the server's 55 s and at the deadline).
    Result<QJsonObject> fetch(const QString &id, int waitSeconds, QDeadlineTimer deadline);
    // Long-polls until the action is no longer pending or the deadline passes; the action as
    // last read (still pending on a timeout).
    Result<QJsonObject> awaitDecision(const QJsonObject &action, QDeadlineTimer deadline);
    Result<QJsonObject> withdraw(const QString &id, QDeadlineTimer deadline);

    static bool isPending(const QJsonObject &action);

private:
    Result<QJsonObject> call(const QByteArray &verb, const QString &path, const QString &query, const QByteArray &body,
        QDeadlineTimer deadline);

    QUrl m_server;
    QByteArray m_token;
    QNetworkAccessManager m_network;
};

} // namespace Countersign::Cli
