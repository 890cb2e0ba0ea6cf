#include "submitrequest.h"

#include "domain/actionid.h"
#include "domain/traceurl.h"

#include "jsonbody.h"
#include "lifecycle/statemachine.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace Countersign {

namespace {

constexpr qsizetype MaxContent = 4 * 1024 * 1024; // the body cap bounds it first
constexpr qint64 MaxExpirySeconds = 366LL * 24 * 3600;

} // namespace

QStringList SubmitRequest::fieldNames()
{
    return {QStringLiteral("type"), QStringLiteral("title"), QStringLiteral("payload"), QStringLiteral("reasoning"),
        QStringLiteral("context"), QStringLiteral("confidence"), QStringLiteral("category"),
        QStringLiteral("idempotency_key"), QStringLiteral("expires_in_s"), QStringLiteral("trace_url")};
}

QStringList SubmitRequest::serverOwnedFieldNames()
{
    return {QStringLiteral("id"), QStringLiteral("agent"), QStringLiteral("state"), QStringLiteral("tier"),
        QStringLiteral("tier_reason"), QStringLiteral("unassigned"), QStringLiteral("category_hint"),
        QStringLiteral("decided_by"), QStringLiteral("decided_at"), QStringLiteral("reason"),
        QStringLiteral("modified"), QStringLiteral("final_payload"), QStringLiteral("created_at"),
        QStringLiteral("deadline"), QStringLiteral("expires_at"), QStringLiteral("claimed_by"),
        QStringLiteral("claimed_at"), QStringLiteral("lease_expires_at"), QStringLiteral("assigned_to"),
        QStringLiteral("escalated"), QStringLiteral("escalated_at"), QStringLiteral("snoozed_by"),
        QStringLiteral("snoozed_until"), QStringLiteral("version")};
}

Result<SubmitRequest> SubmitRequest::fromJson(const QJsonObject &o)
{
    using Need = JsonBody::Need;
    if (auto ok = JsonBody::onlyFields(o, fieldNames(), serverOwnedFieldNames()); !ok)
        return fail(ok.error());

    SubmitRequest r;
    auto type = JsonBody::string(o, QStringLiteral("type"), Need::Required, 128);
    if (!type)
        return fail(type.error());
    static const QRegularExpression typePattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.:-]*$"));
    if (!typePattern.match(*type).hasMatch())
        return fail(Error::invalid(QStringLiteral("type"),
            QStringLiteral("may hold only letters, digits and . _ : - (e.g. \"email.send_external\")")));
    r.type = *type;

    auto title = JsonBody::string(o, QStringLiteral("title"), Need::Required, 500);
    if (!title)
        return fail(title.error());
    r.title = *title;

    const QJsonValue payload = o.value(QLatin1String("payload"));
    if (!payload.isObject())
        return fail(Error::invalid(QStringLiteral("payload"), QStringLiteral("must be an object with \"content\"")));
    const QJsonObject p = payload.toObject();
    if (auto ok
        = JsonBody::onlyFields(p, {QStringLiteral("content"), QStringLiteral("language"), QStringLiteral("original")},
            {}, QStringLiteral("payload"));
        !ok)
        return fail(ok.error());
    auto content
        = JsonBody::string(p, QStringLiteral("content"), Need::Required, MaxContent, QStringLiteral("payload"));
    if (!content)
        return fail(content.error());
    auto language = JsonBody::string(p, QStringLiteral("language"), Need::Optional, 64, QStringLiteral("payload"));
    if (!language)
        return fail(language.error());
    r.payload = Payload{*content, *language};
    // The text the change replaces; may be empty (a new file), so presence is what counts.
    if (const QJsonValue original = p.value(QLatin1String("original")); !original.isUndefined() && !original.isNull()) {
        auto text
            = JsonBody::string(p, QStringLiteral("original"), Need::Optional, MaxContent, QStringLiteral("payload"));
        if (!text)
            return fail(text.error());
        r.payload.original = *text;
    }

    auto reasoning = JsonBody::string(o, QStringLiteral("reasoning"), Need::Optional, 20000);
    if (!reasoning)
        return fail(reasoning.error());
    r.reasoning = *reasoning;

    auto context = JsonBody::object(o, QStringLiteral("context"));
    if (!context)
        return fail(context.error());
    r.context = context->value_or(QJsonObject());

    auto confidence = JsonBody::number(o, QStringLiteral("confidence"), 0.0, 1.0);
    if (!confidence)
        return fail(confidence.error());
    r.confidence = confidence->value_or(1.0);

    auto category = JsonBody::string(o, QStringLiteral("category"), Need::Optional, 128);
    if (!category)
        return fail(category.error());
    r.category = *category;

    auto key = JsonBody::string(o, QStringLiteral("idempotency_key"), Need::Optional, 200);
    if (!key)
        return fail(key.error());
    r.idempotencyKey = *key;

    auto trace = JsonBody::string(o, QStringLiteral("trace_url"), Need::Optional, TraceUrl::MaxLength);
    if (!trace)
        return fail(trace.error());
    if (!trace->isEmpty()) {
        if (const auto problem = TraceUrl::problem(*trace))
            return fail(Error::invalid(QStringLiteral("trace_url"), *problem));
    }
    r.traceUrl = *trace;

    auto expiresIn = JsonBody::integer(o, QStringLiteral("expires_in_s"), 1, MaxExpirySeconds);
    if (!expiresIn)
        return fail(expiresIn.error());
    r.expiresInSeconds = *expiresIn;

    // Only needed to tell a replay from a reuse of the key.
    if (!r.idempotencyKey.isEmpty())
        r.requestHash = QCryptographicHash::hash(JsonBody::canonical(o), QCryptographicHash::Sha256).toHex();
    return r;
}

ActionFacts SubmitRequest::facts() const
{
    return ActionFacts{type, category, confidence, context};
}

Result<Action> SubmitRequest::admit(
    const QString &agent, const PolicyEvaluation &evaluation, const QDateTime &now) const
{
    Action a;
    a.id = newActionId(now);
    a.type = type;
    a.category = evaluation.category.isEmpty() ? category : evaluation.category;
    a.title = title;
    a.payload = payload;
    a.reasoning = reasoning;
    a.context = context;
    a.confidence = confidence;
    a.agent = agent;
    a.traceUrl = traceUrl;
    a.createdAt = now;
    if (evaluation.sla.count() > 0)
        a.slaDueAt = now.addSecs(evaluation.sla.count());
    if (evaluation.expiresAfter.count() > 0)
        a.expiresAt = now.addSecs(evaluation.expiresAfter.count());
    if (expiresInSeconds) {
        const QDateTime requested = now.addSecs(*expiresInSeconds);
        if (!a.expiresAt.isValid() || requested < a.expiresAt)
            a.expiresAt = requested;
    }
    a.tier = evaluation.tier;
    a.tierReason = evaluation.reason;
    a.unassigned = evaluation.unassigned;
    if (a.unassigned)
        a.categoryHint = category.trimmed();
    a.idempotencyKey = idempotencyKey;
    a.requestHash = QString::fromLatin1(requestHash);
    return StateMachine::admit(a, now);
}

} // namespace Countersign
