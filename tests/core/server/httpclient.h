#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace Countersign::Test {

// One answer, with what tests look at.
struct HttpResult {
    int status = 0; // 0: no HTTP answer (see networkError)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    qint64 elapsedMs = 0;

    QJsonObject json() const;
    QString errorCode() const; // error.code of an error body
    QString errorField() const; // error.field
    QByteArray header(const QByteArray &name) const;
};

// A small synchronous client over QNetworkAccessManager for tests against a real server on
// loopback: each call runs a local event loop (which also runs an in-process server) until
// the answer arrives or the timeout passes.
class HttpClient
{
public:
    explicit HttpClient(QUrl base);

    HttpResult get(const QString &path, const QByteArray &token = {});
    HttpResult post(const QString &path, const QJsonObject &body, const QByteArray &token = {});
    HttpResult postRaw(const QString &path, const QByteArray &body, const QByteArray &token = {});
    HttpResult put(const QString &path, const QByteArray &body, const QByteArray &token = {});
    HttpResult del(const QString &path, const QByteArray &token = {});
    HttpResult send(const QByteArray &verb, const QString &path, const QByteArray &body, const QByteArray &token,
        int timeoutMs = 15000);

    // Starts a request without waiting (long polls); finish it with wait().
    QNetworkReply *start(const QByteArray &verb, const QString &path, const QByteArray &body, const QByteArray &token);
    static HttpResult wait(QNetworkReply *reply, int timeoutMs = 15000);

    QUrl url(const QString &path) const;
    // A value of GET /metrics (a gauge or counter without labels); -1 when absent.
    qint64 metric(const QByteArray &name);

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

} // namespace Countersign::Test
