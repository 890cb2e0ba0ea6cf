#pragma once

#include "domain/error.h"

#include <QJsonObject>
#include <QString>

namespace Countersign {

// One row of an approval report: what happened to the actions of one group in the window.
// Submissions count by creation time, outcomes by decision time, escalations by escalation time.
struct ReportGroup {
    QString key; // the category, type, reviewer, agent, or ISO date of the day / the week's Monday
    qint64 submitted = 0;
    qint64 autoApproved = 0; // approved by the policy at submission
    qint64 prohibited = 0; // rejected by the policy (at submission or on a policy change)
    qint64 reviewed = 0; // approved + modified + rejected, by a reviewer
    qint64 approved = 0; // approved unmodified
    qint64 modified = 0;
    qint64 rejected = 0;
    qint64 expired = 0; // settled by the category's expiry outcome
    qint64 withdrawn = 0;
    qint64 slaBreaches = 0; // reviewed or expired after the SLA deadline
    qint64 escalations = 0;
    // Over reviewed; they sum to 1 when reviewed > 0.
    double approvalRate = 0;
    double modificationRate = 0;
    double rejectionRate = 0;
    // Seconds; -1 when there is no data (null in JSON). Queue time runs from submission to the
    // reviewer's decision or the expiry; decide time from the decider's claim to the decision.
    double queueMedianSeconds = -1;
    double queueP95Seconds = -1;
    double decideMedianSeconds = -1;

    QJsonObject toJson() const;
    static Result<ReportGroup> fromJson(const QJsonObject &object);

    friend bool operator==(const ReportGroup &, const ReportGroup &) = default;
};

} // namespace Countersign
