#include "action.h"

#include "jsonwriter.h"
#include "timeformat.h"

#include <QJsonArray>

namespace Countersign {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QDateTime time(const QJsonObject &o, const char *key)
{
    return fromIsoUtc(o.value(QLatin1String(key)).toString());
}

} // namespace

bool Action::isClaimedAt(const QDateTime &now) const
{
    return !claimedBy.isEmpty() && leaseExpiresAt.isValid() && leaseExpiresAt > now;
}

bool Action::isSnoozedAt(const QDateTime &now) const
{
    return !snoozedBy.isEmpty() && snoozedUntil.isValid() && snoozedUntil > now;
}

bool Action::isSnoozedFor(const QString &reviewer, const QDateTime &now) const
{
    return !reviewer.isEmpty() && snoozedBy == reviewer && isSnoozedAt(now);
}

QJsonObject Action::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), type},
        {QStringLiteral("category"), category},
        {QStringLiteral("title"), title},
        {QStringLiteral("payload"), payload.toJson()},
        {QStringLiteral("reasoning"), reasoning},
        {QStringLiteral("context"), context},
        {QStringLiteral("confidence"), confidence},
        {QStringLiteral("agent"), agent},
        {QStringLiteral("trace_url"), traceUrl.isEmpty() ? QJsonValue() : QJsonValue(traceUrl)},
        {QStringLiteral("created_at"), timeToJson(createdAt)},
        {QStringLiteral("deadline"), timeToJson(slaDueAt)},
        {QStringLiteral("expires_at"), timeToJson(expiresAt)},
        {QStringLiteral("tier"), tierName(tier)},
        {QStringLiteral("tier_reason"), tierReason},
        {QStringLiteral("unassigned"), unassigned},
        {QStringLiteral("state"), actionStateName(state)},
        {QStringLiteral("modified"), modified},
        {QStringLiteral("final_payload"), finalPayload ? QJsonValue(finalPayload->toJson()) : QJsonValue()},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("decided_by"), decidedBy},
        {QStringLiteral("decided_at"), timeToJson(decidedAt)},
        {QStringLiteral("claimed_by"), claimedBy.isEmpty() ? QJsonValue() : QJsonValue(claimedBy)},
        {QStringLiteral("claimed_at"), timeToJson(claimedAt)},
        {QStringLiteral("lease_expires_at"), timeToJson(leaseExpiresAt)},
        {QStringLiteral("assigned_to"), assignedTo.isEmpty() ? QJsonValue() : QJsonValue(assignedTo)},
        {QStringLiteral("escalated"), escalated},
        {QStringLiteral("escalated_at"), timeToJson(escalatedAt)},
        {QStringLiteral("snoozed_by"), snoozedBy.isEmpty() ? QJsonValue() : QJsonValue(snoozedBy)},
        {QStringLiteral("snoozed_until"), timeToJson(snoozedUntil)},
        {QStringLiteral("idempotency_key"), idempotencyKey.isEmpty() ? QJsonValue() : QJsonValue(idempotencyKey)},
        {QStringLiteral("version"), double(version)},
    };
    if (!categoryHint.isEmpty()) // only unassigned types carry one: other records stay as they were
        o.insert(QStringLiteral("category_hint"), categoryHint);
    return o;
}

