#pragma once

#include "domain/error.h"
#include "reportengine.h"
#include "spotchecktally.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace Countersign {

// GET /v1/reports/reviewers: per reviewer, the decisions of the window, their share of all
// reviewers' decisions, the median time to decide, and how the spot checks of their approvals
// (approved or modified, sampled at the spot-check fraction) came out. Decisions count by decision
// day, spot checks by the approval's time (sampled_at), whenever the verdict was given.
struct ReviewerReport {
    struct Row {
        QString reviewer;
        qint64 decisions = 0; // approved + modified + rejected
        double decisionShare = 0; // of every reviewer's decisions in the window
        qint64 approved = 0;
        qint64 modified = 0;
        qint64 rejected = 0;
        double decideMedianSeconds = -1; // -1: no claim held to the decision (null in JSON)
        qint64 spotSampled = 0; // their approvals sampled, open or checked
        qint64 spotChecked = 0; // of those, given a verdict
        qint64 spotProblems = 0; // of those, found a problem
        // ok / checked and problems / checked; -1 (null) when none was checked.
        double agreementRate = -1;
        double foundWrongRate = -1;

        QJsonObject toJson() const;
        static Result<Row> fromJson(const QJsonObject &object);
        friend bool operator==(const Row &, const Row &) = default;
    };

    QDateTime from;
    QDateTime to;
    QList<Row> rows; // by reviewer name
    qint64 totalDecisions = 0; // every reviewer's, also when `rows` was narrowed to one

    // `reviewerRows` are the window's rollup rows (fine or grouped by reviewer); rows without a
    // reviewer (submissions, policy outcomes, expiries) are left out.
    static ReviewerReport compute(const QList<RollupRow> &reviewerRows, const QList<SpotCheckTally> &spotChecks,
        const ReportEngine::Window &window);
    // The same report with only `reviewer`'s row (none when they decided nothing in the window).
    ReviewerReport onlyFor(const QString &reviewer) const;

    QJsonObject toJson() const;
    static Result<ReviewerReport> fromJson(const QJsonObject &object);
};

} // namespace Countersign
