#pragma once

#include "actionstate.h"
#include "error.h"
#include "payload.h"
#include "tier.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace Countersign {

// One proposed action and everything the queue knows about it. A plain value: the state
// machine produces new values, the store persists them, the server and client serialise them.
struct Action {
    QString id;
    QString type; // e.g. "email.send_external"
    QString category; // from the policy (or the agent's hint for unassigned types)
    // The category the agent sent for a type the policy does not name, kept even when the policy
    // has no such category (the reports propose it as the type's home); empty otherwise.
    QString categoryHint;
    QString title;
    Payload payload; // the AI draft
    QString reasoning;
    QJsonObject context;
    double confidence = 1.0;
    QString agent; // name of the submitting agent's token
    QString traceUrl; // the agent's run or conversation (http/https, see TraceUrl); may be empty

    QDateTime createdAt;
    QDateTime slaDueAt; // category SLA: escalate when passed
    QDateTime expiresAt; // category expiry: default outcome when passed

    Tier tier = Tier::Review;
    QString tierReason; // why this tier: the type's entry, a rule, a prohibition
    bool unassigned = false; // the policy does not name this type

    ActionState state = ActionState::Pending;
    bool modified = false; // approved with the reviewer's edit
    std::optional<Payload> finalPayload; // what may run, once approved
    QString reason; // reason given with the decision, sent to the agent
    QString decidedBy; // reviewer, "policy" or "expiry"
    QDateTime decidedAt;

    QString claimedBy;
    QDateTime claimedAt;
    QDateTime leaseExpiresAt;
    QString assignedTo; // set by a lead's reassignment
    bool escalated = false;
    QDateTime escalatedAt;
    // A reviewer's "not now": hidden from their default queue until then. Nothing fires at that
    // time: the snooze is live while snoozedUntil > now (see isSnoozedAt).
    QString snoozedBy;
    QDateTime snoozedUntil;

    QString idempotencyKey;
    QString requestHash; // SHA-256 of the canonical request, to tell a replay from a reuse
    qint64 version = 1; // bumped on every change

    bool isClaimedAt(const QDateTime &now) const;
    bool isSnoozedAt(const QDateTime &now) const;
    // Snoozed by `reviewer` and still hidden from their queue at `now`.
    bool isSnoozedFor(const QString &reviewer, const QDateTime &now) const;

    // The full record, as the API returns it and the client reads it.
    QJsonObject toJson() const;
    // The same as compact JSON bytes, byte for byte what QJsonDocument makes of toJson(), written
    // directly (the store and the submit answer need the bytes, not the object).
    QByteArray toCompactJson() const;
    static Result<Action> fromJson(const QJsonObject &object);

    friend bool operator==(const Action &, const Action &) = default;
};

} // namespace Countersign
