#include "policychange.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>

namespace Countersign {

QJsonObject PolicyChange::toJson() const
{
    QJsonObject o{{QStringLiteral("type"), type}, {QStringLiteral("tier"), tierName(tier)}};
    if (!category.isEmpty())
        o.insert(QStringLiteral("category"), category);
    return o;
}

Result<PolicyChange> PolicyChange::fromJson(const QJsonObject &object)
{
    // The same shape the policy allows for action type names: dotted lowercase words.
    static const QRegularExpression typeName(QStringLiteral("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"));
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != QLatin1String("type") && it.key() != QLatin1String("tier")
            && it.key() != QLatin1String("category"))
            return fail(Error::invalid(it.key(), QStringLiteral("is not a field of a policy change")));
    }
    const QJsonValue type = object.value(QLatin1String("type"));
    if (!type.isString() || !typeName.match(type.toString()).hasMatch() || type.toString().size() > 200)
        return fail(
            Error::invalid(QStringLiteral("type"), QStringLiteral("must be an action type name such as email.send")));
    const auto tier = tierFromName(object.value(QLatin1String("tier")).toString());
    if (!tier)
        return fail(Error::invalid(QStringLiteral("tier"), QStringLiteral("must be auto, review or prohibited")));
    const QJsonValue category = object.value(QLatin1String("category"));
    static const QRegularExpression categoryName(QStringLiteral("^[A-Za-z0-9_.-]{1,128}$"));
    if (!category.isUndefined() && (!category.isString() || !categoryName.match(category.toString()).hasMatch()))
        return fail(
            Error::invalid(QStringLiteral("category"), QStringLiteral("must be a category name of the policy")));
    return PolicyChange{type.toString(), *tier, category.toString()};
}

Result<QByteArray> PolicyChange::applyAll(
    const QByteArray &document, const QList<PolicyChange> &changes, const QString &newTypeCategory)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(document, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(Error::internal(QStringLiteral("the policy in force is not a JSON object")));
    QJsonObject root = doc.object();
    QJsonObject types = root.value(QLatin1String("action_types")).toObject();
    for (const PolicyChange &c : changes) {
        QJsonObject entry = types.value(c.type).toObject();
        if (entry.isEmpty()) {
            if (newTypeCategory.isEmpty() && c.category.isEmpty())
                return fail(Error::invalid(QStringLiteral("changes"),
                    QStringLiteral("%1 is not in the policy and there is no category for new types").arg(c.type)));
            entry.insert(QStringLiteral("category"), newTypeCategory);
        }
        if (!c.category.isEmpty())
            entry.insert(QStringLiteral("category"), c.category);
        entry.insert(QStringLiteral("tier"), tierName(c.tier));
        types.insert(c.type, entry);
    }
    root.insert(QStringLiteral("action_types"), types);
    root.insert(QStringLiteral("version"), root.value(QLatin1String("version")).toInt() + 1);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Countersign
