#pragma once

#include "batchitemresult.h"
#include "domain/actionquery.h"
#include "domain/decision.h"
#include "eventstream.h"
#include "useridentity.h"

#include <QFuture>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

namespace Countersign {

// The reviewer app's link to one countersign-server: REST calls that return QFutures of
// Result values (never raw JSON), plus the live event stream with reconnect and replay.
// The calls are virtual: the seam where tests put a server that answers late or not at all.
class ServerConnection : public QObject
{
    Q_OBJECT

public:
    explicit ServerConnection(QObject *parent = nullptr);
    ~ServerConnection() override;

    void setServer(const QUrl &baseUrl, const QString &token);
    QUrl baseUrl() const { return m_baseUrl; }

    // Starts the event stream after `sinceSeq`, or from now on without one.
    void startEvents(std::optional<qint64> sinceSeq = std::nullopt);
    void stopEvents();
    EventStream *events() { return &m_events; }

    virtual QFuture<Result<UserIdentity>> whoAmI();
    virtual QFuture<Result<ActionPage>> listActions(const ActionQuery &query);
    virtual QFuture<Result<Action>> fetchAction(const QString &id);
    virtual QFuture<Result<Action>> claim(const QString &id);
    virtual QFuture<Result<Action>> release(const QString &id);
    // "Not now": the action leaves this reviewer's queue until `until` (the server releases the claim).
    virtual QFuture<Result<Action>> snooze(const QString &id, const QDateTime &until);
    virtual QFuture<Result<Action>> endSnooze(const QString &id);
    virtual QFuture<Result<Action>> decide(const QString &id, const Decision &decision);
    virtual QFuture<Result<QList<BatchItemResult>>> decideBatch(
        const QStringList &ids, Outcome outcome, const QString &reason);
    // Any other JSON endpoint (reports, stats, policy): the decoded object.
    virtual QFuture<Result<QJsonObject>> getJson(
        const QString &path, const QList<std::pair<QString, QString>> &query = {});
    virtual QFuture<Result<QJsonObject>> sendJson(const QByteArray &verb, const QString &path, const QJsonObject &body);

    static QUrlQuery queryItems(const ActionQuery &query);

Q_SIGNALS:
    // Evidence for ConnectionHealth from every REST answer (see ApiReply::unreachable).
    void serverReached();
    void serverUnreachable(const QString &message);

protected:
    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const;
    QFuture<Result<QJsonObject>> send(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body);

private:
    QNetworkAccessManager m_network;
    EventStream m_events;
    QUrl m_baseUrl;
    QString m_token;
};

} // namespace Countersign
