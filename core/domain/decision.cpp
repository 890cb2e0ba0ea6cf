#include "decision.h"

#include "timeformat.h"

namespace Countersign {

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Approve:
        return QStringLiteral("approve");
    case Outcome::Modify:
        return QStringLiteral("modify");
    case Outcome::Reject:
        return QStringLiteral("reject");
    }
    return {};
}

std::optional<Outcome> outcomeFromName(const QString &name)
{
    for (auto o : {Outcome::Approve, Outcome::Modify, Outcome::Reject}) {
        if (outcomeName(o) == name)
            return o;
    }
    return std::nullopt;
}

QJsonObject Decision::toJson() const
{
    QJsonObject o{{QStringLiteral("outcome"), outcomeName(outcome)}};
    if (payload)
        o.insert(QStringLiteral("payload"), payload->toJson());
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    if (!reviewer.isEmpty())
        o.insert(QStringLiteral("reviewer"), reviewer);
    if (decidedAt.isValid())
        o.insert(QStringLiteral("decided_at"), toIsoUtc(decidedAt));
    if (expectedVersion)
        o.insert(QStringLiteral("version"), double(*expectedVersion));
    return o;
}

Result<Decision> Decision::fromJson(const QJsonObject &object)
{
    Decision d;
    const QJsonValue outcome = object.value(QLatin1String("outcome"));
    if (!outcome.isString())
        return fail(
            Error::invalid(QStringLiteral("outcome"), QStringLiteral("must be \"approve\", \"modify\" or \"reject\"")));
    const auto parsed = outcomeFromName(outcome.toString());
    if (!parsed)
        return fail(
            Error::invalid(QStringLiteral("outcome"), QStringLiteral("must be \"approve\", \"modify\" or \"reject\"")));
    d.outcome = *parsed;

    const QJsonValue payload = object.value(QLatin1String("payload"));
    if (!payload.isUndefined() && !payload.isNull()) {
        if (!payload.isObject())
            return fail(Error::invalid(QStringLiteral("payload"), QStringLiteral("must be an object")));
        const QJsonValue content = payload.toObject().value(QLatin1String("content"));
        if (!content.isString())
            return fail(Error::invalid(QStringLiteral("payload.content"), QStringLiteral("must be a string")));
        const QJsonValue language = payload.toObject().value(QLatin1String("language"));
        if (!language.isUndefined() && !language.isNull() && !language.isString())
            return fail(Error::invalid(QStringLiteral("payload.language"), QStringLiteral("must be a string")));
        // Accepted so a client may send back the payload it read; a Modify never changes it.
        const QJsonValue original = payload.toObject().value(QLatin1String("original"));
        if (!original.isUndefined() && !original.isNull() && !original.isString())
            return fail(Error::invalid(QStringLiteral("payload.original"), QStringLiteral("must be a string")));
        d.payload = Payload::fromJson(payload.toObject());
    }
    if (d.outcome == Outcome::Modify && !d.payload)
        return fail(Error::invalid(QStringLiteral("payload"), QStringLiteral("is required to modify an action")));

    const QJsonValue reason = object.value(QLatin1String("reason"));
    if (!reason.isUndefined() && !reason.isNull()) {
        if (!reason.isString())
            return fail(Error::invalid(QStringLiteral("reason"), QStringLiteral("must be a string")));
        d.reason = reason.toString();
    }
    if (d.outcome == Outcome::Reject && d.reason.trimmed().isEmpty())
        return fail(Error::invalid(QStringLiteral("reason"), QStringLiteral("is required to reject an action")));

    const QJsonValue version = object.value(QLatin1String("version"));
    if (!version.isUndefined() && !version.isNull()) {
        const double v = version.toDouble(-1);
        if (!version.isDouble() || v < 1 || v > 9007199254740991.0 || v != qint64(v))
            return fail(Error::invalid(QStringLiteral("version"), QStringLiteral("must be a positive integer")));
        d.expectedVersion = qint64(v);
    }
    return d;
}

} // namespace Countersign
