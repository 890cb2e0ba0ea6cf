#include "apireply.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkReply>

namespace Countersign {

ErrorCode ApiReply::codeFromName(const QString &name)
{
    return errorCodeFromName(name).value_or(ErrorCode::Internal);
}

ErrorCode ApiReply::codeFromHttpStatus(int status)
{
    switch (status) {
    case 400:
        return ErrorCode::InvalidArgument;
    case 401:
        return ErrorCode::Unauthorized;
    case 403:
        return ErrorCode::Forbidden;
    case 404:
        return ErrorCode::NotFound;
    case 409:
        return ErrorCode::Conflict;
    case 413:
        return ErrorCode::PayloadTooLarge;
    case 429:
        return ErrorCode::RateLimited;
    case 502:
    case 503:
    case 504:
        return ErrorCode::Unavailable;
    default:
        return ErrorCode::Internal;
    }
}

bool ApiReply::unreachable(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status == 0 || status == 502 || status == 504;
}

Result<QJsonDocument> ApiReply::read(QNetworkReply *reply)
{
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);

    if (status >= 200 && status < 300) {
        if (body.isEmpty())
            return QJsonDocument(QJsonObject());
        if (parseError.error != QJsonParseError::NoError)
            return fail(
                Error::internal(QCoreApplication::translate("ApiReply", "The server sent an unreadable answer (%1).")
                        .arg(parseError.errorString())));
        return doc;
    }
    if (status == 0) {
        return fail(Error::unavailable(
            QCoreApplication::translate("ApiReply", "Cannot reach the server: %1").arg(reply->errorString())));
    }
    const QJsonObject err = doc.object().value(QLatin1String("error")).toObject();
    if (!err.isEmpty()) {
        ErrorCode code = codeFromName(err.value(QLatin1String("code")).toString());
        if (code == ErrorCode::Internal)
            code = codeFromHttpStatus(status);
        return fail(
            Error{code, err.value(QLatin1String("message")).toString(), err.value(QLatin1String("field")).toString()});
    }
    return fail(Error{codeFromHttpStatus(status),
        QCoreApplication::translate("ApiReply", "The server answered with HTTP status %1.").arg(status), {}});
}

} // namespace Countersign
