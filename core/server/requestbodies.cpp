#include "requestbodies.h"

#include "domain/timeformat.h"
#include "jsonbody.h"

#include <QJsonArray>

namespace Countersign {

namespace {

Result<QStringList> readIds(const QJsonObject &body)
{
    const QJsonValue v = body.value(QLatin1String("ids"));
    if (!v.isArray() || v.toArray().isEmpty())
        return fail(Error::invalid(QStringLiteral("ids"), QStringLiteral("must be a non-empty array of action ids")));
    const QJsonArray array = v.toArray();
    if (array.size() > RequestBodies::MaxBatch)
        return fail(Error::invalid(
            QStringLiteral("ids"), QStringLiteral("may hold at most %1 ids").arg(RequestBodies::MaxBatch)));
    QStringList ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue id = array.at(i);
        const QString field = QStringLiteral("ids[%1]").arg(i);
        if (!id.isString() || id.toString().isEmpty() || id.toString().size() > 200)
            return fail(Error::invalid(field, QStringLiteral("must be an action id")));
        if (ids.contains(id.toString()))
            return fail(Error::invalid(field, QStringLiteral("repeats %1").arg(id.toString())));
        ids.append(id.toString());
    }
    return ids;
}

} // namespace

Result<SubmitRequest> RequestBodies::submit(const QByteArray &body)
{
    auto object = JsonBody::parseObject(body);
    if (!object)
        return fail(object.error());
    return SubmitRequest::fromJson(*object);
}

Result<Decision> RequestBodies::decision(const QByteArray &body)
{
    auto object = JsonBody::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = JsonBody::onlyFields(*object,
            {QStringLiteral("outcome"), QStringLiteral("payload"), QStringLiteral("reason"), QStringLiteral("version")},
            {QStringLiteral("reviewer"), QStringLiteral("decided_at"), QStringLiteral("decided_by")});
        !ok)
        return fail(ok.error());
    return Decision::fromJson(*object);
}

Result<RequestBodies::Batch> RequestBodies::batch(const QByteArray &body)
{
    auto object = JsonBody::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok
        = JsonBody::onlyFields(*object, {QStringLiteral("ids"), QStringLiteral("outcome"), QStringLiteral("reason")});
        !ok)
        return fail(ok.error());
    auto ids = readIds(*object);
    if (!ids)
        return fail(ids.error());
    const QString outcome = object->value(QLatin1String("outcome")).toString();
    if (outcome != QLatin1String("approve") && outcome != QLatin1String("reject"))
        return fail(Error::invalid(QStringLiteral("outcome"), QStringLiteral("must be \"approve\" or \"reject\"")));
    auto decision = Decision::fromJson(*object);
    if (!decision)
        return fail(decision.error());
    return Batch{*ids, *decision};
}

Result<std::optional<qint64>> RequestBodies::claimLease(const QByteArray &body)
{
    auto object = JsonBody::parseObject(body, true);
    if (!object)
        return fail(object.error());
    if (auto ok = JsonBody::onlyFields(*object, {QStringLiteral("lease_s")}); !ok)
        return fail(ok.error());
    return JsonBody::integer(*object, QStringLiteral("lease_s"), 10, 24 * 3600);
}

Result<QString> RequestBodies::reassign(const QByteArray &body)
{
    auto object = JsonBody::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = JsonBody::onlyFields(*object, {QStringLiteral("reviewer")}); !ok)
        return fail(ok.error());
    return JsonBody::string(*object, QStringLiteral("reviewer"), JsonBody::Need::Required, 200);
}

Result<RequestBodies::Snooze> RequestBodies::snooze(const QByteArray &body)
{
    auto object = JsonBody::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = JsonBody::onlyFields(*object, {QStringLiteral("until"), QStringLiteral("minutes")},
            {QStringLiteral("snoozed_by"), QStringLiteral("snoozed_until")});
        !ok)
        return fail(ok.error());
    const bool hasUntil = object->contains(QLatin1String("until"));
    const bool hasMinutes = object->contains(QLatin1String("minutes"));
    if (hasUntil == hasMinutes)
        return fail(Error::invalid(hasUntil ? QStringLiteral("minutes") : QStringLiteral("until"),
            hasUntil ? QStringLiteral("give either until or minutes, not both")
                     : QStringLiteral("is required (or minutes)")));
    Snooze snooze;
    if (hasMinutes) {
        auto minutes = JsonBody::integer(*object, QStringLiteral("minutes"), 1, 7 * 24 * 60);
        if (!minutes)
            return fail(minutes.error());
        if (!minutes->has_value())
            return fail(Error::invalid(QStringLiteral("minutes"), QStringLiteral("must be a number of minutes")));
        snooze.minutes = **minutes;
        snooze.field = QStringLiteral("minutes");
        return snooze;
    }
    auto text = JsonBody::string(*object, QStringLiteral("until"), JsonBody::Need::Required, 64);
    if (!text)
        return fail(text.error());
    snooze.until = fromRfc3339(*text);
    if (!snooze.until.isValid())
        return fail(Error::invalid(QStringLiteral("until"),
            QStringLiteral("must be an RFC 3339 time with a zone, e.g. 2026-11-26T09:30:00Z")));
    snooze.field = QStringLiteral("until");
    return snooze;
}

Result<RequestBodies::NewToken> RequestBodies::token(const QByteArray &body)
{
    auto object = JsonBody::parseObject(body);
    if (!object)
        return fail(object.error());
    if (auto ok = JsonBody::onlyFields(*object, {QStringLiteral("name"), QStringLiteral("role")}); !ok)
        return fail(ok.error());
    auto name = JsonBody::string(*object, QStringLiteral("name"), JsonBody::Need::Required, 64);
    if (!name)
        return fail(name.error());
    auto roleText = JsonBody::string(*object, QStringLiteral("role"), JsonBody::Need::Required, 16);
    if (!roleText)
        return fail(roleText.error());
    const auto role = roleFromName(*roleText);
    if (!role)
        return fail(Error::invalid(QStringLiteral("role"), QStringLiteral("must be agent, reviewer, lead or admin")));
    return NewToken{*name, *role};
}

} // namespace Countersign