QByteArray Action::toCompactJson() const
{
    JsonWriter w;
    auto time = [&w](QLatin1StringView key, const QDateTime &t) {
        w.key(key);
        if (t.isValid())
            w.string(toIsoUtc(t));
        else
            w.null();
    };
    auto optionalText = [&w](QLatin1StringView key, const QString &text) {
        w.key(key);
        if (text.isEmpty())
            w.null();
        else
            w.string(text);
    };
    // The keys in QJsonObject's order (sorted), so the bytes equal QJsonDocument's.
    w.beginObject();
    w.stringMember(QLatin1StringView("agent"), agent);
    optionalText(QLatin1StringView("assigned_to"), assignedTo);
    w.stringMember(QLatin1StringView("category"), category);
    if (!categoryHint.isEmpty())
        w.stringMember(QLatin1StringView("category_hint"), categoryHint);
    time(QLatin1StringView("claimed_at"), claimedAt);
    optionalText(QLatin1StringView("claimed_by"), claimedBy);
    w.numberMember(QLatin1StringView("confidence"), confidence);
    w.key(QLatin1StringView("context"));
    w.value(context);
    time(QLatin1StringView("created_at"), createdAt);
    time(QLatin1StringView("deadline"), slaDueAt);
    time(QLatin1StringView("decided_at"), decidedAt);
    w.stringMember(QLatin1StringView("decided_by"), decidedBy);
    w.booleanMember(QLatin1StringView("escalated"), escalated);
    time(QLatin1StringView("escalated_at"), escalatedAt);
    time(QLatin1StringView("expires_at"), expiresAt);
    w.rawMember(
        QLatin1StringView("final_payload"), finalPayload ? finalPayload->toCompactJson() : QByteArrayLiteral("null"));
    w.stringMember(QLatin1StringView("id"), id);
    optionalText(QLatin1StringView("idempotency_key"), idempotencyKey);
    time(QLatin1StringView("lease_expires_at"), leaseExpiresAt);
    w.booleanMember(QLatin1StringView("modified"), modified);
    w.rawMember(QLatin1StringView("payload"), payload.toCompactJson());
    w.stringMember(QLatin1StringView("reason"), reason);
    w.stringMember(QLatin1StringView("reasoning"), reasoning);
    optionalText(QLatin1StringView("snoozed_by"), snoozedBy);
    time(QLatin1StringView("snoozed_until"), snoozedUntil);
    w.stringMember(QLatin1StringView("state"), actionStateName(state));
    w.stringMember(QLatin1StringView("tier"), tierName(tier));
    w.stringMember(QLatin1StringView("tier_reason"), tierReason);
    w.stringMember(QLatin1StringView("title"), title);
    optionalText(QLatin1StringView("trace_url"), traceUrl);
    w.stringMember(QLatin1StringView("type"), type);
    w.booleanMember(QLatin1StringView("unassigned"), unassigned);
    w.numberMember(QLatin1StringView("version"), double(version));
    w.endObject();
    return w.take();
}

Result<Action> Action::fromJson(const QJsonObject &o)
{
    Action a;
    a.id = str(o, "id");
    if (a.id.isEmpty())
        return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("is missing")));
    a.type = str(o, "type");
    a.category = str(o, "category");
    a.categoryHint = str(o, "category_hint");
    a.title = str(o, "title");
    a.payload = Payload::fromJson(o.value(QLatin1String("payload")).toObject());
    a.reasoning = str(o, "reasoning");
    a.context = o.value(QLatin1String("context")).toObject();
    a.confidence = o.value(QLatin1String("confidence")).toDouble(1.0);
    a.agent = str(o, "agent");
    a.traceUrl = str(o, "trace_url");
    a.createdAt = time(o, "created_at");
    a.slaDueAt = time(o, "deadline");
    a.expiresAt = time(o, "expires_at");
    const auto tier = tierFromName(str(o, "tier"));
    if (!tier)
        return fail(Error::invalid(QStringLiteral("tier"), QStringLiteral("is not auto, review or prohibited")));
    a.tier = *tier;
    a.tierReason = str(o, "tier_reason");
    a.unassigned = o.value(QLatin1String("unassigned")).toBool();
    const auto state = actionStateFromName(str(o, "state"));
    if (!state)
        return fail(Error::invalid(QStringLiteral("state"), QStringLiteral("is not a known state")));
    a.state = *state;
    a.modified = o.value(QLatin1String("modified")).toBool();
    if (o.value(QLatin1String("final_payload")).isObject())
        a.finalPayload = Payload::fromJson(o.value(QLatin1String("final_payload")).toObject());
    a.reason = str(o, "reason");
    a.decidedBy = str(o, "decided_by");
    a.decidedAt = time(o, "decided_at");
    a.claimedBy = str(o, "claimed_by");
    a.claimedAt = time(o, "claimed_at");
    a.leaseExpiresAt = time(o, "lease_expires_at");
    a.assignedTo = str(o, "assigned_to");
    a.escalated = o.value(QLatin1String("escalated")).toBool();
    a.escalatedAt = time(o, "escalated_at");
    a.snoozedBy = str(o, "snoozed_by");
    a.snoozedUntil = time(o, "snoozed_until");
    a.idempotencyKey = str(o, "idempotency_key");
    a.version = qint64(o.value(QLatin1String("version")).toDouble(1));
    return a;
}

} // namespace Countersign
