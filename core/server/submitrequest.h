#pragma once

#include "domain/action.h"
#include "policy/actionfacts.h"
#include "policy/policyevaluation.h"

#include <QJsonObject>

#include <optional>

namespace Countersign {

// The validated body of POST /v1/actions. Validation happens here, once: the rest of the
// server only sees domain values.
struct SubmitRequest {
    QString type;
    QString title;
    Payload payload;
    QString reasoning;
    QJsonObject context;
    double confidence = 1.0;
    QString category; // the agent's hint; the policy decides
    QString idempotencyKey;
    QString traceUrl; // the agent's run or conversation: http(s) only (TraceUrl)
    std::optional<qint64> expiresInSeconds; // may only shorten the category's expiry
    QByteArray requestHash; // with a key: hex SHA-256 of the canonical body, tells a replay from a reuse

    static Result<SubmitRequest> fromJson(const QJsonObject &body);

    ActionFacts facts() const;
    // The action as the policy places it, admitted by the state machine: approved at once for
    // tier auto, rejected with the rule as reason for prohibited, pending for review.
    Result<Action> admit(const QString &agent, const PolicyEvaluation &evaluation, const QDateTime &now) const;

    static QStringList fieldNames();
    static QStringList serverOwnedFieldNames();
};

} // namespace Countersign
