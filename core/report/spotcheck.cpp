#include "spotcheck.h"

#include "domain/timeformat.h"
#include "lifecycle/statemachine.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace Countersign {

QString spotCheckVerdictName(SpotCheckVerdict verdict)
{
    return verdict == SpotCheckVerdict::Ok ? QStringLiteral("ok") : QStringLiteral("problem");
}

std::optional<SpotCheckVerdict> spotCheckVerdictFromName(QStringView name)
{
    if (name == QLatin1String("ok"))
        return SpotCheckVerdict::Ok;
    if (name == QLatin1String("problem"))
        return SpotCheckVerdict::Problem;
    return std::nullopt;
}

QString spotCheckSourceName(SpotCheckSource source)
{
    return source == SpotCheckSource::Auto ? QStringLiteral("auto") : QStringLiteral("review");
}

std::optional<SpotCheckSource> spotCheckSourceFromName(QStringView name)
{
    if (name == QLatin1String("auto"))
        return SpotCheckSource::Auto;
    if (name == QLatin1String("review"))
        return SpotCheckSource::Review;
    return std::nullopt;
}

bool SpotCheck::isSampled(const QString &actionId, double fraction)
{
    if (!(fraction > 0))
        return false;
    if (fraction >= 1)
        return true;
    const QByteArray digest = QCryptographicHash::hash(actionId.toUtf8(), QCryptographicHash::Sha256);
    const quint64 x = qFromBigEndian<quint64>(digest.constData());
    // 2^-64 * x is in [0, 1); long double keeps the comparison exact enough at the edges.
    return static_cast<long double>(x) < static_cast<long double>(fraction) * 18446744073709551616.0L;
}

SpotCheck SpotCheck::forAction(const Action &a)
{
    SpotCheck s;
    s.actionId = a.id;
    s.type = a.type;
    s.category = a.category;
    s.agent = a.agent;
    s.title = a.title;
    s.confidence = a.confidence;
    s.tierReason = a.tierReason;
    s.sampledAt = a.decidedAt.isValid() ? a.decidedAt : a.createdAt;
    const bool byPolicy = a.decidedBy.isEmpty() || a.decidedBy == QLatin1String(StateMachine::PolicyActor);
    s.source = byPolicy ? SpotCheckSource::Auto : SpotCheckSource::Review;
    s.approvedBy = byPolicy ? QString::fromLatin1(StateMachine::PolicyActor) : a.decidedBy;
    return s;
}

QJsonObject SpotCheck::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), actionId}, {QStringLiteral("type"), type},
        {QStringLiteral("category"), category}, {QStringLiteral("agent"), agent}, {QStringLiteral("title"), title},
        {QStringLiteral("confidence"), confidence}, {QStringLiteral("tier_reason"), tierReason},
        {QStringLiteral("sampled_at"), timeToJson(sampledAt)}, {QStringLiteral("source"), spotCheckSourceName(source)},
        {QStringLiteral("approved_by"), approvedBy},
        {QStringLiteral("state"), isOpen() ? QStringLiteral("open") : QStringLiteral("done")},
        {QStringLiteral("verdict"), verdict ? QJsonValue(spotCheckVerdictName(*verdict)) : QJsonValue()},
        {QStringLiteral("note"), note}, {QStringLiteral("checked_by"), checkedBy.isEmpty() ? QJsonValue() : checkedBy},
        {QStringLiteral("checked_at"), timeToJson(checkedAt)}};
}

Result<SpotCheck> SpotCheck::fromJson(const QJsonObject &o)
{
    SpotCheck s;
    s.actionId = o.value(QLatin1String("id")).toString();
    if (s.actionId.isEmpty())
        return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("must be a non-empty string")));
    s.type = o.value(QLatin1String("type")).toString();
    s.category = o.value(QLatin1String("category")).toString();
    s.agent = o.value(QLatin1String("agent")).toString();
    s.title = o.value(QLatin1String("title")).toString();
    s.confidence = o.value(QLatin1String("confidence")).toDouble(1.0);
    s.tierReason = o.value(QLatin1String("tier_reason")).toString();
    s.sampledAt = fromIsoUtc(o.value(QLatin1String("sampled_at")).toString());
    // Checks stored before reviewers' approvals were sampled have neither field: auto-approvals.
    const QJsonValue source = o.value(QLatin1String("source"));
    if (!source.isUndefined()) {
        const auto parsed = spotCheckSourceFromName(source.toString());
        if (!parsed)
            return fail(Error::invalid(QStringLiteral("source"), QStringLiteral("must be auto or review")));
        s.source = *parsed;
    }
    s.approvedBy = o.value(QLatin1String("approved_by")).toString(QStringLiteral("policy"));
    const QJsonValue verdict = o.value(QLatin1String("verdict"));
    if (!verdict.isNull() && !verdict.isUndefined()) {
        s.verdict = spotCheckVerdictFromName(verdict.toString());
        if (!s.verdict)
            return fail(Error::invalid(QStringLiteral("verdict"), QStringLiteral("must be ok, problem or null")));
    }
    s.note = o.value(QLatin1String("note")).toString();
    s.checkedBy = o.value(QLatin1String("checked_by")).toString();
    s.checkedAt = fromIsoUtc(o.value(QLatin1String("checked_at")).toString());
    return s;
}

} // namespace Countersign
