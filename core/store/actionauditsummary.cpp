#include "actionauditsummary.h"

#include "domain/timeformat.h"

#include <QCryptographicHash>

namespace Countersign {

QByteArray payloadHash(const Payload &payload)
{
    return QCryptographicHash::hash(payload.toCompactJson(), QCryptographicHash::Sha256).toHex();
}

QJsonObject actionAuditSummary(const Action &a)
{
    QJsonObject o{
        {QStringLiteral("state"), actionStateName(a.state)},
        {QStringLiteral("tier"), tierName(a.tier)},
        {QStringLiteral("version"), double(a.version)},
        {QStringLiteral("category"), a.category},
        {QStringLiteral("payload_sha256"), QString::fromLatin1(payloadHash(a.payload))},
    };
    auto insertIfSet = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    insertIfSet("tier_reason", a.tierReason);
    insertIfSet("claimed_by", a.claimedBy);
    if (a.leaseExpiresAt.isValid())
        o.insert(QStringLiteral("lease_expires_at"), toIsoUtc(a.leaseExpiresAt));
    insertIfSet("assigned_to", a.assignedTo);
    insertIfSet("snoozed_by", a.snoozedBy);
    if (a.snoozedUntil.isValid())
        o.insert(QStringLiteral("snoozed_until"), toIsoUtc(a.snoozedUntil));
    insertIfSet("decided_by", a.decidedBy);
    insertIfSet("reason", a.reason);
    if (a.escalated)
        o.insert(QStringLiteral("escalated"), true);
    if (a.modified)
        o.insert(QStringLiteral("modified"), true);
    if (a.finalPayload)
        o.insert(QStringLiteral("final_payload_sha256"), QString::fromLatin1(payloadHash(*a.finalPayload)));
    return o;
}

} // namespace Countersign
