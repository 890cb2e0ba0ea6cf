#include "webhookrequest.h"

#include "jsonbody.h"
#include "webhookurlcheck.h"

#include <QJsonArray>

namespace Countersign {

namespace {

constexpr qsizetype MaxUrlLength = 2048;
constexpr qsizetype MaxListItems = 100;
constexpr qsizetype MaxItemLength = 200;

Result<QStringList> stringList(const QJsonObject &object, const QString &key, const QString &field)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (!value.isArray())
        return fail(Error::invalid(field, QStringLiteral("must be an array of strings")));
    const QJsonArray array = value.toArray();
    if (array.size() > MaxListItems)
        return fail(Error::invalid(field, QStringLiteral("may list at most %1 entries").arg(MaxListItems)));
    QStringList list;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString item = array.at(i).toString();
        const QString where = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (!array.at(i).isString() || item.isEmpty())
            return fail(Error::invalid(where, QStringLiteral("must be a non-empty string")));
        if (item.size() > MaxItemLength)
            return fail(Error::invalid(where, QStringLiteral("is longer than %1 characters").arg(MaxItemLength)));
        if (!list.contains(item))
            list.append(item);
    }
    return list;
}

} // namespace

Result<WebhookRequest> WebhookRequest::parse(const QByteArray &body)
{
    auto object = JsonBody::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = JsonBody::onlyFields(*object,
            {QStringLiteral("url"), QStringLiteral("events"), QStringLiteral("filter"), QStringLiteral("format")},
            {QStringLiteral("id"), QStringLiteral("secret"), QStringLiteral("owner_role"),
                QStringLiteral("owner_agent"), QStringLiteral("created_at"), QStringLiteral("created_by")});
        !ok)
        return fail(ok.error());
    WebhookRequest r;
    auto urlText = JsonBody::string(*object, QStringLiteral("url"), JsonBody::Need::Required, MaxUrlLength);
    if (!urlText)
        return fail(urlText.error());
    auto url = WebhookUrlCheck::parse(*urlText);
    if (!url)
        return fail(url.error());
    r.url = *url;

    if (!object->contains(QLatin1String("events")))
        return fail(Error::invalid(QStringLiteral("events"), QStringLiteral("is missing")));
    auto events = stringList(*object, QStringLiteral("events"), QStringLiteral("events"));
    if (!events)
        return fail(events.error());
    if (events->isEmpty())
        return fail(Error::invalid(QStringLiteral("events"), QStringLiteral("must name at least one event")));
    for (qsizetype i = 0; i < events->size(); ++i) {
        if (!Webhook::subscribableEvents().contains(events->at(i)))
            return fail(Error::invalid(QStringLiteral("events[%1]").arg(i),
                QStringLiteral("is not an event one may subscribe to (%1)")
                    .arg(Webhook::subscribableEvents().join(QStringLiteral(", ")))));
    }
    r.events = *events;

    auto filter = JsonBody::object(*object, QStringLiteral("filter"));
    if (!filter)
        return fail(filter.error());
    if (*filter) {
        if (auto ok = JsonBody::onlyFields(
                **filter, {QStringLiteral("categories"), QStringLiteral("types")}, {}, QStringLiteral("filter"));
            !ok)
            return fail(ok.error());
        auto categories = stringList(**filter, QStringLiteral("categories"), QStringLiteral("filter.categories"));
        if (!categories)
            return fail(categories.error());
        auto types = stringList(**filter, QStringLiteral("types"), QStringLiteral("filter.types"));
        if (!types)
            return fail(types.error());
        r.categories = *categories;
        r.types = *types;
    }

    auto format = JsonBody::string(*object, QStringLiteral("format"), JsonBody::Need::Optional, 16);
    if (!format)
        return fail(format.error());
    if (!format->isEmpty()) {
        const auto f = webhookFormatFromName(*format);
        if (!f)
            return fail(Error::invalid(QStringLiteral("format"), QStringLiteral("must be one of json, slack, teams")));
        r.format = *f;
    }
    return r;
}

} // namespace Countersign
