#pragma once

#include <QJsonObject>

namespace Countersign {

// The OpenAPI schemas of the report, spot-check and proposal routes, added to the document's
// components/schemas by OpenApiDocument.
class ReportSchemas
{
public:
    static void addTo(QJsonObject &schemas);
};

} // namespace Countersign
