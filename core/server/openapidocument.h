#pragma once

#include "route.h"

#include <QJsonObject>

namespace Countersign {

// The OpenAPI 3.1 document of the API, generated from the route table the server runs (so
// paths, methods, parameters and access cannot drift from the handlers) plus the schemas of
// the bodies below.
class OpenApiDocument
{
public:
    static QJsonObject build(const QList<Route> &routes);
    static QJsonObject schemas();
};

} // namespace Countersign
