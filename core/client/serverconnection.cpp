#include "serverconnection.h"

#include "apireply.h"
#include "domain/timeformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPromise>
#include <QUrlQuery>

#include <memory>

namespace Countersign {

namespace {

Result<Action> toAction(const Result<QJsonObject> &r)
{
    if (!r)
        return fail(r.error());
    return Action::fromJson(*r);
}

QString sortName(ActionQuery::Sort sort)
{
    switch (sort) {
    case ActionQuery::Sort::Deadline:
        return QStringLiteral("deadline");
    case ActionQuery::Sort::Confidence:
        return QStringLiteral("confidence");
    case ActionQuery::Sort::Age:
        break;
    }
    return QStringLiteral("age");
}

} // namespace

ServerConnection::ServerConnection(QObject *parent)
    : QObject(parent)
    , m_events(&m_network, this)
{
    m_network.setAutoDeleteReplies(false);
    m_network.setTransferTimeout(60000);
}

ServerConnection::~ServerConnection() = default;

void ServerConnection::setServer(const QUrl &baseUrl, const QString &token)
{
    m_baseUrl = baseUrl;
    m_token = token;
}

void ServerConnection::startEvents(std::optional<qint64> sinceSeq)
{
    m_events.start(m_baseUrl, m_token, sinceSeq);
}

void ServerConnection::stopEvents()
{
    m_events.stop();
}

QNetworkRequest ServerConnection::request(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(query);
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setRawHeader("Accept", "application/json");
    return r;
}

QFuture<Result<QJsonObject>> ServerConnection::send(
    const QByteArray &verb, const QNetworkRequest &req, const QByteArray &body)
{
    auto promise = std::make_shared<QPromise<Result<QJsonObject>>>();
    promise->start();
    QNetworkReply *reply = m_network.sendCustomRequest(req, verb, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, promise] {
        reply->deleteLater();
        const auto doc = ApiReply::read(reply);
        if (ApiReply::unreachable(reply))
            Q_EMIT serverUnreachable(doc ? QString() : doc.error().message);
        else
            Q_EMIT serverReached();
        if (!doc)
            promise->addResult(Result<QJsonObject>(std::unexpected(doc.error())));
        else
            promise->addResult(Result<QJsonObject>(doc->object()));
        promise->finish();
    });
    return promise->future();
}

QFuture<Result<QJsonObject>> ServerConnection::getJson(
    const QString &path, const QList<std::pair<QString, QString>> &query)
{
    QUrlQuery q;
    for (const auto &[key, value] : query)
        q.addQueryItem(key, value);
    return send(QByteArrayLiteral("GET"), request(path, q), {});
}

QFuture<Result<QJsonObject>> ServerConnection::sendJson(
    const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    return send(verb, request(path), QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QFuture<Result<UserIdentity>> ServerConnection::whoAmI()
{
    return getJson(QStringLiteral("/v1/me")).then([](const Result<QJsonObject> &r) -> Result<UserIdentity> {
        if (!r)
            return fail(r.error());
        return UserIdentity{r->value(QLatin1String("name")).toString(), r->value(QLatin1String("role")).toString()};
    });
}

QUrlQuery ServerConnection::queryItems(const ActionQuery &query)
{
    QUrlQuery q;
    if (query.state)
        q.addQueryItem(QStringLiteral("state"), actionStateName(*query.state));
    if (!query.category.isEmpty())
        q.addQueryItem(QStringLiteral("category"), query.category);
    if (!query.type.isEmpty())
        q.addQueryItem(QStringLiteral("type"), query.type);
    q.addQueryItem(QStringLiteral("sort"), sortName(query.sort));
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), query.cursor);
    // Always named: a reviewer's default on the server leaves out their own snoozes.
    static const QString snoozed[] = {QStringLiteral("include"), QStringLiteral("exclude"), QStringLiteral("only")};
    q.addQueryItem(QStringLiteral("snoozed"), snoozed[int(query.snoozed)]);
    return q;
}

QFuture<Result<ActionPage>> ServerConnection::listActions(const ActionQuery &query)
{
    return send(QByteArrayLiteral("GET"), request(QStringLiteral("/v1/actions"), queryItems(query)), {})
        .then([](const Result<QJsonObject> &r) -> Result<ActionPage> {
            if (!r)
                return fail(r.error());
            ActionPage page;
            const QJsonArray items = r->value(QLatin1String("items")).toArray();
            page.items.reserve(items.size());
            for (const auto &item : items) {
                auto a = Action::fromJson(item.toObject());
                if (!a)
                    return fail(a.error());
                page.items.append(std::move(*a));
            }
            page.nextCursor = r->value(QLatin1String("next_cursor")).toString();
            return page;
        });
}

QFuture<Result<Action>> ServerConnection::fetchAction(const QString &id)
{
    return getJson(QStringLiteral("/v1/actions/") + id).then(toAction);
}

QFuture<Result<Action>> ServerConnection::claim(const QString &id)
{
    return sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/actions/%1/claim").arg(id), {}).then(toAction);
}

QFuture<Result<Action>> ServerConnection::release(const QString &id)
{
    return send(QByteArrayLiteral("DELETE"), request(QStringLiteral("/v1/actions/%1/claim").arg(id)), {})
        .then(toAction);
}

QFuture<Result<Action>> ServerConnection::snooze(const QString &id, const QDateTime &until)
{
    return sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/actions/%1/snooze").arg(id),
        QJsonObject{{QStringLiteral("until"), toIsoUtc(until)}})
        .then(toAction);
}

QFuture<Result<Action>> ServerConnection::endSnooze(const QString &id)
{
    return send(QByteArrayLiteral("DELETE"), request(QStringLiteral("/v1/actions/%1/snooze").arg(id)), {})
        .then(toAction);
}

QFuture<Result<Action>> ServerConnection::decide(const QString &id, const Decision &decision)
{
    QJsonObject body = decision.toJson();
    body.remove(QStringLiteral("reviewer")); // the server knows who we are
    body.remove(QStringLiteral("decided_at"));
    return sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/actions/%1/decision").arg(id), body).then(toAction);
}

QFuture<Result<QList<BatchItemResult>>> ServerConnection::decideBatch(
    const QStringList &ids, Outcome outcome, const QString &reason)
{
    QJsonObject body{
        {QStringLiteral("ids"), QJsonArray::fromStringList(ids)}, {QStringLiteral("outcome"), outcomeName(outcome)}};
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    return sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/decisions/batch"), body)
        .then([](const Result<QJsonObject> &r) -> Result<QList<BatchItemResult>> {
            if (!r)
                return fail(r.error());
            QList<BatchItemResult> out;
            const QJsonArray results = r->value(QLatin1String("results")).toArray();
            for (const auto &v : results) {
                const QJsonObject o = v.toObject();
                BatchItemResult item;
                item.id = o.value(QLatin1String("id")).toString();
                if (o.value(QLatin1String("action")).isObject()) {
                    auto a = Action::fromJson(o.value(QLatin1String("action")).toObject());
                    if (a)
                        item.action = *a;
                }
                const QJsonObject err = o.value(QLatin1String("error")).toObject();
                if (!err.isEmpty())
                    item.error = Error{ApiReply::codeFromName(err.value(QLatin1String("code")).toString()),
                        err.value(QLatin1String("message")).toString(), err.value(QLatin1String("field")).toString()};
                out.append(item);
            }
            return out;
        });
}

} // namespace Countersign
