#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Countersign::JsonSchema {

// Builders for the JSON Schema fragments of the OpenAPI document, shared by its parts.
QJsonObject ref(const QString &schema); // "#/components/schemas/<schema>"
QJsonObject type(const QString &name, const QString &description = {});
QJsonObject nullable(const QString &name, const QString &description = {});
QJsonObject enumOf(const QStringList &values);
QJsonObject arrayOf(const QJsonObject &items);
// `closed`: no properties beyond those listed.
QJsonObject object(const QJsonObject &properties, const QStringList &required = {}, bool closed = false);

} // namespace Countersign::JsonSchema
