#pragma once

#include "domain/action.h"
#include "domain/error.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace Countersign {

enum class SpotCheckVerdict { Ok, Problem };

QString spotCheckVerdictName(SpotCheckVerdict verdict); // "ok", "problem"
std::optional<SpotCheckVerdict> spotCheckVerdictFromName(QStringView name);

// A retrospective review of one auto-approved action. A fixed fraction of auto-approvals is
// sampled when it is committed; a reviewer gives each sample one verdict, and problems feed the
// "tighten" recommendations. Identified by the action's id.
struct SpotCheck {
    QString actionId;
    QString type;
    QString category;
    QString agent;
    QString title;
    double confidence = 1.0;
    QString tierReason; // why the policy let it through
    QDateTime sampledAt; // when it was auto-approved
    std::optional<SpotCheckVerdict> verdict; // none while open
    QString note;
    QString checkedBy;
    QDateTime checkedAt;

    bool isOpen() const { return !verdict.has_value(); }

    // Whether the auto-approval of `actionId` is sampled at `fraction` (0..1). Deterministic: the
    // first 8 bytes of SHA-256(id), read big-endian as a fraction of 2^64, below `fraction`.
    static bool isSampled(const QString &actionId, double fraction);
    // The open spot check of an auto-approved action.
    static SpotCheck forAction(const Action &action);

    QJsonObject toJson() const;
    static Result<SpotCheck> fromJson(const QJsonObject &object);

    friend bool operator==(const SpotCheck &, const SpotCheck &) = default;
};

} // namespace Countersign
