#pragma once

#include "role.h"

#include <QByteArray>
#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QUrlQuery>

namespace Countersign {

// What a route handler gets: a copy of the parts of the request it may use (the
// QHttpServerRequest itself does not outlive the synchronous call), plus the caller.
struct ApiRequest {
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Get;
    QString path;
    QUrlQuery query;
    QHttpHeaders headers;
    QByteArray body;
    QString pathArgument; // the {id} of routes like /v1/actions/{id}
    Identity identity; // the caller, for routes that need a token
    QByteArray tokenHash; // its token's hash: what holds a long poll open ends with the token
};

} // namespace Countersign
