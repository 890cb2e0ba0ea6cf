#pragma once

#include "apicall.h"

#include "domain/error.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

namespace Countersign::Cli {

// The agent's side of the API for the hook, synchronously: submit, read with a long poll,
// withdraw. Each call runs an ApiCall in a local event loop until the answer arrives or its
// deadline passes; a hook that waits for a human has nothing else to do. (The MCP server,
// which must keep answering while it waits, runs ApiCalls asynchronously instead.)
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
    Result<QJsonObject> run(ApiCall::Spec spec);

    QUrl m_server;
    QByteArray m_token;
    QNetworkAccessManager m_network;
};

} // namespace Countersign::Cli
