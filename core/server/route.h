#pragma once

#include "apirequest.h"
#include "role.h"

#include <QList>
#include <QString>

#include <functional>

namespace Countersign {

class Reply;

// One query parameter, as the OpenAPI document describes it.
struct RouteParameter {
    QString name;
    QString type; // "string", "integer"
    QString description;
    bool required = false;
};

// One API operation: how it is reached, who may call it, what it takes and answers (for the
// OpenAPI document), and the handler that answers through the Reply.
struct Route {
    using Handler = std::function<void(const ApiRequest &request, Reply *reply)>;

    QHttpServerRequest::Method method = QHttpServerRequest::Method::Get;
    QString path; // OpenAPI style: "/v1/actions/{id}"
    Access access = Access::Authenticated;
    QString operationId;
    QString summary;
    QList<RouteParameter> query;
    QString requestSchema; // a schema in components/schemas, empty if no body
    QString responseSchema; // likewise, for the success answer
    int successStatus = 200;
    QList<int> errorStatuses; // besides the ones every route may give
    Handler handler;
    bool webSocket = false; // the path also upgrades to a WebSocket (documented as 101)

    QString methodName() const; // "get", "post", ... as OpenAPI spells it
    QString pathParameter() const; // "id" for "/v1/actions/{id}", empty if none
    QString qtPattern() const; // the QHttpServer route pattern: "/v1/actions/<arg>"
    bool matchesPath(const QString &path) const;
};

} // namespace Countersign
