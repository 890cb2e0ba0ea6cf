#pragma once

#include "domain/error.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Countersign::Cli {

// One call to the Countersign API from the agent's side, asynchronous, with the retries the
// integrations want: no answer, 429 and 503 are tried again (after Retry-After or a growing
// pause) while the deadline allows; the submit carries an idempotency key, so a repeat never
// makes a duplicate. Failures are values: Unavailable when the server cannot be reached in
// time, the server's own error otherwise.
//
// The callback runs exactly once, unless abort() came first; it may delete the ApiCall.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    struct Spec {
        QByteArray verb;
        QString path; // under the server URL, e.g. /v1/actions
        QString query;
        QByteArray body;
        QDeadlineTimer deadline;
    };
    using Done = std::function<void(Result<QJsonObject>)>;

    ApiCall(QNetworkAccessManager &network, QUrl server, QByteArray token, Spec spec, QObject *parent = nullptr);
    ~ApiCall() override;

    void start(Done done);
    // Stops the call (the request in flight is aborted); the callback never runs.
    void abort();
    bool isRunning() const { return bool(m_done); }

    // POST /v1/actions.
    static Spec submit(const QJsonObject &body, QDeadlineTimer deadline);
    // GET /v1/actions/{id}?wait=N: N is capped at the server's 55 s and at the deadline; the
    // HTTP request may outlive the server's wait by a slack for the answer to travel back.
    static Spec fetch(const QString &id, int waitSeconds, QDeadlineTimer deadline);
    // POST /v1/actions/{id}/withdraw.
    static Spec withdraw(const QString &id, QDeadlineTimer deadline);

    static constexpr int MaxServerWaitSeconds = 55;

private:
    void attempt();
    void replied();
    void finish(Result<QJsonObject> result);

    QNetworkAccessManager &m_network;
    QUrl m_url;
    QByteArray m_token;
    Spec m_spec;
    QUrl m_server;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retry;
    int m_attempt = 0;
    Done m_done;
};

} // namespace Countersign::Cli
