#include "httpclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>

namespace Countersign::Test {

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResult::errorCode() const
{
    return json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

QString HttpResult::errorField() const
{
    return json().value(QLatin1String("error")).toObject().value(QLatin1String("field")).toString();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpClient::HttpClient(QUrl base)
    : m_base(std::move(base))
{ }

QUrl HttpClient::url(const QString &path) const
{
    QUrl u = m_base;
    const qsizetype q = path.indexOf(u'?');
    u.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        u.setQuery(path.mid(q + 1));
    return u;
}

QNetworkReply *HttpClient::start(
    const QByteArray &verb, const QString &path, const QByteArray &body, const QByteArray &token)
{
    QNetworkRequest request(url(path));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty() || verb == "POST" || verb == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
    reply->setProperty("countersignStarted", QDateTime::currentMSecsSinceEpoch());
    return reply;
}

HttpResult HttpClient::wait(QNetworkReply *reply, int timeoutMs)
{
    HttpResult result;
    if (!reply->isFinished()) {
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
    }
    result.elapsedMs = QDateTime::currentMSecsSinceEpoch() - reply->property("countersignStarted").toLongLong();
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = QNetworkReply::TimeoutError;
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.networkError = reply->error();
    reply->deleteLater();
    return result;
}

HttpResult HttpClient::send(
    const QByteArray &verb, const QString &path, const QByteArray &body, const QByteArray &token, int timeoutMs)
{
    return wait(start(verb, path, body, token), timeoutMs);
}

HttpResult HttpClient::get(const QString &path, const QByteArray &token)
{
    return send("GET", path, {}, token);
}

HttpResult HttpClient::post(const QString &path, const QJsonObject &body, const QByteArray &token)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpResult HttpClient::postRaw(const QString &path, const QByteArray &body, const QByteArray &token)
{
    return send("POST", path, body, token);
}

HttpResult HttpClient::put(const QString &path, const QByteArray &body, const QByteArray &token)
{
    return send("PUT", path, body, token);
}

HttpResult HttpClient::del(const QString &path, const QByteArray &token)
{
    return send("DELETE", path, {}, token);
}

qint64 HttpClient::metric(const QByteArray &name)
{
    const QByteArray text = get(QStringLiteral("/metrics")).body;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(name + ' ')))
            return line.mid(name.size() + 1).trimmed().toLongLong();
    }
    return -1;
}

} // namespace Countersign::Test
