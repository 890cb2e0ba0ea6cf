#pragma once

#include "error.h"
#include "payload.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace Countersign {

enum class Outcome { Approve, Modify, Reject };

QString outcomeName(Outcome outcome);
std::optional<Outcome> outcomeFromName(const QString &name);

// A reviewer's verdict on one pending action.
struct Decision {
    Outcome outcome = Outcome::Approve;
    std::optional<Payload> payload; // the edited payload; required for Modify
    QString reason; // required for Reject, sent back to the agent
    QString reviewer;
    QDateTime decidedAt;
    std::optional<qint64> expectedVersion; // optimistic concurrency: refuse if the action moved on

    QJsonObject toJson() const;
    // Parses the request body of a decision; errors name the offending field.
    static Result<Decision> fromJson(const QJsonObject &object);
};

} // namespace Countersign
