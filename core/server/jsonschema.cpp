#include "jsonschema.h"

#include <QJsonArray>

namespace Countersign::JsonSchema {

QJsonObject ref(const QString &schema)
{
    return QJsonObject{{QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + schema)}};
}

QJsonObject type(const QString &name, const QString &description)
{
    QJsonObject o{{QStringLiteral("type"), name}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    return o;
}

QJsonObject nullable(const QString &name, const QString &description)
{
    QJsonObject o{{QStringLiteral("type"), QJsonArray{name, QStringLiteral("null")}}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    return o;
}

QJsonObject enumOf(const QStringList &values)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
        {QStringLiteral("enum"), QJsonArray::fromStringList(values)}};
}

QJsonObject arrayOf(const QJsonObject &items)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}};
}

QJsonObject object(const QJsonObject &properties, const QStringList &required, bool closed)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        o.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    if (closed)
        o.insert(QStringLiteral("additionalProperties"), false);
    return o;
}

} // namespace Countersign::JsonSchema
