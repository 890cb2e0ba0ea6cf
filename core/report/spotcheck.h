#pragma once

#include "domain/action.h"
#include "domain/error.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace Countersign {

enum class SpotCheckVerdict { Ok, Problem };
// Whose approval was sampled: the policy's at submission, or a reviewer's (approve or modify).
enum class SpotCheckSource { Auto, Review };

QString spotCheckVerdictName(SpotCheckVerdict verdict); // "ok", "problem"
std::optional<SpotCheckVerdict> spotCheckVerdictFromName(QStringView name);
QString spotCheckSourceName(SpotCheckSource source); // "auto", "review"
std::optional<SpotCheckSource> spotCheckSourceFromName(QStringView name);

// A retrospective review of one approved action. A fixed fraction of auto-approvals, and the same
// fraction of reviewers' approvals, is sampled when it is committed; a reviewer (not the one who
// approved it) gives each sample one verdict. Problems of auto-approvals feed the "tighten"
// recommendations, those of reviewers' approvals the reviewers report. Identified by the action's id.
struct SpotCheck {
    QString actionId;
    QString type;
    QString category;
    QString agent;
    QString title;
    double confidence = 1.0;
    QString tierReason; // why the policy let it through
    QDateTime sampledAt; // when it was approved
    SpotCheckSource source = SpotCheckSource::Auto;
    QString approvedBy = QStringLiteral("policy"); // the reviewer, or "policy" for an auto-approval
    std::optional<SpotCheckVerdict> verdict; // none while open
    QString note;
    QString checkedBy;
    QDateTime checkedAt;

    bool isOpen() const { return !verdict.has_value(); }

    // Whether the auto-approval of `actionId` is sampled at `fraction` (0..1). Deterministic: the
    // first 8 bytes of SHA-256(id), read big-endian as a fraction of 2^64, below `fraction`.
    static bool isSampled(const QString &actionId, double fraction);
    // The open spot check of an approved action (the source follows who approved it).
    static SpotCheck forAction(const Action &action);

    QJsonObject toJson() const;
    static Result<SpotCheck> fromJson(const QJsonObject &object);

    friend bool operator==(const SpotCheck &, const SpotCheck &) = default;
};

} // namespace Countersign
